// The `?` overlay: every keyboard shortcut of the workbench, read from its keymap and the schema.

import { formatBinding } from '../../core/keys/keymap';
import { WORKBENCH_KEYMAP } from '../../core/keys/workbench-keys';
import type { LabelSchema } from '../../core/model/schema';

/** Whether keys are shown with Mac symbols. */
const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The overlay. */
export function ShortcutsOverlay({ schema, onClose }: { schema: LabelSchema; onClose: () => void }) {
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={onClose}>
      <div className="modal shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <div className="shortcut-columns">
          <table>
            <tbody>
              {schema.labels.map((l) => (
                <tr key={l.name}><td><kbd>{l.hotkey}</kbd></td><td>label {l.name}</td></tr>
              ))}
              {schema.relations.map((r) => (
                <tr key={r.name}><td><kbd>{r.hotkey}</kbd></td><td>link: {r.name}</td></tr>
              ))}
            </tbody>
          </table>
          <table>
            <tbody>
              {WORKBENCH_KEYMAP.map((b) => (
                <tr key={b.id} data-binding={b.id}><td><kbd>{formatBinding(b, { mac: MAC })}</kbd></td><td>{b.describe}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <button onClick={onClose} autoFocus>Close</button>
      </div>
    </div>
  );
}
