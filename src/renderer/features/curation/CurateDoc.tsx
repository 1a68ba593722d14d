// One document under curation: the current conflict and its options, the selected gold span, and the text in lanes (gold, then one per annotator).

import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { acceptedSides, goldSpans, isDecided, type Candidate, type Conflict, type ConflictChoice, type DocumentCuration } from '../../../core/agreement';
import { OffsetMap } from '../../../core/model/offsets';
import type { LabelSchema } from '../../../core/model/schema';
import type { CodePoint } from '../../../core/model/types';
import { assignRows, blocksOf, bucketByBlock, laneSignature, paintLane, type Band, type Block, type Mark } from './lanes';

/** Props of {@link CurateDoc}. */
export interface CurateDocProps {
  doc: DocumentCuration;
  schema: LabelSchema;
  colorOf: (label: string) => string;
  conflictId: string | null;
  /** The selected gold span's id (as it is now, edits applied). */
  selectedGold: string | null;
  onPickConflict: (conflictId: string) => void;
  onSelectGold: (goldId: string | null) => void;
  /** Decides the current conflict (null: back to the strategy's proposal). */
  onChoose: (choice: ConflictChoice | null) => void;
  onMove: (edge: 'start' | 'end', by: number) => void;
  onRelabel: (label: string) => void;
  onResetEdit: () => void;
}

/** Characters of a side's text shown in the conflict card before an ellipsis. */
const SIDE_TEXT_SHOWN = 90;

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > SIDE_TEXT_SHOWN ? chars.slice(0, SIDE_TEXT_SHOWN - 1).join('') + '…' : text;
}

/** The choice that keeps exactly what annotator `a` marked in the conflict (nothing, if they marked nothing). */
export function annotatorChoice(conflict: Conflict, annotator: string): ConflictChoice {
  return { kind: 'sides', sides: [...(conflict.byAnnotator[annotator] ?? [])] };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The document view of the curation. */
export function CurateDoc(props: CurateDocProps) {
  const { doc, colorOf, conflictId, selectedGold } = props;
  // Long documents are read for their conflicts: lines without one are hidden until asked for.
  const [onlyConflicts, setOnlyConflicts] = useState(true);
  const text = doc.text ?? '';
  const map = useMemo(() => new OffsetMap(text), [text]);
  const blocks = useMemo(() => blocksOf(text), [text]);
  const u16 = (cp: number) => map.toUtf16(cp as CodePoint) as number;

  const gold = useMemo(() => goldSpans(doc), [doc]);
  const conflict = conflictId ? doc.conflicts.find((c) => c.id === conflictId) ?? null : null;
  const selected = selectedGold ? gold.find((g) => g.id === selectedGold) ?? null : null;

  // Marks per lane, bucketed per line, recomputed only when the document changes.
  const lanes = useMemo(() => {
    const titleOf = (c: Candidate, who: 'gold' | 'lane') => `${c.label} “${clip(c.text)}”${who === 'gold' ? ` · ${c.sources.join(', ')}${c.editedFrom ? ' · edited' : ''}` : ''}`;
    const marksOf = (spans: readonly Candidate[], who: 'gold' | 'lane'): Mark[] =>
      assignRows(spans.map((c) => ({ id: c.id, from: u16(c.start), to: u16(c.end), color: colorOf(c.label), title: titleOf(c, who) })));
    const all = [...doc.settled, ...doc.conflicts.flatMap((c) => c.sides)];
    return {
      gold: bucketByBlock(blocks, marksOf(gold, 'gold')),
      annotators: doc.annotators.map((a) => bucketByBlock(blocks, marksOf(all.filter((c) => c.sources.includes(a)), 'lane'))),
    };
    // u16 depends on map only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, gold, blocks, map, colorOf]);

  const bands = useMemo(
    () =>
      bucketByBlock(
        blocks,
        doc.conflicts.map((c): Band => ({ id: c.id, from: u16(c.start), to: u16(c.end), state: c.id === conflictId ? 'current' : isDecided(doc, c.id) ? 'done' : 'open' })),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, blocks, map, conflictId],
  );

  const visible = onlyConflicts ? blocks.filter((b) => bands[b.index]!.length > 0) : blocks;

  // Bring the current conflict (or the selected span) into view.
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = root.current?.querySelector(conflictId ? `.lane-gold [data-conflict="${conflictId}"]` : '.lane-gold .selected');
    el?.scrollIntoView({ block: 'center' });
  }, [conflictId, doc.docId]);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const seg = (e.target as HTMLElement).closest<HTMLElement>('.seg');
    const lane = (e.target as HTMLElement).closest<HTMLElement>('[data-lane]');
    if (!seg || !lane) return;
    const ids = (seg.dataset.ids ?? '').split(' ').filter(Boolean);
    if (lane.dataset.lane === 'gold' && ids.length) {
      // The innermost span under the pointer.
      props.onSelectGold(ids[ids.length - 1]!);
      const owner = doc.conflicts.find((c) => c.sides.some((s) => ids.includes(s.id) || gold.some((g) => g.editedFrom === s.id && ids.includes(g.id))));
      if (owner) props.onPickConflict(owner.id);
      return;
    }
    const owner = doc.conflicts.find((c) => c.sides.some((s) => ids.includes(s.id)));
    if (owner) props.onPickConflict(owner.id);
    else if (seg.dataset.conflict) props.onPickConflict(seg.dataset.conflict);
  };

  const labelsUsed = useMemo(() => [...new Set([...doc.settled, ...doc.conflicts.flatMap((c) => c.sides)].map((c) => c.label))].sort(), [doc]);

  return (
    <div className="cur-doc" data-testid="curate-doc" data-doc-id={doc.docId}>
      <div className="cur-doc-side">
        {conflict ? <ConflictCard {...props} conflict={conflict} region={doc.text === null ? '' : text.slice(u16(conflict.start), u16(conflict.end))} /> : <NoConflict doc={doc} />}
        <GoldSpanCard {...props} span={selected} />
      </div>
      <div className="cur-doc-main">
        <div className="lanes-toolbar">
          <span className="legend-labels">
            {labelsUsed.map((l) => (
              <span key={l} className="legend-label" style={{ ['--c' as string]: colorOf(l) }}>{l}</span>
            ))}
          </span>
          <span className="spacer" />
          {onlyConflicts && visible.length < blocks.length ? <span className="muted">{blocks.length - visible.length} of {blocks.length} lines hidden</span> : null}
          <label className="inline">
            <input type="checkbox" data-testid="only-conflicts" checked={onlyConflicts} onChange={(e) => (setOnlyConflicts(e.target.checked), e.target.blur())} /> Only lines with conflicts
          </label>
        </div>
        {doc.text === null ? <p className="muted pad">This document's exports carry no text: its spans can be decided but not shown in place.</p> : null}
        <div className="lanes" ref={root} onClick={onClick} data-testid="lanes">
          {visible.map((b) => (
            <section key={b.index} className={`lane-block${bands[b.index]!.some((x) => x.state === 'current') ? ' has-current' : ''}`} data-block={b.index}>
              <div className="lane lane-gold" data-lane="gold">
                <div className="who">gold</div>
                <LaneLine text={text} block={b} marks={lanes.gold[b.index]!} bands={bands[b.index]!} selected={selectedGold} />
              </div>
              {doc.annotators.map((a, i) => (
                <div key={a} className="lane" data-lane={a}>
                  <div className="who" title={`Press ${i + 1} to keep what ${a} marked`}>
                    <kbd>{i + 1}</kbd> {a}
                  </div>
                  <LaneLine text={text} block={b} marks={lanes.annotators[i]![b.index]!} bands={bands[b.index]!} selected={null} />
                </div>
              ))}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

/** One line of one lane, painted imperatively and only when what it shows changed. */
const LaneLine = memo(function LaneLine({ text, block, marks, bands, selected }: { text: string; block: Block; marks: readonly Mark[]; bands: readonly Band[]; selected: string | null }) {
  const el = useRef<HTMLDivElement>(null);
  const painted = useRef('');
  useLayoutEffect(() => {
    const sig = laneSignature(block, marks, bands, selected);
    if (!el.current || sig === painted.current) return;
    paintLane(el.current, text, block, marks, bands, selected);
    painted.current = sig;
  });
  return <div className="txt" ref={el} />;
});

function NoConflict({ doc }: { doc: DocumentCuration }) {
  return (
    <div className="cur-card conflict-card" data-testid="conflict-card">
      <h3>{doc.conflicts.length === 0 ? 'No conflict in this document' : 'No conflict selected'}</h3>
      <p className="muted">
        {doc.conflicts.length === 0
          ? `Every annotator of this document marked the same ${doc.settled.length} span${doc.settled.length === 1 ? '' : 's'}.`
          : 'Press j for the next conflict, or click one in the text.'}
      </p>
    </div>
  );
}

function ConflictCard(props: CurateDocProps & { conflict: Conflict; region: string }) {
  const { doc, conflict, colorOf, onChoose } = props;
  const index = doc.conflicts.indexOf(conflict);
  const accepted = acceptedSides(doc, conflict);
  const decided = isDecided(doc, conflict.id);
  const side = (id: string) => conflict.sides.find((s) => s.id === id)!;
  const region = props.region || conflict.sides.map((s) => s.text).join(' / ');
  const chip = (c: Candidate) => (
    <span className="label-chip" style={{ ['--c' as string]: colorOf(c.label) }}>{c.label}</span>
  );
  return (
    <div className={`cur-card conflict-card${decided ? ' decided' : ''}`} data-testid="conflict-card" data-conflict-id={conflict.id} data-decided={decided}>
      <div className="conflict-head">
        <h3>
          Conflict {index + 1} of {doc.conflicts.length}
        </h3>
        <span className="kinds">
          {conflict.kinds.map((k) => <span key={k} className={`kind kind-${k}`}>{k}</span>)}
        </span>
      </div>
      <blockquote className="region" title={`[${conflict.start}, ${conflict.end}) in code points`}>{clip(region)}</blockquote>
      <ol className="options">
        {doc.annotators.map((a, i) => {
          const mine = conflict.byAnnotator[a] ?? [];
          const active = decided && sameSet(accepted, mine);
          return (
            <li key={a}>
              <button className={`option${active ? ' active' : ''}`} onClick={() => onChoose(annotatorChoice(conflict, a))} data-option={`annotator-${i + 1}`}>
                <kbd>{i + 1}</kbd>
                <span className="who">{a}</span>
                <span className="what">
                  {mine.length === 0 ? <i className="muted">marked nothing here</i> : mine.map((id) => (
                    <span key={id} className="side-text">
                      {chip(side(id))} {clip(side(id).text)}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          );
        })}
        {conflict.sides.length > 1 ? (
          <li>
            <button className={`option${decided && accepted.length === conflict.sides.length ? ' active' : ''}`} onClick={() => onChoose({ kind: 'all' })} data-option="all">
              <kbd>b</kbd>
              <span className="who">{conflict.sides.length === 2 ? 'both' : 'all'}</span>
              <span className="what muted">keep every side</span>
            </button>
          </li>
        ) : null}
        <li>
          <button className={`option${decided && accepted.length === 0 ? ' active' : ''}`} onClick={() => onChoose({ kind: 'none' })} data-option="none">
            <kbd>x</kbd>
            <span className="who">neither</span>
            <span className="what muted">keep nothing here</span>
          </button>
        </li>
      </ol>
      {conflict.sides.length > 2 ? (
        <details className="sides">
          <summary>Keep one side only</summary>
          {conflict.sides.map((s) => (
            <button key={s.id} className="option small" onClick={() => onChoose({ kind: 'side', side: s.id })}>
              {chip(s)} {clip(s.text)} <span className="muted">{s.sources.join(', ')}</span>
            </button>
          ))}
        </details>
      ) : null}
      <p className="decision" data-testid="conflict-decision">
        {decided ? (
          <>
            <b>Decided</b>: {accepted.length ? accepted.map((id) => `${side(id).label} “${clip(side(id).text)}”`).join(', ') : 'nothing'} · <button className="link-like" onClick={() => onChoose(null)}>undo (u)</button>
          </>
        ) : (
          <>
            <b>Open</b>: the strategy proposes {conflict.proposed.length ? conflict.proposed.map((id) => `${side(id).label} “${clip(side(id).text)}”`).join(', ') : 'nothing'}
          </>
        )}
      </p>
    </div>
  );
}

function GoldSpanCard(props: CurateDocProps & { span: Candidate | null }) {
  const { span, schema, colorOf, onMove, onRelabel, onResetEdit } = props;
  if (!span) {
    return (
      <div className="cur-card gold-card muted" data-testid="gold-span">
        <h3>Gold span</h3>
        <p>Click a span in the gold lane, or press [ / ] to step through them, to correct its boundaries or label.</p>
      </div>
    );
  }
  const labels = schema.labels.some((l) => l.name === span.label) ? schema.labels.map((l) => l.name) : [span.label, ...schema.labels.map((l) => l.name)];
  return (
    <div className="cur-card gold-card" data-testid="gold-span" data-gold-id={span.id} data-start={span.start} data-end={span.end} data-label={span.label}>
      <h3>
        Gold span <span className="label-chip" style={{ ['--c' as string]: colorOf(span.label) }}>{span.label}</span>
        {span.editedFrom ? <span className="edited">edited</span> : null}
      </h3>
      <blockquote className="region">{clip(span.text)}</blockquote>
      <div className="gold-meta">
        <span className="offsets">[{span.start}, {span.end})</span>
        <span>from {span.sources.join(', ')}</span>
      </div>
      <div className="gold-edit">
        <span className="edge">
          start <button onClick={() => onMove('start', -1)} aria-label="Move start left" title="Alt+Shift+←">◀</button>
          <button onClick={() => onMove('start', 1)} aria-label="Move start right" title="Alt+Shift+→">▶</button>
        </span>
        <span className="edge">
          end <button onClick={() => onMove('end', -1)} aria-label="Move end left" title="Alt+←">◀</button>
          <button onClick={() => onMove('end', 1)} aria-label="Move end right" title="Alt+→">▶</button>
        </span>
        <select aria-label="Gold span label" value={span.label} onChange={(e) => (onRelabel(e.target.value), e.target.blur())}>
          {labels.map((l) => <option key={l}>{l}</option>)}
        </select>
        {span.editedFrom ? <button onClick={onResetEdit}>Reset</button> : null}
      </div>
    </div>
  );
}
