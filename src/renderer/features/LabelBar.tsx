// The label bar: every label with its colour and hotkey; a click applies it like the key does.

import type { LabelDef } from '../../core/model/schema';

/** Props of {@link LabelBar}. */
export interface LabelBarProps {
  labels: LabelDef[];
  onApply: (label: string) => void;
}

/** Buttons of the labels; mousedown is prevented so the text selection survives the click. */
export function LabelBar({ labels, onApply }: LabelBarProps) {
  return (
    <div className="label-bar" role="toolbar" aria-label="Labels">
      {labels.map((l) => (
        <button
          key={l.name}
          className="label-button"
          style={{ ['--c' as string]: l.color }}
          title={`${l.help} (key: ${l.hotkey})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onApply(l.name)}
          data-label={l.name}
        >
          <kbd>{l.hotkey}</kbd> {l.name}
        </button>
      ))}
    </div>
  );
}
