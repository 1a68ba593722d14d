// Find in the document (Ctrl+F): matches highlighted in the text, Enter steps through them, Esc leaves the current one selected.

import { useEffect, useRef, useState } from 'react';
import { findAll, type TextMatch } from '../../core/model/find';
import type { OffsetMap } from '../../core/model/offsets';

/** Props of {@link FindBar}. */
export interface FindBarProps {
  text: string;
  map: OffsetMap;
  /** Paints the matches and the current one. */
  onMatches: (matches: TextMatch[], current: number) => void;
  /** Closes the bar; `selected` is the current match, left selected as text so a label key labels it. */
  onClose: (selected: TextMatch | null) => void;
}

/** The find bar. */
export function FindBar({ text, map, onMatches, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useRef<TextMatch[]>([]);
  matches.current = findAll(text, query, { caseSensitive, map });
  const count = matches.current.length;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    onMatches(matches.current, Math.min(current, count - 1));
  }, [query, caseSensitive, current, count, onMatches]);

  const step = (by: number) => count && setCurrent((c) => (c + by + count) % count);
  return (
    <div className="find-bar" role="search" data-no-hotkeys>
      <input
        ref={input}
        value={query}
        placeholder="Find in document"
        aria-label="Find in document"
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose(matches.current[current] ?? null);
          }
        }}
      />
      <span className="find-count" data-testid="find-count">
        {query ? (count ? `${Math.min(current, count - 1) + 1} of ${count}` : 'no matches') : ''}
      </span>
      <label>
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Aa
      </label>
      <button onClick={() => step(-1)} aria-label="Previous match">↑</button>
      <button onClick={() => step(1)} aria-label="Next match">↓</button>
      <button onClick={() => onClose(matches.current[current] ?? null)} aria-label="Close find">×</button>
    </div>
  );
}
