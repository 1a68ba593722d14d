import { describe, expect, it } from 'vitest';
import { PressGate } from './press-gate';

const settle = () => new Promise((r) => setTimeout(r, 5));
const pointer = (type: string, button = 0) => Object.assign(new Event(type), { button });

describe('the press gate', () => {
  it('runs work at once when nothing is pressed; while pressed, only the latest work of each kind, after the release', async () => {
    const el = new EventTarget();
    const win = new EventTarget();
    const gate = new PressGate();
    const unwatch = gate.watch(el, win);
    const ran: string[] = [];
    gate.whenReleased('suggestions', () => ran.push('now'));
    expect(ran).toEqual(['now']);
    el.dispatchEvent(pointer('pointerdown'));
    gate.whenReleased('suggestions', () => ran.push('old'));
    gate.whenReleased('suggestions', () => ran.push('latest'));
    gate.whenReleased('find', () => ran.push('find'));
    await settle();
    expect(ran).toEqual(['now']);
    win.dispatchEvent(pointer('pointerup'));
    expect(ran).toEqual(['now']);
    await settle();
    expect(ran).toEqual(['now', 'latest', 'find']);
    // A right-button press holds nothing back.
    el.dispatchEvent(pointer('pointerdown', 2));
    gate.whenReleased('suggestions', () => ran.push('right'));
    expect(ran.at(-1)).toBe('right');
    unwatch();
  });
});
