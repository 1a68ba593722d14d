import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from './schema';
import { validateSchema } from './schema-validate';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_SCHEMA));
const errorsOf = (json: unknown) => {
  const r = validateSchema(json);
  return r.ok ? [] : r.errors;
};

describe('validateSchema', () => {
  it('accepts the default schema and returns an equal copy', () => {
    const r = validateSchema(clone());
    expect(r).toEqual({ ok: true, schema: DEFAULT_SCHEMA });
  });

  it('names the field of every problem, all of them at once', () => {
    const s = clone();
    s.version = 2;
    s.labels[0].name = 'claim';
    s.labels[1].group = 'number';
    s.labels[2].color = 'red';
    s.labels[3].hotkey = 'cc';
    s.labels[4].hotkey = 'c';
    s.labels[5].attrs = [{ name: 'Kind', type: 'enum', values: [] }, { name: 'x', type: 'date' }];
    s.relations[0].tail = ['figures'];
    s.relations[1].hotkey = 'x';
    expect(errorsOf(s)).toEqual([
      'version: must be 1, not 2',
      'labels[0].name: "claim" must be upper case letters, digits, _ or - (e.g. "ORG")',
      'labels[1].group: "number" must be one of claim, figure, entity',
      'labels[2].color: "red" must be a colour like "#4ea8de"',
      'labels[3].hotkey: "cc" must be a single lower-case letter or digit',
      'labels[4].hotkey: "c" is already the key of labels[0].hotkey',
      'labels[5].attrs[0].name: "Kind" must start with a lower-case letter (e.g. "unit")',
      'labels[5].attrs[0].values: an enum needs a non-empty list of non-empty strings',
      'labels[5].attrs[1].type: "date" must be one of enum, text, number, boolean, entity',
      'relations[0].tail: must be a list of label groups (claim, figure, entity); empty means any',
      'relations[1].hotkey: "x" is reserved by the app (? x g [ ])',
    ]);
  });

  it('refuses duplicate label and relation names and keys shared between a label and a relation', () => {
    const s = clone();
    s.labels[1].name = 'CLAIM';
    s.relations[2].name = 'cites';
    s.relations[0].hotkey = 'f';
    const errors = errorsOf(s);
    expect(errors).toContain('labels[1].name: "CLAIM" is used by another label');
    expect(errors).toContain('relations[2].name: "cites" is used by another relation');
    expect(errors).toContain('relations[0].hotkey: "f" is already the key of labels[1].hotkey');
  });

  it('rejects non-objects and empty label lists, and keeps __proto__ as data', () => {
    expect(errorsOf(null)).toEqual(['schema: must be a JSON object']);
    expect(errorsOf([])).toEqual(['schema: must be a JSON object']);
    expect(errorsOf({ version: 1, labels: [] })).toEqual(['labels: must be a non-empty array']);
    const polluted = JSON.parse('{"version":1,"__proto__":{"labels":[1]},"labels":[{"name":"A","group":"entity","color":"#fff","hotkey":"a","attrs":[]}]}');
    const r = validateSchema(polluted);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).labels).toBeUndefined();
  });

  it('drops unknown fields from the copy it returns', () => {
    const s = clone();
    s.labels[0].extra = 'x';
    const r = validateSchema(s);
    expect(r.ok && 'extra' in r.schema.labels[0]!).toBe(false);
  });
});
