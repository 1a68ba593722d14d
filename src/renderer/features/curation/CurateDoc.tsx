// One document under curation: the current step's card (a span conflict or a relation), the selected gold span, the document's relations, and the text in lanes (gold, then one per annotator).

import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { goldSpans, isDecided, type Candidate, type ConflictChoice, type DocumentCuration } from '../../../core/agreement';
import { relationRows } from '../../../core/agreement/curation-relations';
import type { GoldEdit } from '../../../core/agreement/curation-reducer';
import { isRelationStep } from '../../../core/agreement/curation-walk';
import { OffsetMap } from '../../../core/model/offsets';
import type { LabelSchema } from '../../../core/model/schema';
import type { AttrValue, CodePoint } from '../../../core/model/types';
import { BAND_COLORS, BAND_LEGEND, bandStyle } from './band-colors';
import { ConflictCard, NoConflict } from './ConflictCard';
import { clip } from './curate-text';
import { GoldSpanCard } from './GoldSpanCard';
import { assignRows, blocksOf, bucketByBlock, laneSignature, paintLane, type Band, type Block, type Mark } from './lanes';
import { RelationsCard, RelationStepCard } from './RelationsCard';

/** Props of {@link CurateDoc}. */
export interface CurateDocProps {
  doc: DocumentCuration;
  schema: LabelSchema;
  colorOf: (label: string) => string;
  /** The current step: a conflict id or a relation key. */
  conflictId: string | null;
  /** The selected gold span's id (as it is now, edits applied). */
  selectedGold: string | null;
  onPickConflict: (conflictId: string) => void;
  onSelectGold: (goldId: string | null) => void;
  /** Decides the current conflict (null: back to the strategy's proposal). */
  onChoose: (choice: ConflictChoice | null) => void;
  /** Takes, refuses or forgets the decision on a relation of the document. */
  onDecideRelation: (key: string, take: boolean | null) => void;
  onEdit: (edit: GoldEdit) => void;
  /** Chooses the selected gold span's value of an attribute (undefined: back to the vote). */
  onChooseAttribute: (key: string, value: AttrValue | undefined) => void;
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
  const relations = useMemo(() => relationRows(doc, gold), [doc, gold]);
  const conflict = conflictId && !isRelationStep(conflictId) ? doc.conflicts.find((c) => c.id === conflictId) ?? null : null;
  const relationStep = isRelationStep(conflictId) ? relations.find((r) => r.key === conflictId) ?? null : null;
  const selected = selectedGold ? gold.find((g) => g.id === selectedGold) ?? null : null;

  // Marks per lane, bucketed per line, recomputed only when the document changes.
  const lanes = useMemo(() => {
    const at = (cp: number) => map.toUtf16(cp as CodePoint) as number;
    const titleOf = (c: Candidate, who: 'gold' | 'lane') => `${c.label} “${clip(c.text)}”${who === 'gold' ? ` · ${c.sources.join(', ')}${c.editedFrom ? ' · edited' : ''}` : ''}`;
    const marksOf = (spans: readonly Candidate[], who: 'gold' | 'lane'): Mark[] =>
      assignRows(spans.map((c) => ({ id: c.id, from: at(c.start), to: at(c.end), color: colorOf(c.label), title: titleOf(c, who) })));
    const all = [...doc.settled, ...doc.conflicts.flatMap((c) => c.sides)];
    return {
      gold: bucketByBlock(blocks, marksOf(gold, 'gold')),
      annotators: doc.annotators.map((a) => bucketByBlock(blocks, marksOf(all.filter((c) => c.sources.includes(a)), 'lane'))),
    };
  }, [doc, gold, blocks, map, colorOf]);

  // Bands: every span conflict, and the two ends of the relation the curator is on.
  const bands = useMemo(() => {
    const at = (cp: number) => map.toUtf16(cp as CodePoint) as number;
    const out: Band[] = doc.conflicts.map((c) => ({ id: c.id, from: at(c.start), to: at(c.end), state: c.id === conflictId ? 'current' : isDecided(doc, c.id) ? 'done' : 'open' }));
    const step = isRelationStep(conflictId) ? relations.find((r) => r.key === conflictId) : undefined;
    if (step) for (const end of [step.head, step.tail]) out.push({ id: step.key, from: at(end.start), to: at(end.end), state: 'current' });
    return bucketByBlock(blocks, out);
  }, [doc, blocks, map, conflictId, relations]);

  const visible = onlyConflicts ? blocks.filter((b) => bands[b.index]!.length > 0) : blocks;

  // Bring the current step (or the selected span) into view.
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
      const owner = doc.conflicts.find((c) => c.sides.some((s) => ids.includes(s.id) || gold.some((g) => g.editedFrom === s.id && ids.includes(g.id))));
      if (owner) props.onPickConflict(owner.id);
      // The innermost span under the pointer (after the move, which selects its conflict's first span).
      props.onSelectGold(ids[ids.length - 1]!);
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
        {relationStep ? (
          <RelationStepCard {...props} row={relationStep} steps={relations.filter((r) => r.contested).length} />
        ) : conflict ? (
          <ConflictCard {...props} conflict={conflict} region={doc.text === null ? '' : text.slice(u16(conflict.start), u16(conflict.end))} />
        ) : (
          <NoConflict doc={doc} />
        )}
        <GoldSpanCard {...props} span={selected} />
        <RelationsCard {...props} rows={relations} current={relationStep?.key ?? null} />
      </div>
      <div className="cur-doc-main" style={bandStyle()}>
        <div className="lanes-toolbar" data-testid="lanes-legend">
          <span className="legend-labels">
            {BAND_LEGEND.map((b) => (
              <span key={b.state} className={`legend-band legend-band-${b.state}`} style={{ ['--c' as string]: BAND_COLORS[b.state] }} data-band={b.state}>{b.text}</span>
            ))}
            <span className="legend-sep" aria-hidden="true" />
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

