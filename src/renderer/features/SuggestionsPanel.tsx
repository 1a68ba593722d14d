// The suggestion queue: each open suggestion with its line of context, its source and score; identical strings
// in one row ("Beijing" ×37) judged together or one by one; filters by label and source; the keyboard stays in the queue.

import { useEffect, useMemo, useRef, useState } from 'react';
import { OffsetMap } from '../../core/model/offsets';
import type { DocSuggestion } from '../app/assist';
import { ContextText } from './ContextText';
import { plural } from '../../core/text/plural';
import { contextLine, facetsOf, filterQueue, focusAfter, formatScore, groupQueue, type QueueFilter, type QueueOrder, type QueueRow } from './suggestion-queue';
import './panels.css';

/** A suggestion as the queue takes it: `source` and `score` where the suggester gives them. */
type QueueSuggestion = DocSuggestion & { readonly source?: string; readonly score?: number };

/** Rows rendered at first; more on request, so a document with thousands of proposals opens the tab at once. */
const ROWS_PER_PAGE = 150;

/** Places of one group listed at most when it is opened: enough to judge by eye, few enough to draw at once. */
const MAX_PLACES = 200;

/** Props of {@link SuggestionsPanel}. */
export interface SuggestionsPanelProps {
  suggestions: DocSuggestion[];
  focusedKey: string | null;
  colorOf: (label: string) => string;
  onFocus: (s: DocSuggestion) => void;
  onAccept: (list: DocSuggestion[]) => void;
  onReject: (list: DocSuggestion[]) => void;
  /** The document's text: with it, every row shows its line of context. */
  text?: string;
  /** The text's offset map, if the caller has one (else one is built from `text`). */
  map?: OffsetMap;
  /** Told when the annotator changes the label or source filter, e.g. so that `g` steps through what the queue shows. */
  onFilterChange?: (filter: QueueFilter) => void;
}

const ORDERS: { value: QueueOrder; title: string }[] = [
  { value: 'position', title: 'in text order' },
  { value: 'score', title: 'best score first' },
  { value: 'count', title: 'most frequent first' },
];

/** The queue. */
export function SuggestionsPanel({ suggestions, focusedKey, colorOf, onFocus, onAccept, onReject, text, map, onFilterChange }: SuggestionsPanelProps) {
  const [filter, setFilterState] = useState<QueueFilter>({});
  const [order, setOrder] = useState<QueueOrder>('position');
  const [pages, setPages] = useState(1);
  const list = useRef<HTMLDivElement>(null);
  const all = suggestions as QueueSuggestion[];
  const offsetMap = useMemo(() => (text === undefined ? undefined : (map ?? new OffsetMap(text))), [text, map]);
  const facets = useMemo(() => facetsOf(all), [all]);
  const rows = useMemo(() => groupQueue(filterQueue(all, filter), order), [all, filter, order]);
  const shown = rows.slice(0, pages * ROWS_PER_PAGE);
  const shownCount = rows.reduce((n, r) => n + r.items.length, 0);

  // The suggestion focused in the text (g / Shift+G) is brought into view in the queue: its place if shown, else its row.
  useEffect(() => {
    if (!focusedKey) return;
    const rowKey = rows.find((r) => r.items.some((s) => s.key === focusedKey))?.key;
    const place = list.current?.querySelector(`[data-member="${CSS.escape(focusedKey)}"]`);
    (place ?? (rowKey ? list.current?.querySelector(`[data-row="${CSS.escape(rowKey)}"]`) : null))?.scrollIntoView({ block: 'nearest' });
  }, [focusedKey, rows]);

  const setFilter = (next: QueueFilter) => {
    setFilterState(next);
    onFilterChange?.(next);
  };

  /** Moves the keyboard to a row's main action (never to its ✗), or to the queue itself when no row is left. */
  const focusRow = (rowKey: string | null) => {
    const target = rowKey ? list.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(rowKey)}"] [data-queue-main]`) : null;
    (target ?? list.current)?.focus();
  };

  /** Judges suggestions of the row at `index`; the focus goes to the next row first, so it never falls to the body or to a ✗. */
  const judge = (index: number, items: QueueSuggestion[], verdict: 'accept' | 'reject', wholeRow: boolean) => {
    const keys = shown.map((r) => r.key);
    if (wholeRow) focusRow(focusAfter(keys, index));
    else {
      // One member of a row: the focus stays in the row, on the next member or the row itself.
      const row = list.current?.querySelector(`[data-row="${CSS.escape(keys[index]!)}"]`);
      const members = [...(row?.querySelectorAll<HTMLElement>('[data-member-main]') ?? [])];
      const at = members.findIndex((m) => m.dataset.memberMain === items[0]!.key);
      (members[at + 1] ?? members[at - 1] ?? row?.querySelector<HTMLElement>('[data-queue-main]'))?.focus();
    }
    if (verdict === 'accept') onAccept(items);
    else onReject(items);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('select, input, textarea, summary')) return; // the menus and the disclosure keep their own keys
    const rowEl = target.closest<HTMLElement>('[data-row]');
    const index = rowEl ? shown.findIndex((r) => r.key === rowEl.dataset.row) : -1;
    const row = shown[index];
    const memberKey = target.closest<HTMLElement>('[data-member]')?.dataset.member;
    const member = memberKey ? row?.items.find((s) => s.key === memberKey) : undefined;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const mains = [...(list.current?.querySelectorAll<HTMLElement>('[data-queue-main], [data-member-main]') ?? [])].filter((el) => el.offsetParent !== null);
      const from = rowEl ? mains.indexOf(target.closest('li')!.querySelector<HTMLElement>('[data-queue-main], [data-member-main]')!) : -1;
      (mains[from === -1 ? 0 : from + (e.key === 'ArrowDown' ? 1 : -1)] ?? mains[from])?.focus();
    } else if (rowEl && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      // → opens a group's places and goes to the first; ← closes them and goes back to the row.
      const places = rowEl.querySelector<HTMLDetailsElement>('details.queue-members');
      if (!places) return;
      if (e.key === 'ArrowRight') {
        // The places are rendered once open: the row focuses the first when they are there.
        places.dataset.focusFirst = 'yes';
        places.open = true;
      } else {
        places.open = false;
        rowEl.querySelector<HTMLElement>('[data-queue-main]')?.focus();
      }
    } else if (row && (e.key === 'a' || e.key === 'A')) {
      judge(index, member ? [member] : [...row.items], 'accept', !member);
    } else if (row && (e.key === 'Backspace' || e.key === 'Delete')) {
      judge(index, member ? [member] : [...row.items], 'reject', !member);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="suggestions queue" ref={list} tabIndex={-1} onKeyDown={onKeyDown} data-testid="suggestion-queue">
      {suggestions.length ? (
        <>
          <div className="queue-filters" data-no-hotkeys>
            <select aria-label="Suggestions of label" value={filter.label ?? ''} onChange={(e) => setFilter({ ...filter, label: e.target.value || undefined })} data-testid="queue-label-filter">
              <option value="">All labels</option>
              {facets.labels.map(([l, n]) => <option key={l} value={l}>{l} ({n})</option>)}
            </select>
            <select aria-label="Suggestions from source" value={filter.source ?? ''} onChange={(e) => setFilter({ ...filter, source: e.target.value || undefined })} data-testid="queue-source-filter">
              <option value="">All sources</option>
              {facets.sources.map(([s, n]) => <option key={s} value={s}>{s} ({n})</option>)}
            </select>
            <select aria-label="Order of the queue" value={order} onChange={(e) => setOrder(e.target.value as QueueOrder)}>
              {ORDERS.map((o) => <option key={o.value} value={o.value}>{o.title}</option>)}
            </select>
          </div>
          <p className="hint" data-testid="queue-summary">
            {plural(shownCount, 'suggestion')} in {plural(rows.length, 'row')}{shownCount < suggestions.length ? ` (${suggestions.length - shownCount} filtered out)` : ''}. In the text g / Shift+G step; here ↑/↓ move, → opens a group, A accepts, Backspace rejects.
          </p>
        </>
      ) : (
        <p className="empty">No open suggestions in this document.</p>
      )}
      <ul className="queue-rows">
        {shown.map((row, index) => (
          <QueueRowView key={row.key} row={row} index={index} focusedKey={focusedKey} colorOf={colorOf} text={text} map={offsetMap} onFocus={onFocus} judge={judge} />
        ))}
      </ul>
      {rows.length > shown.length ? (
        <button onClick={() => setPages((p) => p + 1)}>Show {Math.min(ROWS_PER_PAGE, rows.length - shown.length)} more of {plural(rows.length - shown.length, 'row')}</button>
      ) : null}
    </div>
  );
}

/** Props of one row. */
interface QueueRowViewProps {
  row: QueueRow<QueueSuggestion>;
  index: number;
  focusedKey: string | null;
  colorOf: (label: string) => string;
  text?: string;
  map?: OffsetMap;
  onFocus: (s: DocSuggestion) => void;
  judge: (index: number, items: QueueSuggestion[], verdict: 'accept' | 'reject', wholeRow: boolean) => void;
}

/** A row: the string, its count, sources and best score, the first place's context; the other places behind a disclosure. */
function QueueRowView({ row, index, focusedKey, colorOf, text, map, onFocus, judge }: QueueRowViewProps) {
  const first = row.items[0]!;
  const n = row.items.length;
  const focused = row.items.some((s) => s.key === focusedKey);
  const many = n > 1;
  // A group's places are rendered only while open: a string found 5,000 times costs one row until asked for.
  const [open, setOpen] = useState(false);
  const places = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const el = places.current;
    if (!open || !el?.dataset.focusFirst) return;
    delete el.dataset.focusFirst;
    el.querySelector<HTMLElement>('[data-member-main]')?.focus();
  }, [open]);
  const shownPlaces = open ? row.items.slice(0, MAX_PLACES) : [];
  return (
    <li className={`queue-row${focused ? ' focused' : ''}`} data-row={row.key} data-count={n} data-suggestion-row={first.key}>
      <div className="queue-head">
        <span className="span-row-label" style={{ background: colorOf(row.label) }}>{row.label}</span>
        <button className="link queue-main" data-queue-main onClick={() => onFocus(first)} title={many ? `${row.text}: show the first of ${n} in the text` : `${row.text}: show it in the text`}>
          {row.text}
        </button>
        {many ? <span className="queue-count" data-testid="queue-count">×{n}</span> : null}
        <button className="queue-accept" onClick={() => judge(index, [...row.items], 'accept', true)} aria-label={many ? `Accept all ${n} ${row.text}` : `Accept ${row.text}`} title={many ? `Accept all ${n} (A)` : 'Accept (A)'}>
          ✓{many ? ' all' : ''}
        </button>
        <button className="queue-reject" onClick={() => judge(index, [...row.items], 'reject', true)} aria-label={many ? `Reject all ${n} ${row.text}` : `Reject ${row.text}`} title={many ? `Reject all ${n} (Backspace)` : 'Reject (Backspace)'}>
          ✗{many ? ' all' : ''}
        </button>
      </div>
      <div className="queue-meta">
        <span className="queue-source" data-testid="queue-source" title="Where the suggestion comes from">{row.sources.join(' · ')}</span>
        {row.score !== undefined ? <span className="queue-score" title={many ? 'Best score of the row' : 'Score'} data-testid="queue-score">score {formatScore(row.score)}</span> : null}
        {first.kind === 'figure' && typeof first.attrs.value === 'number' ? (
          <span className="queue-value" title="The figure as parsed">= {first.attrs.value.toLocaleString('en')} {String(first.attrs.unit ?? '')}</span>
        ) : null}
      </div>
      {text !== undefined && map ? <Context text={text} map={map} s={first} /> : null}
      {many ? (
        <details className="queue-members" ref={places} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>each of the {n}</summary>
          <ul>
            {shownPlaces.map((s) => (
              <li key={s.key} className={s.key === focusedKey ? 'focused' : ''} data-member={s.key}>
                <button className="link" data-member-main={s.key} onClick={() => onFocus(s)} title="Show it in the text">
                  {text !== undefined && map ? <Context text={text} map={map} s={s} /> : `${s.start}–${s.end}`}
                </button>
                <button tabIndex={-1} onClick={() => judge(index, [s], 'accept', false)} aria-label={`Accept ${s.text} at ${s.start}`}>✓</button>
                <button tabIndex={-1} onClick={() => judge(index, [s], 'reject', false)} aria-label={`Reject ${s.text} at ${s.start}`}>✗</button>
              </li>
            ))}
          </ul>
          {open && n > MAX_PLACES ? <p className="hint">The first {MAX_PLACES} places; judge them to see the rest.</p> : null}
        </details>
      ) : null}
    </li>
  );
}

/** One line of context, the suggestion marked. */
function Context({ text, map, s }: { text: string; map: OffsetMap; s: QueueSuggestion }) {
  return (
    <span className="queue-context" data-testid="queue-context">
      <ContextText context={contextLine(text, s.start, s.end, map)} />
    </span>
  );
}
