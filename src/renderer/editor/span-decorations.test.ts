// The decorations plugin in state only (no view): an action changes the decorations of the spans it touched and no
// others; a moved paint window paints what a fresh build would; a long text's arriving slices bring their spans.

import { EditorState, type Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { TEXT_ARRIVES } from './progressive-text';
import type { CodePoint } from '../../core/model/types';
import { PositionMap } from './positions';
import { appendLines, linesToDoc } from './schema';
import { setSpanDecorations, spanDecorationsPlugins, spanIndex, spansAt, type PaintedSpan } from './span-decorations';
import { viewportPlugin, type PaintWindow } from './viewport';

const LINE = 'The port handled 41.2 million TEU last year, up 6.8% from the year before.';

/** A state of `lines` copies of LINE with `spans` painted in window `w`. */
function stateWith(lines: number, spans: PaintedSpan[], w: PaintWindow): EditorState {
  const state = EditorState.create({ doc: linesToDoc(Array.from({ length: lines }, () => LINE)), plugins: [viewportPlugin(w), ...spanDecorationsPlugins()] });
  return state.apply(setSpanDecorations(state.tr, { reset: spans }));
}

/** Span i: the word "million" of line i (ProseMirror positions from the one map of them). */
function span(i: number, label = 'FIGURE'): PaintedSpan {
  const open = new PositionMap(Array.from({ length: i + 1 }, () => LINE).join('\n')).toPos((i * (LINE.length + 1)) as CodePoint);
  return { id: `s${i}`, label, start: open + 22, end: open + 29, color: '#369' };
}

/** The painted decorations, as "id:from-to" with w for a chip widget. */
function painted(state: EditorState): string[] {
  const plugin = state.plugins.find((p) => p.props.decorations && (p.spec.key as unknown) !== undefined)!;
  const set = plugin.props.decorations!.call(plugin, state) as unknown as { find(): Decoration[] };
  return set
    .find()
    .map((d) => `${(d.spec as { id: string }).id}:${d.from}-${d.to}${d.from === d.to ? 'w' : ''}`)
    .sort();
}

/** Each decoration's type object (kept as long as the decoration is; `find` copies the decoration itself with absolute positions). */
function decorationObjects(state: EditorState): Map<string, object> {
  const plugin = state.plugins.find((p) => p.props.decorations && (p.spec.key as unknown) !== undefined)!;
  const set = plugin.props.decorations!.call(plugin, state) as unknown as { find(): Decoration[] };
  return new Map(set.find().map((d) => [`${(d.spec as { id: string }).id}:${d.from === d.to ? 'w' : 'i'}`, (d as unknown as { type: object }).type]));
}

describe('span decorations', () => {
  it('an action replaces the decorations of the spans it touched and keeps every other decoration object', () => {
    const spans = Array.from({ length: 50 }, (_, i) => span(i));
    const before = stateWith(50, spans, null);
    const after = before.apply(setSpanDecorations(before.tr, { remove: ['s3'], add: [{ ...span(7), label: 'ORG' }] }));
    const a = decorationObjects(before);
    const b = decorationObjects(after);
    expect(b.has('s3:i')).toBe(false);
    expect(b.get('s7:i')).not.toBe(a.get('s7:i'));
    for (const [k, d] of b) if (!k.startsWith('s7:')) expect(d).toBe(a.get(k));
    expect(spanIndex(after).get('s7')!.label).toBe('ORG');
    expect(spanIndex(after).size).toBe(49);
  });

  it('changes merged into one transaction: a later remove takes back an earlier add; nested spans get lanes', () => {
    const state = stateWith(3, [span(0)], null);
    let tr: Transaction = setSpanDecorations(state.tr, { add: [span(1)] });
    tr = setSpanDecorations(tr, { remove: ['s1'], add: [{ id: 'outer', label: 'CLAIM', start: 1, end: LINE.length + 1, color: '#c90' }] });
    tr = setSpanDecorations(tr, { select: 'outer' });
    const next = state.apply(tr);
    expect(spanIndex(next).has('s1')).toBe(false);
    expect(spanIndex(next).get('outer')!.lane).toBe(1);
    expect(spansAt(next, span(0).start + 2)).toEqual(['s0', 'outer']);
  });

  it('two spans on the same words: the one drawn innermost (under the pointer) comes first, else by id', () => {
    const state = stateWith(1, [span(0, 'ORG'), { ...span(0), id: 'new' }], null);
    const at = span(0).start + 2;
    expect(spansAt(state, at)).toEqual(['new', 's0']);
    expect(spansAt(state, at, 's0')).toEqual(['s0', 'new']);
    expect(spansAt(state, at, 'new')).toEqual(['new', 's0']);
  });

  it('a moved paint window paints what a fresh build of that window paints', () => {
    const spans = Array.from({ length: 400 }, (_, i) => span(i));
    let state = stateWith(400, spans, { from: 0, to: 3000 });
    for (const w of [
      { from: 1500, to: 6000 },
      { from: 5000, to: 12_000 },
      { from: 20_000, to: 25_000 },
      { from: 19_000, to: 24_000 },
    ]) {
      state = state.apply(state.tr.setMeta(viewportPlugin(null).spec.key!, w));
      expect(painted(state)).toEqual(painted(stateWith(400, spans, w)));
      expect(painted(state).length).toBeGreaterThan(0);
    }
  });

  it('spans beyond the text that has arrived are painted when their slice arrives', () => {
    const spans = [span(0), span(5)];
    const first = EditorState.create({ doc: linesToDoc([LINE, LINE]), plugins: [viewportPlugin({ from: 0, to: 100_000 }), ...spanDecorationsPlugins()] });
    const state = first.apply(setSpanDecorations(first.tr, { reset: spans }));
    expect(painted(state).filter((d) => d.startsWith('s5'))).toEqual([]);
    const more = appendLines(state, [LINE, LINE, LINE, LINE]).setMeta(TEXT_ARRIVES, true);
    const grown = state.apply(more);
    expect(painted(grown)).toEqual(painted(stateWith(6, spans, { from: 0, to: 100_000 })));
  });
});
