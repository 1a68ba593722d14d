// Find across the corpus (Ctrl+Shift+F): matches listed by document; label a match from the list by key or click.

import { useEffect, useRef, useState } from 'react';
import type { CorpusEntry } from '../../core/ipc/contract';
import { findAll, type TextMatch } from '../../core/model/find';
import { OffsetMap } from '../../core/model/offsets';
import type { LabelSchema } from '../../core/model/schema';
import { ContextText } from './ContextText';
import { plural } from '../../core/text/plural';
import { contextLine, type ContextLine } from './suggestion-queue';

/** Matches listed per document at most, so one common word does not bury the rest. */
const MAX_PER_DOCUMENT = 200;

/** Code points of context each side of a match: more than a row shows, the left side clipped on its left. */
const CONTEXT_WIDTH = 40;

/** One row of the results. */
interface ResultRow {
  entry: CorpusEntry;
  match: TextMatch;
  context: ContextLine;
}

/** Props of {@link CorpusSearch}. */
export interface CorpusSearchProps {
  documents: CorpusEntry[];
  schema: LabelSchema;
  loadText: (entry: CorpusEntry) => Promise<string>;
  /** Labels a match; resolves once stored. */
  onLabel: (entry: CorpusEntry, match: TextMatch, label: string) => Promise<void>;
  onOpen: (entry: CorpusEntry, match: TextMatch) => void;
  onClose: () => void;
}

/** The corpus search panel. */
export function CorpusSearch({ documents, schema, loadText, onLabel, onOpen, onClose }: CorpusSearchProps) {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<ResultRow[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [labelled, setLabelled] = useState<Record<string, string>>({});
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => input.current?.focus(), []);

  const run = async () => {
    if (!query) return;
    setSearching(true);
    const out: ResultRow[] = [];
    for (const entry of documents) {
      const text = await loadText(entry);
      const map = new OffsetMap(text);
      for (const match of findAll(text, query, { map, limit: MAX_PER_DOCUMENT })) out.push({ entry, match, context: contextLine(text, match.start, match.end, map, CONTEXT_WIDTH, CONTEXT_WIDTH) });
    }
    setRows(out);
    setLabelled({});
    setSearching(false);
  };

  const keyOf = (r: ResultRow) => `${r.entry.path}:${r.match.start}`;
  const label = async (r: ResultRow, name: string) => {
    await onLabel(r.entry, r.match, name);
    setLabelled((l) => ({ ...l, [keyOf(r)]: name }));
  };

  const byDoc = new Map<string, ResultRow[]>();
  for (const r of rows ?? []) (byDoc.get(r.entry.path) ?? byDoc.set(r.entry.path, []).get(r.entry.path)!).push(r);

  return (
    <section className="corpus-search" aria-label="Find in corpus">
      <div className="corpus-search-head" data-no-hotkeys>
        <input
          ref={input}
          value={query}
          placeholder="Find in all documents"
          aria-label="Find in all documents"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void run();
            if (e.key === 'Escape') onClose();
            if (e.key === 'ArrowDown') list.current?.querySelector<HTMLElement>('.search-row')?.focus();
          }}
        />
        <button onClick={() => void run()} disabled={searching}>{searching ? 'Searching…' : 'Search'}</button>
        <button onClick={onClose} aria-label="Close corpus search">×</button>
      </div>
      {rows ? <p className="search-summary" data-testid="search-summary">{plural(rows.length, 'match', 'matches')} in {plural(byDoc.size, 'document')}</p> : null}
      <div className="search-results" ref={list}>
        {[...byDoc.entries()].map(([path, docRows]) => (
          <div key={path} className="search-doc">
            <h4 title={path}>{docRows[0]!.entry.title} <span className="doc-path">{path}</span></h4>
            {docRows.map((r) => (
              <div
                key={keyOf(r)}
                className="search-row"
                tabIndex={0}
                data-search-row={keyOf(r)}
                onKeyDown={(e) => {
                  if (e.ctrlKey || e.metaKey || e.altKey) return;
                  const rowsEls = [...list.current!.querySelectorAll<HTMLElement>('.search-row')];
                  const i = rowsEls.indexOf(e.currentTarget);
                  if (e.key === 'ArrowDown') rowsEls[i + 1]?.focus();
                  else if (e.key === 'ArrowUp') (rowsEls[i - 1] ?? input.current)?.focus();
                  else if (e.key === 'Enter') onOpen(r.entry, r.match);
                  else if (e.key === 'Escape') onClose();
                  else {
                    const l = schema.labels.find((x) => x.hotkey === e.key);
                    if (!l) return;
                    void label(r, l.name);
                  }
                  e.preventDefault();
                  e.stopPropagation();
                }}
                onDoubleClick={() => onOpen(r.entry, r.match)}
              >
                <ContextText context={r.context} />
                {labelled[keyOf(r)] ? (
                  <span className="labelled">✓ {labelled[keyOf(r)]}</span>
                ) : (
                  <span className="row-labels">
                    {schema.labels.map((l) => (
                      <button key={l.name} tabIndex={-1} style={{ ['--c' as string]: l.color }} title={`Label ${l.name} (${l.hotkey})`} onClick={() => void label(r, l.name)}>
                        {l.hotkey}
                      </button>
                    ))}
                  </span>
                )}
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
