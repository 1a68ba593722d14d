// The `?` overlay: every keyboard shortcut of the workbench in one place.

import type { LabelSchema } from '../../core/model/schema';

/** Shortcuts that do not come from the schema. */
export const FIXED_SHORTCUTS: [string, string][] = [
  ['Shift+arrows, mouse drag', 'select text (snaps to words)'],
  ['label key', 'label the selection (snapped to whole words)'],
  ['Shift+label key', 'label the selection exactly as selected (character precision)'],
  ['x', 'select the sentence under the caret'],
  ['label key on a selected span', 'change its label'],
  ['Delete / Backspace', 'delete the selected span (its relations too)'],
  ['Enter', 'edit the selected span’s attributes (Esc returns)'],
  ['relation key', 'link the selected span: Tab / ↓ ↑ pick a target, Enter confirms, Esc cancels'],
  ['Alt+← / Alt+→', 'move the selected span’s end by one character'],
  ['Alt+Shift+← / Alt+Shift+→', 'move the selected span’s start by one character'],
  ['] / [', 'next / previous span'],
  ['Alt+↓ / Alt+↑', 'next / previous document'],
  ['g / Shift+G', 'next / previous open suggestion'],
  ['Enter / Backspace on a suggestion', 'accept / reject it'],
  ['Shift+Enter on a suggestion', 'accept every open suggestion of its kind and label'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
  ['Ctrl+F', 'find in the document'],
  ['Ctrl+Shift+F', 'find across the corpus'],
  ['Ctrl+Shift+Enter', 'mark the document done'],
  ['Esc', 'deselect, close'],
  ['?', 'this list'],
];

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
              {FIXED_SHORTCUTS.map(([k, what]) => (
                <tr key={k}><td><kbd>{k}</kbd></td><td>{what}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <button onClick={onClose} autoFocus>Close</button>
      </div>
    </div>
  );
}
