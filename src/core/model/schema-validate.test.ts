// Tests of the label-schema validator: the default schema passes, and each kind of bad input
// is refused with a message that names its field.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from './schema';
import { RESERVED_HOTKEYS, validateSchema } from './schema-validate';

/** The default schema as plain JSON, with `edit` applied to a deep copy. */
function schemaWith(edit: (s: any) => void): unknown {
  const s = JSON.parse(JSON.stringify(DEFAULT_SCHEMA));
  edit(s);
  return s;
}

/** The errors of `json`; fails the test if it validates. */
function errorsOf(json: unknown): string[] {
  const r = validateSchema(json);
  if (r.ok) throw new Error('expected the schema to be refused');
  return r.errors;
}

describe('validateSchema: good schemas', () => {
  it('accepts the default schema and returns it unchanged', () => {
    const r = validateSchema(JSON.parse(JSON.stringify(DEFAULT_SCHEMA)));
    expect(r).toEqual({ ok: true, schema: DEFAULT_SCHEMA });
  });

  it('fills in optional fields: help, attrs, relations, hotkey', () => {
    const r = validateSchema({ version: 1, labels: [{ name: 'X', group: 'entity', color: '#abc' }] });
    expect(r).toEqual({ ok: true, schema: { version: 1, labels: [{ name: 'X', group: 'entity', color: '#abc', hotkey: '', help: '', attrs: [] }], relations: [] } });
  });

  it('accepts a $schema hint for editors, non-ASCII hotkeys and mixed-case colours', () => {
    const r = validateSchema({ $schema: './schema.json', version: 1, labels: [{ name: 'ORG_2', group: 'entity', color: '#A0b1C2', hotkey: 'é' }] });
    expect(r.ok).toBe(true);
  });

  it('does not keep references into the input', () => {
    const input = schemaWith(() => {}) as any;
    const r = validateSchema(input);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    input.labels[0].attrs[0].values.push('maybe');
    input.labels[0].name = 'CHANGED';
    expect(r.schema.labels[0]!.name).toBe('CLAIM');
    expect(r.schema.labels[0]!.attrs[0]!.values).toEqual(['yes', 'no']);
  });
});

describe('validateSchema: the document as a whole', () => {
  it.each([null, 42, 'schema', [], true])('refuses %j at the top', (json) => {
    expect(errorsOf(json)[0]).toMatch(/^schema: .* must be a JSON object/);
  });

  it('requires version 1', () => {
    expect(errorsOf(schemaWith((s) => delete s.version))).toContain('version: is missing (this app reads version 1)');
    expect(errorsOf(schemaWith((s) => (s.version = 2)))).toContain('version: must be 1, not 2');
    expect(errorsOf(schemaWith((s) => (s.version = '1')))).toContain('version: must be 1, not "1"');
  });

  it('requires at least one label, as a list', () => {
    expect(errorsOf(schemaWith((s) => (s.labels = [])))).toEqual(['labels: must define at least one label']);
    expect(errorsOf(schemaWith((s) => delete s.labels))).toEqual(['labels: is missing']);
    expect(errorsOf(schemaWith((s) => (s.labels = { CLAIM: {} })))).toEqual(['labels: {"CLAIM":{}} must be a list of labels']);
  });

  it('refuses relations that are not a list', () => {
    expect(errorsOf(schemaWith((s) => (s.relations = 'cites')))).toEqual(['relations: "cites" must be a list of relation types']);
  });

  it('ignores unknown fields and drops them from the copy it returns', () => {
    const r = validateSchema(schemaWith((s) => {
      s.colours = {};
      s.labels[0].extra = 'x';
      s.labels[1].attrs[0].required = true;
      s.relations[0].symmetric = false;
    }));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.schema).toEqual(DEFAULT_SCHEMA);
    expect('extra' in r.schema.labels[0]!).toBe(false);
  });

  it('reports every problem, not just the first', () => {
    const errors = errorsOf(schemaWith((s) => {
      s.version = 3;
      s.labels[0].hotkey = 'cc';
      s.labels[1].color = 'blue';
      s.relations[0].head = ['claims'];
    }));
    expect(errors).toEqual([
      'version: must be 1, not 3',
      'labels[0].hotkey: "cc" must be a single character',
      'labels[1].color: "blue" must be a CSS colour #rgb or #rrggbb (e.g. "#4ea8de")',
      'relations[0].head[0]: "claims" must be one of claim, figure, entity',
    ]);
  });
});

describe('validateSchema: labels', () => {
  it('checks label names: present, a string, upper case, not too long', () => {
    expect(errorsOf(schemaWith((s) => delete s.labels[2].name))).toEqual(['labels[2].name: is missing']);
    expect(errorsOf(schemaWith((s) => (s.labels[2].name = 7)))).toEqual(['labels[2].name: 7 must be a string']);
    expect(errorsOf(schemaWith((s) => (s.labels[2].name = 'person')))).toEqual(['labels[2].name: "person" must be upper case letters, digits, _ or -, starting with a letter (e.g. "ORG")']);
    expect(errorsOf(schemaWith((s) => (s.labels[2].name = '1ST')))).toHaveLength(1);
    expect(errorsOf(schemaWith((s) => (s.labels[2].name = 'A B')))).toHaveLength(1);
    expect(errorsOf(schemaWith((s) => (s.labels[2].name = '')))).toHaveLength(1);
    expect(errorsOf(schemaWith((s) => (s.labels[2].name = 'X'.repeat(33))))[0]).toMatch(/^labels\[2\]\.name: .* is longer than 32 characters$/);
  });

  it('refuses two labels with one name', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[3].name = 'PERSON')))).toEqual(['labels[3].name: "PERSON" is used by another label']);
  });

  it('checks the group', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[1].group = 'number')))).toEqual(['labels[1].group: "number" must be one of claim, figure, entity']);
    expect(errorsOf(schemaWith((s) => delete s.labels[1].group))).toEqual(['labels[1].group: is missing']);
  });

  it.each(['red', '#12', '#1234', '#12345g', 'f2c14e', '#f2c14e80', ' #fff', 0xfff])('refuses the colour %j', (color) => {
    const errors = errorsOf(schemaWith((s) => (s.labels[4].color = color)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^labels\[4\]\.color: .* must be a CSS colour #rgb or #rrggbb/);
  });

  it('checks help and attrs types', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[0].help = ['a'])))).toEqual(['labels[0].help: ["a"] must be text']);
    expect(errorsOf(schemaWith((s) => (s.labels[0].attrs = 'checkworthy')))).toEqual(['labels[0].attrs: "checkworthy" must be a list of attributes']);
  });

  it('names the missing field when a field is misspelt', () => {
    expect(errorsOf(schemaWith((s) => {
      s.labels[0].colour = s.labels[0].color;
      delete s.labels[0].color;
    }))).toEqual(['labels[0].color: is missing']);
  });

  it('refuses a label that is not an object', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[5] = 'PRODUCT')))).toEqual(['labels[5]: "PRODUCT" must be an object']);
    expect(errorsOf(schemaWith((s) => (s.labels[5] = null)))).toEqual(['labels[5]: null must be an object']);
  });
});

describe('validateSchema: hotkeys', () => {
  it('requires a single character', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[2].hotkey = 'cc')))).toEqual(['labels[2].hotkey: "cc" must be a single character']);
    expect(errorsOf(schemaWith((s) => (s.labels[2].hotkey = 'Enter')))).toEqual(['labels[2].hotkey: "Enter" must be a single character']);
    expect(errorsOf(schemaWith((s) => (s.labels[2].hotkey = 3)))).toEqual(['labels[2].hotkey: 3 must be a string']);
  });

  it('counts an astral character as one character', () => {
    expect(validateSchema(schemaWith((s) => (s.labels[2].hotkey = '𠀀'))).ok).toBe(true);
  });

  it('requires a printable, lower-case key', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[2].hotkey = '\t')))).toEqual(['labels[2].hotkey: "\\t" must be a printable character']);
    expect(errorsOf(schemaWith((s) => (s.labels[2].hotkey = '\u200b')))).toHaveLength(1);
    expect(errorsOf(schemaWith((s) => (s.labels[6].hotkey = 'Q')))).toEqual([
      'labels[6].hotkey: "Q" must be lower case (keys are matched in lower case; use "q")',
    ]);
  });

  it('refuses every reserved key, in labels and in relations', () => {
    for (const key of RESERVED_HOTKEYS.keys()) {
      const label = errorsOf(schemaWith((s) => (s.labels[6].hotkey = key)));
      expect(label).toEqual([`labels[6].hotkey: ${JSON.stringify(key)} is reserved by the app (${RESERVED_HOTKEYS.get(key)})`]);
      const relation = errorsOf(schemaWith((s) => (s.relations[1].hotkey = key)));
      expect(relation[0]).toMatch(/^relations\[1\]\.hotkey: .* is reserved by the app/);
    }
    // Upper case too: "G" is the workbench's previous-suggestion key.
    expect(errorsOf(schemaWith((s) => (s.labels[6].hotkey = 'G')))).toEqual([
      'labels[6].hotkey: "G" is reserved by the app (workbench: next open suggestion (in document order, from the last one judged); workbench: G previous open suggestion)',
    ]);
    // Each view says what the key does there (the curation view's "[" steps through gold spans).
    expect(RESERVED_HOTKEYS.get('[')).toBe('workbench: previous span; curation: previous gold span');
    expect(RESERVED_HOTKEYS.get('n')).toBe('curation: next open conflict (across documents, most disagreement first); curation: N next conflict, decided or not');
  });

  it('reserves the single keys of both views', () => {
    expect([...RESERVED_HOTKEYS.keys()]).toEqual(expect.arrayContaining(['?', 'x', 'g', '[', ']', ' ', 'j', 'k', 'n']));
  });

  it('keeps the default schema clear of reserved keys', () => {
    const used = [...DEFAULT_SCHEMA.labels, ...DEFAULT_SCHEMA.relations].map((x) => x.hotkey);
    expect(used.filter((k) => RESERVED_HOTKEYS.has(k))).toEqual([]);
  });

  it('refuses a hotkey taken by another label or by a relation, naming the holder', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[3].hotkey = 'p')))).toEqual(['labels[3].hotkey: "p" is already the hotkey of labels[2]']);
    expect(errorsOf(schemaWith((s) => (s.relations[0].hotkey = 'c')))).toEqual(['relations[0].hotkey: "c" is already the hotkey of labels[0]']);
    expect(errorsOf(schemaWith((s) => (s.relations[2].hotkey = 'a')))).toEqual(['relations[2].hotkey: "a" is already the hotkey of relations[1]']);
  });

  it('allows labels without a hotkey', () => {
    const r = validateSchema(schemaWith((s) => {
      s.labels[6].hotkey = '';
      delete s.labels[7].hotkey;
    }));
    expect(r.ok && r.schema.labels.slice(6).map((l) => l.hotkey)).toEqual(['', '']);
  });
});

describe('validateSchema: attributes', () => {
  it('checks attribute names: identifiers, unique within a label', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[1].attrs[0].name = 'Value')))).toEqual([
      'labels[1].attrs[0].name: "Value" must be an identifier starting with a lower-case letter (e.g. "unit")',
    ]);
    expect(errorsOf(schemaWith((s) => (s.labels[1].attrs[1].name = 'value')))).toEqual(['labels[1].attrs[1].name: "value" is used by another attribute of this label']);
  });

  it('allows one attribute name on several labels', () => {
    expect(validateSchema(schemaWith((s) => s.labels[0].attrs.push({ name: 'canonical', type: 'entity' }))).ok).toBe(true);
  });

  it('checks the type', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[1].attrs[0].type = 'float')))).toEqual([
      'labels[1].attrs[0].type: "float" must be one of enum, text, number, boolean, entity',
    ]);
    expect(errorsOf(schemaWith((s) => delete s.labels[1].attrs[0].type))).toEqual(['labels[1].attrs[0].type: is missing']);
  });

  it('requires enum values: a non-empty list of distinct non-empty strings', () => {
    expect(errorsOf(schemaWith((s) => delete s.labels[0].attrs[0].values))).toEqual(['labels[0].attrs[0].values: is missing (an enum needs its values)']);
    expect(errorsOf(schemaWith((s) => (s.labels[0].attrs[0].values = [])))).toEqual(['labels[0].attrs[0].values: must list at least one value']);
    expect(errorsOf(schemaWith((s) => (s.labels[0].attrs[0].values = 'yes,no')))).toEqual(['labels[0].attrs[0].values: "yes,no" must be a list of strings']);
    expect(errorsOf(schemaWith((s) => (s.labels[0].attrs[0].values = ['yes', 'no', 'yes'])))).toEqual(['labels[0].attrs[0].values[2]: "yes" is listed twice']);
    expect(errorsOf(schemaWith((s) => (s.labels[0].attrs[0].values = ['yes', '', 1])))).toEqual([
      'labels[0].attrs[0].values[1]: "" must be a non-empty string',
      'labels[0].attrs[0].values[2]: 1 must be a non-empty string',
    ]);
  });

  it('refuses values on an attribute that is not an enum', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[1].attrs[0].values = ['1'])))).toEqual(['labels[1].attrs[0].values: only an enum attribute takes values (this one is number)']);
  });

  it('refuses an attribute that is not an object', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[1].attrs[0] = 'value')))).toEqual(['labels[1].attrs[0]: "value" must be an object with a name and a type']);
  });
});

describe('validateSchema: relations', () => {
  it('checks relation names: lower case, unique', () => {
    expect(errorsOf(schemaWith((s) => (s.relations[0].name = 'Cites')))).toEqual(['relations[0].name: "Cites" must be lower case letters, digits, _ or -, starting with a letter (e.g. "cites")']);
    expect(errorsOf(schemaWith((s) => (s.relations[1].name = 'cites')))).toEqual(['relations[1].name: "cites" is used by another relation']);
  });

  it('checks head and tail: lists of distinct groups', () => {
    expect(errorsOf(schemaWith((s) => (s.relations[0].head = 'claim')))).toEqual(['relations[0].head: "claim" must be a list of label groups (claim, figure, entity); empty means any']);
    expect(errorsOf(schemaWith((s) => (s.relations[0].tail = ['figure', 'figure'])))).toEqual(['relations[0].tail[1]: "figure" is listed twice']);
    expect(errorsOf(schemaWith((s) => (s.relations[0].tail = ['PERSON'])))).toEqual(['relations[0].tail[0]: "PERSON" must be one of claim, figure, entity']);
  });

  it('treats missing or empty head and tail as any', () => {
    const r = validateSchema(schemaWith((s) => {
      delete s.relations[0].head;
      s.relations[0].tail = [];
    }));
    expect(r.ok && r.schema.relations[0]).toEqual({ name: 'cites', head: [], tail: [], hotkey: 'i' });
  });

  it('refuses a relation that is not an object', () => {
    expect(errorsOf(schemaWith((s) => (s.relations[0] = ['cites'])))).toEqual(['relations[0]: ["cites"] must be an object']);
  });
});

describe('validateSchema: __proto__ is data', () => {
  it('ignores a __proto__ key and pollutes nothing', () => {
    const json = JSON.parse('{"version":1,"__proto__":{"labels":[1],"polluted":true},"labels":[{"name":"X","group":"entity","color":"#fff","__proto__":{"hotkey":"z"}}]}');
    const r = validateSchema(json);
    expect(r).toEqual({ ok: true, schema: { version: 1, labels: [{ name: 'X', group: 'entity', color: '#fff', hotkey: '', help: '', attrs: [] }], relations: [] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.ok && r.schema.labels[0])).toBe(Object.prototype);
  });

  it('does not read fields through the prototype chain', () => {
    const label = Object.create({ name: 'X', group: 'entity', color: '#fff' });
    expect(errorsOf({ version: 1, labels: [label] })).toEqual(['labels[0].name: is missing', 'labels[0].group: is missing', 'labels[0].color: is missing']);
  });

  it('takes a label or attribute named __proto__ as a bad name, not as a prototype', () => {
    expect(errorsOf(schemaWith((s) => (s.labels[0].name = '__proto__')))[0]).toMatch(/^labels\[0\]\.name: "__proto__" must be upper case/);
    expect(errorsOf(schemaWith((s) => (s.labels[1].attrs[0].name = '__proto__')))[0]).toMatch(/^labels\[1\]\.attrs\[0\]\.name: "__proto__" must be an identifier/);
  });
});
