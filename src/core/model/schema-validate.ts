// Checks a label schema read from `.marginalia/schema.json`: every problem named by its field path, nothing trusted.

import type { AttrDef, AttrType, LabelDef, LabelGroup, LabelSchema, RelationDef } from './schema';

/** The outcome of {@link validateSchema}. */
export type SchemaValidation = { ok: true; schema: LabelSchema } | { ok: false; errors: string[] };

/**
 * Keys the app keeps for itself, so no label or relation may take them: Delete and
 * Backspace delete, Enter edits or accepts, Escape cancels, `?` shows shortcuts, `x`
 * selects a sentence, `g` steps through suggestions, `[` and `]` step through spans.
 */
export const RESERVED_KEYS: readonly string[] = ['?', 'x', 'g', '[', ']', ' ', 'Enter', 'Escape', 'Delete', 'Backspace', 'Tab'];

const GROUPS: readonly LabelGroup[] = ['claim', 'figure', 'entity'];
const ATTR_TYPES: readonly AttrType[] = ['enum', 'text', 'number', 'boolean', 'entity'];
const LABEL_NAME = /^[A-Z][A-Z0-9_-]{0,31}$/;
const RELATION_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const ATTR_NAME = /^[a-z][a-zA-Z0-9_]{0,31}$/;
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** A hotkey: one printable character, typed without modifiers. */
const HOTKEY = /^[a-z0-9]$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Validates parsed JSON as a label schema; on success returns a clean copy holding only known fields. */
export function validateSchema(json: unknown): SchemaValidation {
  const errors: string[] = [];
  const err = (path: string, message: string) => errors.push(`${path}: ${message}`);
  if (!isObject(json)) return { ok: false, errors: ['schema: must be a JSON object'] };
  if (own(json, 'version') !== 1) err('version', `must be 1, not ${JSON.stringify(own(json, 'version'))}`);

  const labels: LabelDef[] = [];
  const rawLabels = own(json, 'labels');
  const keys = new Map<string, string>();
  const takeKey = (path: string, key: unknown) => {
    if (typeof key !== 'string' || !HOTKEY.test(key)) return err(path, `${JSON.stringify(key)} must be a single lower-case letter or digit`);
    if (RESERVED_KEYS.includes(key)) return err(path, `"${key}" is reserved by the app (${RESERVED_KEYS.filter((k) => k.length === 1 && k !== ' ').join(' ')})`);
    const other = keys.get(key);
    if (other) return err(path, `"${key}" is already the key of ${other}`);
    keys.set(key, path);
  };
  if (!Array.isArray(rawLabels) || rawLabels.length === 0) err('labels', 'must be a non-empty array');
  else {
    const names = new Set<string>();
    rawLabels.forEach((raw, i) => {
      const p = `labels[${i}]`;
      if (!isObject(raw)) return err(p, 'must be an object');
      const name = own(raw, 'name');
      if (typeof name !== 'string' || !LABEL_NAME.test(name)) err(`${p}.name`, `${JSON.stringify(name)} must be upper case letters, digits, _ or - (e.g. "ORG")`);
      else if (names.has(name)) err(`${p}.name`, `"${name}" is used by another label`);
      else names.add(name);
      const group = own(raw, 'group');
      if (!GROUPS.includes(group as LabelGroup)) err(`${p}.group`, `${JSON.stringify(group)} must be one of ${GROUPS.join(', ')}`);
      const color = own(raw, 'color');
      if (typeof color !== 'string' || !COLOR.test(color)) err(`${p}.color`, `${JSON.stringify(color)} must be a colour like "#4ea8de"`);
      takeKey(`${p}.hotkey`, own(raw, 'hotkey'));
      const help = own(raw, 'help') ?? '';
      if (typeof help !== 'string') err(`${p}.help`, 'must be text');
      const attrs = validateAttrs(own(raw, 'attrs') ?? [], `${p}.attrs`, err);
      labels.push({ name: String(name), group: group as LabelGroup, color: String(color), hotkey: String(own(raw, 'hotkey')), help: String(help), attrs });
    });
  }

  const relations: RelationDef[] = [];
  const rawRelations = own(json, 'relations') ?? [];
  if (!Array.isArray(rawRelations)) err('relations', 'must be an array');
  else {
    const names = new Set<string>();
    rawRelations.forEach((raw, i) => {
      const p = `relations[${i}]`;
      if (!isObject(raw)) return err(p, 'must be an object');
      const name = own(raw, 'name');
      if (typeof name !== 'string' || !RELATION_NAME.test(name)) err(`${p}.name`, `${JSON.stringify(name)} must be lower case letters, digits, _ or - (e.g. "cites")`);
      else if (names.has(name)) err(`${p}.name`, `"${name}" is used by another relation`);
      else names.add(name);
      const ends = (field: 'head' | 'tail'): LabelGroup[] => {
        const v = own(raw, field) ?? [];
        if (!Array.isArray(v) || v.some((g) => !GROUPS.includes(g as LabelGroup))) {
          err(`${p}.${field}`, `must be a list of label groups (${GROUPS.join(', ')}); empty means any`);
          return [];
        }
        return v as LabelGroup[];
      };
      const head = ends('head');
      const tail = ends('tail');
      takeKey(`${p}.hotkey`, own(raw, 'hotkey'));
      relations.push({ name: String(name), head, tail, hotkey: String(own(raw, 'hotkey')) });
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, schema: { version: 1, labels, relations } };
}

function validateAttrs(raw: unknown, path: string, err: (path: string, message: string) => void): AttrDef[] {
  if (!Array.isArray(raw)) {
    err(path, 'must be an array');
    return [];
  }
  const names = new Set<string>();
  return raw.map((a, i): AttrDef => {
    const p = `${path}[${i}]`;
    if (!isObject(a)) {
      err(p, 'must be an object');
      return { name: '', type: 'text' };
    }
    const name = own(a, 'name');
    if (typeof name !== 'string' || !ATTR_NAME.test(name)) err(`${p}.name`, `${JSON.stringify(name)} must start with a lower-case letter (e.g. "unit")`);
    else if (names.has(name)) err(`${p}.name`, `"${name}" is used by another attribute of this label`);
    else names.add(name);
    const type = own(a, 'type');
    if (!ATTR_TYPES.includes(type as AttrType)) err(`${p}.type`, `${JSON.stringify(type)} must be one of ${ATTR_TYPES.join(', ')}`);
    const def: AttrDef = { name: String(name), type: type as AttrType };
    const values = own(a, 'values');
    if (type === 'enum') {
      if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string' || v.trim() === '')) err(`${p}.values`, 'an enum needs a non-empty list of non-empty strings');
      else if (new Set(values).size !== values.length) err(`${p}.values`, 'has a value twice');
      else def.values = [...(values as string[])];
    } else if (values !== undefined) err(`${p}.values`, `only enum attributes take values (this one is ${String(type)})`);
    const help = own(a, 'help');
    if (help !== undefined) {
      if (typeof help !== 'string') err(`${p}.help`, 'must be text');
      else def.help = help;
    }
    return def;
  });
}
