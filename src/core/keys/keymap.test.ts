import { describe, expect, it } from 'vitest';
import { CURATION_KEYMAP } from './curation-keys';
import { formatBinding, formatKey, keyName, matchBindings, type KeyPress, type Keymap } from './keymap';
import { reservedHotkeys } from './reserved';
import { WORKBENCH_KEYMAP, type WorkbenchWhen } from './workbench-keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('keyName', () => {
  it('names printable keys by the character they type, Shift included in it', () => {
    expect(keyName(press('g'))).toBe('g');
    expect(keyName(press('G', { shiftKey: true }))).toBe('G');
    expect(keyName(press('?', { shiftKey: true }))).toBe('?');
    expect(keyName(press(' '))).toBe('Space');
  });
  it('spells out modifiers in one order, letters in lower case under Mod or Alt', () => {
    expect(keyName(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('Mod-Shift-z');
    expect(keyName(press('z', { metaKey: true }))).toBe('Mod-z');
    expect(keyName(press('ArrowLeft', { altKey: true, shiftKey: true }))).toBe('Alt-Shift-ArrowLeft');
    expect(keyName(press('ArrowRight', { ctrlKey: true, altKey: true }))).toBe('Mod-Alt-ArrowRight');
    expect(keyName(press('Enter', { shiftKey: true }))).toBe('Shift-Enter');
  });
});

describe('matchBindings', () => {
  const all = () => true;
  const slots = { labels: new Set(['c', 'f']), relations: new Set(['i']) };
  it('finds a binding by any of its keys, only where its `when` holds', () => {
    const ids = (p: KeyPress, active: (w: WorkbenchWhen) => boolean = all) => matchBindings(WORKBENCH_KEYMAP, p, active, slots).map((m) => m.binding.id);
    expect(ids(press('y', { ctrlKey: true }))).toEqual(['redo']);
    expect(ids(press('Escape'), (w) => w === 'document')).toEqual(['deselect']);
    expect(ids(press('Escape'), (w) => w === 'linking' || w === 'document')).toEqual(['link-cancel', 'deselect']);
    expect(ids(press('q'))).toEqual([]);
  });
  it('fills the label and relation slots from the schema, Shift meaning the exact label', () => {
    const m = (p: KeyPress) => matchBindings(WORKBENCH_KEYMAP, p, all, slots).map((x) => [x.binding.id, x.hotkey]);
    expect(m(press('c'))).toEqual([['label', 'c']]);
    expect(m(press('C', { shiftKey: true }))).toEqual([['label-exact', 'c']]);
    expect(m(press('i'))).toEqual([['link', 'i']]);
    expect(m(press('c', { ctrlKey: true }))).toEqual([]);
  });
});

describe('the tables', () => {
  const tables: [string, Keymap][] = [['workbench', WORKBENCH_KEYMAP], ['curation', CURATION_KEYMAP]];
  it('give every binding a unique id and a description', () => {
    for (const [, table] of tables) {
      expect(new Set(table.map((b) => b.id)).size).toBe(table.length);
      for (const b of table) expect(b.describe.length).toBeGreaterThan(3);
    }
  });
  it('never bind one key twice under the same `when`', () => {
    for (const [name, table] of tables) {
      const seen = new Map<string, string>();
      for (const b of table) for (const k of b.keys) {
        const at = `${b.when} ${k}`;
        expect(seen.get(at), `${name}: ${at} bound by ${seen.get(at)} and ${b.id}`).toBeUndefined();
        seen.set(at, b.id);
      }
    }
  });
  it('show keys as people read them', () => {
    expect(formatKey('Mod-Shift-z')).toBe('Ctrl+Shift+Z');
    expect(formatKey('Mod-Shift-z', { mac: true })).toBe('⌘+Shift+Z');
    expect(formatKey('Alt-Shift-ArrowLeft')).toBe('Alt+Shift+←');
    expect(formatKey('-')).toBe('-');
    expect(formatBinding(WORKBENCH_KEYMAP.find((b) => b.id === 'redo')!)).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(formatBinding(WORKBENCH_KEYMAP.find((b) => b.id === 'label-exact')!)).toBe('Shift+label key');
  });
});

describe('reservedHotkeys', () => {
  it('reserves every plain single key of every view, with its words there', () => {
    const reserved = reservedHotkeys();
    for (const k of ['?', 'g', 'x', '[', ']', ' ', 'j', 'k', 'n', 'b', 'u', '1', '9', '-']) expect(reserved.has(k), k).toBe(true);
    expect(reserved.get('x')).toBe('workbench: select the sentence under the caret; curation: keep neither side; refuse the relation');
    // Keys with Mod or Alt, named keys and the schema's slots are not single keys.
    expect(reserved.has('z')).toBe(false);
    expect(reserved.has('e')).toBe(false);
  });
  it('follows a table: a new line is a new reserved key', () => {
    const extra: Keymap = [{ id: 'zoom', keys: ['='], when: 'anywhere', describe: 'zoom in' }];
    expect(reservedHotkeys([['viewer', extra]]).get('=')).toBe('viewer: zoom in');
  });
});
