// Checks a label schema read from `.marginalia/schema.json` (or edited in the app) and says,
// field by field, what is wrong with it, before the app trusts a single label or hotkey.
//
// Hand-written rather than a JSON Schema checked by ajv: most of the rules are across fields
// (unique names, hotkeys unique across labels and relations, reserved keys), which JSON
// Schema cannot express, and every message must name the field in the project's own terms
// (`labels[2].hotkey`). It also keeps ajv, which compiles validators with `new Function`,
// out of the renderer and its content security policy.

import { reservedHotkeys } from '../keys/reserved';
import type { AttrDef, AttrType, LabelDef, LabelGroup, LabelSchema, RelationDef } from './schema';

/** The outcome of {@link validateSchema}: the schema, normalized, or every problem found. */
export type SchemaValidation = { ok: true; schema: LabelSchema } | { ok: false; errors: string[] };

/** The label groups, in the order the guidelines list them. */
export const LABEL_GROUPS: readonly LabelGroup[] = ['claim', 'figure', 'entity'];

/** The attribute types. */
export const ATTR_TYPES: readonly AttrType[] = ['enum', 'text', 'number', 'boolean', 'entity'];

/**
 * Single keys the app keeps for itself, which no label or relation may take, with what they
 * do in each view: derived from the workbench's and the curation view's keymaps
 * (`src/core/keys`). Hotkeys are lower case and compared with the key pressed in lower case,
 * so "G" (previous suggestion) is covered by "g".
 */
export const RESERVED_HOTKEYS: ReadonlyMap<string, string> = reservedHotkeys();

/** Label names as the guidelines write them: upper case, digits, `_` and `-`, starting with a letter. */
const LABEL_NAME = /^[A-Z][A-Z0-9_-]*$/;
/** Attribute names become keys of every span's `attrs` in exports: identifiers starting lower case. */
const ATTR_NAME = /^[a-z][a-zA-Z0-9_]*$/;
/** Relation names, as exported in `relations[].label`: lower case, digits, `_` and `-`. */
const RELATION_NAME = /^[a-z][a-z0-9_-]*$/;
/** A CSS hex colour, #rgb or #rrggbb (what the highlight and the export of the schema use). */
const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** Longest label, attribute or relation name, in characters: it has to fit a label chip. */
const MAX_NAME = 32;
/** Longest value quoted in an error message, so that one bad field cannot flood the list. */
const MAX_SHOWN = 40;

/** A value as an error message quotes it: JSON, cut to MAX_SHOWN characters. */
function show(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  const chars = Array.from(s);
  return chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN - 1).join('') + '…' : s;
}

/** A plain JSON object (not null, not an array). */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property's value; never read through the prototype chain (`__proto__` stays data). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Walks the schema and collects every problem. Unknown fields are ignored, and dropped from the result. */
class Checker {
  readonly errors: string[] = [];
  /** Each hotkey taken so far, and the label or relation that holds it. */
  private readonly hotkeys = new Map<string, string>();

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  /** The required `name` of `o`, matching `pattern` (described as `what`); null when it does not. */
  name(o: Record<string, unknown>, path: string, pattern: RegExp, what: string): string | null {
    const p = `${path}.name`;
    const v = own(o, 'name');
    if (v === undefined) this.fail(p, 'is missing');
    else if (typeof v !== 'string') this.fail(p, `${show(v)} must be a string`);
    else if (Array.from(v).length > MAX_NAME) this.fail(p, `${show(v)} is longer than ${MAX_NAME} characters`);
    else if (!pattern.test(v)) this.fail(p, `${show(v)} must be ${what}`);
    else return v;
    return null;
  }

  /** An optional text field (missing: ''). */
  text(o: Record<string, unknown>, key: string, path: string): string {
    const v = own(o, key);
    if (v === undefined) return '';
    if (typeof v === 'string') return v;
    this.fail(`${path}.${key}`, `${show(v)} must be text`);
    return '';
  }

  /**
   * The optional hotkey of `o` (missing or '': none): one printable character, lower case,
   * not reserved, not taken by another label or relation.
   */
  hotkey(o: Record<string, unknown>, path: string): string {
    const p = `${path}.hotkey`;
    const v = own(o, 'hotkey');
    if (v === undefined || v === '') return '';
    if (typeof v !== 'string') return this.fail(p, `${show(v)} must be a string`), '';
    if (Array.from(v).length !== 1) return this.fail(p, `${show(v)} must be a single character`), '';
    const reserved = RESERVED_HOTKEYS.get(v.toLowerCase());
    if (reserved !== undefined) return this.fail(p, `${show(v)} is reserved by the app (${reserved})`), '';
    if (/[\p{C}\p{Z}]/u.test(v)) return this.fail(p, `${show(v)} must be a printable character`), '';
    if (v !== v.toLowerCase()) return this.fail(p, `${show(v)} must be lower case (keys are matched in lower case; use ${show(v.toLowerCase())})`), '';
    const holder = this.hotkeys.get(v);
    if (holder !== undefined) return this.fail(p, `${show(v)} is already the hotkey of ${holder}`), '';
    this.hotkeys.set(v, path);
    return v;
  }

  /** `head` or `tail` of a relation: a list of distinct groups, empty (or missing) for any. */
  groups(o: Record<string, unknown>, key: 'head' | 'tail', path: string): LabelGroup[] {
    const p = `${path}.${key}`;
    const v = own(o, key);
    if (v === undefined) return [];
    if (!Array.isArray(v)) return this.fail(p, `${show(v)} must be a list of label groups (${LABEL_GROUPS.join(', ')}); empty means any`), [];
    const out: LabelGroup[] = [];
    v.forEach((g, i) => {
      if (!LABEL_GROUPS.includes(g as LabelGroup)) this.fail(`${p}[${i}]`, `${show(g)} must be one of ${LABEL_GROUPS.join(', ')}`);
      else if (out.includes(g as LabelGroup)) this.fail(`${p}[${i}]`, `${show(g)} is listed twice`);
      else out.push(g as LabelGroup);
    });
    return out;
  }

  attr(raw: unknown, path: string, names: Set<string>): AttrDef | null {
    if (!isObject(raw)) return this.fail(path, `${show(raw)} must be an object with a name and a type`), null;
    const name = this.name(raw, path, ATTR_NAME, 'an identifier starting with a lower-case letter (e.g. "unit")');
    if (name !== null) {
      if (names.has(name)) this.fail(`${path}.name`, `${show(name)} is used by another attribute of this label`);
      names.add(name);
    }
    const type = own(raw, 'type');
    let okType: AttrType | null = null;
    if (type === undefined) this.fail(`${path}.type`, 'is missing');
    else if (!ATTR_TYPES.includes(type as AttrType)) this.fail(`${path}.type`, `${show(type)} must be one of ${ATTR_TYPES.join(', ')}`);
    else okType = type as AttrType;
    const values = own(raw, 'values');
    const vp = `${path}.values`;
    let okValues: string[] | undefined;
    if (okType === 'enum') {
      if (values === undefined) this.fail(vp, 'is missing (an enum needs its values)');
      else if (!Array.isArray(values)) this.fail(vp, `${show(values)} must be a list of strings`);
      else if (values.length === 0) this.fail(vp, 'must list at least one value');
      else {
        okValues = [];
        for (const [i, v] of values.entries()) {
          if (typeof v !== 'string' || v.trim() === '') this.fail(`${vp}[${i}]`, `${show(v)} must be a non-empty string`);
          else if (okValues.includes(v)) this.fail(`${vp}[${i}]`, `${show(v)} is listed twice`);
          else okValues.push(v);
        }
      }
    } else if (okType !== null && values !== undefined) {
      this.fail(vp, `only an enum attribute takes values (this one is ${okType})`);
    }
    const help = this.text(raw, 'help', path);
    if (name === null || okType === null) return null;
    const def: AttrDef = { name, type: okType };
    if (okValues) def.values = okValues;
    if (help) def.help = help;
    return def;
  }

  label(raw: unknown, path: string, names: Set<string>): LabelDef | null {
    if (!isObject(raw)) return this.fail(path, `${show(raw)} must be an object`), null;
    const name = this.name(raw, path, LABEL_NAME, 'upper case letters, digits, _ or -, starting with a letter (e.g. "ORG")');
    if (name !== null) {
      if (names.has(name)) this.fail(`${path}.name`, `${show(name)} is used by another label`);
      names.add(name);
    }
    const group = own(raw, 'group');
    const okGroup = LABEL_GROUPS.includes(group as LabelGroup);
    if (group === undefined) this.fail(`${path}.group`, 'is missing');
    else if (!okGroup) this.fail(`${path}.group`, `${show(group)} must be one of ${LABEL_GROUPS.join(', ')}`);
    const color = own(raw, 'color');
    const okColor = typeof color === 'string' && HEX_COLOUR.test(color);
    if (color === undefined) this.fail(`${path}.color`, 'is missing');
    else if (!okColor) this.fail(`${path}.color`, `${show(color)} must be a CSS colour #rgb or #rrggbb (e.g. "#4ea8de")`);
    const hotkey = this.hotkey(raw, path);
    const help = this.text(raw, 'help', path);
    const rawAttrs = own(raw, 'attrs');
    const attrs: AttrDef[] = [];
    if (rawAttrs !== undefined && !Array.isArray(rawAttrs)) this.fail(`${path}.attrs`, `${show(rawAttrs)} must be a list of attributes`);
    else if (rawAttrs) {
      const attrNames = new Set<string>();
      rawAttrs.forEach((a, i) => {
        const def = this.attr(a, `${path}.attrs[${i}]`, attrNames);
        if (def) attrs.push(def);
      });
    }
    if (name === null || !okGroup || !okColor) return null;
    return { name, group: group as LabelGroup, color: color as string, hotkey, help, attrs };
  }

  relation(raw: unknown, path: string, names: Set<string>): RelationDef | null {
    if (!isObject(raw)) return this.fail(path, `${show(raw)} must be an object`), null;
    const name = this.name(raw, path, RELATION_NAME, 'lower case letters, digits, _ or -, starting with a letter (e.g. "cites")');
    if (name !== null) {
      if (names.has(name)) this.fail(`${path}.name`, `${show(name)} is used by another relation`);
      names.add(name);
    }
    const head = this.groups(raw, 'head', path);
    const tail = this.groups(raw, 'tail', path);
    const hotkey = this.hotkey(raw, path);
    return name === null ? null : { name, head, tail, hotkey };
  }
}

/**
 * Checks parsed JSON as a label schema. Returns a clean copy, built field by field (unknown
 * fields dropped; optional ones filled in: `help` '', `attrs` [], `relations` [], no hotkey
 * ''), or every problem found, each naming its field:
 * `labels[2].hotkey: "cc" must be a single character`.
 *
 * A `__proto__` key is data like any other unknown field: nothing is read through a
 * prototype, and nothing of the input is copied by spreading.
 */
export function validateSchema(json: unknown): SchemaValidation {
  if (!isObject(json)) return { ok: false, errors: [`schema: ${show(json)} must be a JSON object with version, labels and relations`] };
  const c = new Checker();
  const version = own(json, 'version');
  if (version === undefined) c.fail('version', 'is missing (this app reads version 1)');
  else if (version !== 1) c.fail('version', `must be 1, not ${show(version)}`);
  const labels: LabelDef[] = [];
  const rawLabels = own(json, 'labels');
  if (rawLabels === undefined) c.fail('labels', 'is missing');
  else if (!Array.isArray(rawLabels)) c.fail('labels', `${show(rawLabels)} must be a list of labels`);
  else if (rawLabels.length === 0) c.fail('labels', 'must define at least one label');
  else {
    const names = new Set<string>();
    rawLabels.forEach((l, i) => {
      const def = c.label(l, `labels[${i}]`, names);
      if (def) labels.push(def);
    });
  }
  const relations: RelationDef[] = [];
  const rawRelations = own(json, 'relations');
  if (rawRelations !== undefined && !Array.isArray(rawRelations)) c.fail('relations', `${show(rawRelations)} must be a list of relation types`);
  else if (rawRelations) {
    const names = new Set<string>();
    rawRelations.forEach((r, i) => {
      const def = c.relation(r, `relations[${i}]`, names);
      if (def) relations.push(def);
    });
  }
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, schema: { version: 1, labels, relations } };
}
