// The span list beside the text: the document's spans in reading order, unsure and commented ones marked; a click
// selects and scrolls to one.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Span } from '../../core/model/types';
import './panels.css';

/** Height of one row in pixels. */
const ROW_HEIGHT = 30;

/** Props of {@link SpanList}. */
export interface SpanListProps {
  spans: Span[];
  selectedId: string | null;
  colorOf: (label: string) => string;
  onSelect: (id: string) => void;
}

/** The span list, virtualized: a document may hold thousands of spans. */
export function SpanList({ spans, selectedId, colorOf, onSelect }: SpanListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: spans.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  if (spans.length === 0) return <p className="empty">No spans yet. Select text and press a label key.</p>;
  return (
    <div className="span-list" ref={scroller} role="listbox" aria-label="Spans">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => {
          const s = spans[row.index]!;
          return (
            <div
              key={s.id}
              role="option"
              aria-selected={s.id === selectedId}
              className={`span-row${s.id === selectedId ? ' selected' : ''}`}
              style={{ position: 'absolute', top: row.start, height: ROW_HEIGHT, left: 0, right: 0 }}
              onClick={() => onSelect(s.id)}
              data-span-row={s.id}
            >
              <span className="span-row-label" style={{ background: colorOf(s.label) }}>{s.label}</span>
              <span className="span-row-text">{s.quote.exact}</span>
              {s.unsure ? <span className="unsure-flag" title="Flagged unsure" data-testid="span-row-unsure">unsure</span> : null}
              {s.comment ? <span className="comment-flag" title={s.comment} aria-label={`Comment: ${s.comment}`}>✎</span> : null}
              <span className="span-row-offsets">{s.start}–{s.end}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
