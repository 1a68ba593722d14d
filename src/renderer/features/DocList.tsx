// The corpus sidebar: every document with title, size, span count and status, virtualized for large folders.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { CorpusEntry, DocMeta } from '../../core/ipc/contract';
import type { DocState } from '../db/db';
import { formatBytes } from './format';
import { notesSummary } from './notes';
import { plural } from '../../core/text/plural';
import './panels.css';

/** Height of one row in pixels; the virtualizer needs it up front. */
const ROW_HEIGHT = 56;

/** A document state's note, where the store keeps one (the `doc-meta` journal op's value). */
function metaOfState(st: DocState | undefined): DocMeta | undefined {
  return (st as (DocState & { meta?: DocMeta }) | undefined)?.meta;
}

/** Props of {@link DocList}. */
export interface DocListProps {
  documents: CorpusEntry[];
  states: Map<string, DocState>;
  activePath: string | null;
  onOpen: (entry: CorpusEntry) => void;
  /** Opens the encoding chooser of a document whose encoding is a guess. */
  onEncoding?: (entry: CorpusEntry) => void;
  /** A document's note (comment, unsure flag), so flagged documents stand out in the list; by default the state's own `meta`. */
  metaOf?: (docId: string) => DocMeta | undefined;
}

/** The document list. */
export function DocList({ documents, states, activePath, onOpen, onEncoding, metaOf }: DocListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: documents.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div className="doc-list" ref={scroller} role="listbox" aria-label="Documents">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => {
          const d = documents[row.index]!;
          const st = states.get(d.docId);
          const status = st?.status ?? 'todo';
          const meta = metaOf?.(d.docId) ?? metaOfState(st);
          return (
            <div
              key={d.path}
              role="option"
              aria-selected={d.path === activePath}
              className={`doc-row${d.path === activePath ? ' active' : ''}`}
              style={{ position: 'absolute', top: row.start, height: ROW_HEIGHT, left: 0, right: 0 }}
              onClick={() => onOpen(d)}
              data-path={d.path}
              title={d.path}
            >
              <div className="doc-title">
                {meta?.unsure ? <span className="unsure-flag" title={notesSummary(meta)} data-testid="doc-unsure">unsure</span> : null}
                {meta?.comment ? <span className="comment-flag" title={meta.comment} aria-label={`Comment: ${meta.comment}`}>✎ </span> : null}
                {d.title}
              </div>
              <div className="doc-meta">
                <span className="doc-path">{d.path}</span>
                <span>{formatBytes(d.size)}</span>
                <span className="doc-count" data-testid="span-count">{plural(st?.spanCount ?? 0, 'span')}</span>
                <span className={`status status-${status}`} data-testid="status">{status.replace('-', ' ')}</span>
                {d.encodingUncertain || d.encodingChosen ? (
                  <button
                    className={`encoding-badge${d.encodingUncertain && !d.encodingChosen ? ' uncertain' : ''}`}
                    title={d.encodingChosen ? `Decoded as ${d.encoding} (your choice)` : `Decoded as ${d.encoding}, a guess: click to choose`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onEncoding?.(d);
                    }}
                    data-testid="encoding"
                  >
                    {d.encoding}{d.encodingChosen ? '' : '?'}
                  </button>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
