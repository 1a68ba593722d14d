// The generic undo stack: undo and redo are inverse, a new step drops the redo branch, the limit drops the oldest.

import { describe, expect, it } from 'vitest';
import { emptyUndo, pushUndo, redoStep, undoStep } from './undo-stack';

describe('the undo stack', () => {
  it('undoes and redoes in order', () => {
    let stack = emptyUndo<number>();
    stack = pushUndo(stack, 0); // 0 -> 1
    stack = pushUndo(stack, 1); // 1 -> 2
    const u1 = undoStep(stack, 2)!;
    expect(u1.value).toBe(1);
    const u2 = undoStep(u1.stack, 1)!;
    expect(u2.value).toBe(0);
    expect(undoStep(u2.stack, 0)).toBeNull();
    const r1 = redoStep(u2.stack, 0)!;
    expect(r1.value).toBe(1);
    expect(redoStep(r1.stack, 1)!.value).toBe(2);
  });

  it('drops the redo branch on a new step and never changes a stack in place', () => {
    const stack = pushUndo(emptyUndo<string>(), 'a');
    const undone = undoStep(stack, 'b')!.stack;
    const again = pushUndo(undone, 'a');
    expect(again.undone).toEqual([]);
    expect(undone.undone).toEqual(['b']);
    expect(stack.done).toEqual(['a']);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let stack = emptyUndo<number>();
    for (let i = 0; i < 10; i++) stack = pushUndo(stack, i, 3);
    expect(stack.done).toEqual([7, 8, 9]);
  });
});
