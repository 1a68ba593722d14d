// The curation keys, read from the keymap table: the `?` overlay and the footer line under the lanes.

import { CURATION_KEYMAP } from '../../../core/keys/curation-keys';
import { formatBinding, LABEL_SLOT } from '../../../core/keys/keymap';
import type { LabelSchema } from '../../../core/model/schema';
import { CURATION_RESERVED as RESERVED_KEYS } from './use-curation-keys';

/** The `?` overlay: every binding of the table, and the schema's labels that relabel here. */
export function KeysHelp({ schema, onClose }: { schema: LabelSchema; onClose: () => void }) {
  const rows: [string, string][] = [];
  for (const b of CURATION_KEYMAP) {
    if (b.id === 'close-help') continue;
    if (b.keys.includes(LABEL_SLOT)) {
      for (const l of schema.labels.filter((x) => !RESERVED_KEYS.has(x.hotkey))) rows.push([l.hotkey, `${b.describe} ${l.name}`]);
    } else rows.push([formatBinding(b), b.describe]);
  }
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal cur-help" onClick={(e) => e.stopPropagation()} role="dialog" aria-label="Curation keys">
        <h2>Curation keys</h2>
        <table>
          <tbody>
            {rows.map(([k, what]) => (
              <tr key={k + what}>
                <td><kbd>{k}</kbd></td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}

/** Bindings shown in the footer, in this order: the ones used on every conflict. */
const FOOTER = ['next-open-conflict', 'previous-conflict', 'take-annotator', 'keep-both', 'keep-neither', 'undo-decision', 'next-gold', 'move-end', 'move-start', 'undo'];

/** The one-line key summary under the lanes. */
export function KeysFooter({ schema }: { schema: LabelSchema }) {
  const items = FOOTER.map((id) => CURATION_KEYMAP.find((b) => b.id === id)!).map((b) => `${formatBinding(b)} ${b.describe.split(' (')[0]}`);
  const labels = schema.labels.filter((l) => !RESERVED_KEYS.has(l.hotkey)).map((l) => `${l.hotkey} ${l.name}`);
  return (
    <footer className="cur-keys" data-testid="curation-keys">
      {[...items, ...labels].join(' · ')} · ? all keys
    </footer>
  );
}
