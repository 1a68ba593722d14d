import { describe, expect, it } from 'vitest';
import type { CodePoint } from '../../core/model/types';
import { makeSuggestion } from '../../core/suggest/suggestions';
import { nextSuggestion } from './suggestion-order';

const at = (start: number, end = start + 2) => makeSuggestion('figure', 'FIGURE', start as CodePoint, end as CodePoint, {});
const open = [at(10), at(20), at(30), at(40)];
const caret = (n: number) => n as CodePoint;

describe('nextSuggestion', () => {
  it('steps from the focused one, wrapping both ways', () => {
    expect(nextSuggestion(open, { focusedKey: open[1]!.key, lastJudged: null, caret: caret(0) }, 1)).toBe(open[2]);
    expect(nextSuggestion(open, { focusedKey: open[3]!.key, lastJudged: null, caret: caret(0) }, 1)).toBe(open[0]);
    expect(nextSuggestion(open, { focusedKey: open[0]!.key, lastJudged: null, caret: caret(0) }, -1)).toBe(open[3]);
  });
  it('goes on from the last one judged, whatever the caret', () => {
    // The judged one (at 20) is no longer open; the caret sits at the top of the document.
    const rest = open.filter((s) => s.start !== 20);
    expect(nextSuggestion(rest, { focusedKey: null, lastJudged: open[1]!, caret: caret(0) }, 1)).toBe(open[2]);
    expect(nextSuggestion(rest, { focusedKey: null, lastJudged: open[1]!, caret: caret(35) }, -1)).toBe(open[0]);
    // A focused key that is no longer open falls back on the judged one too.
    expect(nextSuggestion(rest, { focusedKey: open[1]!.key, lastJudged: open[1]!, caret: caret(0) }, 1)).toBe(open[2]);
  });
  it('starts from the caret when nothing was focused or judged', () => {
    expect(nextSuggestion(open, { focusedKey: null, lastJudged: null, caret: caret(25) }, 1)).toBe(open[2]);
    expect(nextSuggestion(open, { focusedKey: null, lastJudged: null, caret: caret(25) }, -1)).toBe(open[1]);
    expect(nextSuggestion(open, { focusedKey: null, lastJudged: null, caret: caret(45) }, 1)).toBe(open[0]);
    expect(nextSuggestion([], { focusedKey: null, lastJudged: null, caret: caret(0) }, 1)).toBeUndefined();
  });
});
