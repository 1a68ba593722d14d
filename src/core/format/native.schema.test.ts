// Keeps the shipped JSON Schema and the TypeScript types of native.ts from drifting apart: the interfaces are
// read with the TypeScript compiler and compared field by field (name, optionality, type) with the schema.

import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import schemaJson from './native.schema.json' with { type: 'json' };
import { NATIVE_FORMAT } from './native';
import { DOC_STATUSES } from '../model/types';
import { schemaProblems } from './native-schema';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[]; definitions?: Record<string, Schema> };

interface Member {
  name: string;
  optional: boolean;
  type: string;
}

/** The members of each interface declared in native.ts, as the compiler parses them. */
function interfaces(): Map<string, Member[]> {
  const path = new URL('./native.ts', import.meta.url).pathname;
  const source = ts.sys.readFile(path);
  if (source === undefined) throw new Error(`cannot read ${path}`);
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
  const out = new Map<string, Member[]>();
  file.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    out.set(
      node.name.text,
      node.members.filter(ts.isPropertySignature).map((m) => ({
        name: m.name.getText(file),
        optional: m.questionToken !== undefined,
        type: m.type?.getText(file).replace(/\s+/g, ' ') ?? 'any',
      })),
    );
  });
  return out;
}

function resolve(schema: Schema, s: Schema): Schema {
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const name = ref.replace('#/definitions/', '');
  return { ...(schema.definitions?.[name] ?? {}), ...s, $ref: undefined };
}

/** Why a TypeScript member type and a schema property disagree, or null. */
function typeMismatch(schema: Schema, tsType: string, prop: Schema): string | null {
  const p = resolve(schema, prop);
  const is = (t: string) => p.type === t;
  switch (tsType) {
    case 'string':
      return is('string') ? null : `expected type string, schema says ${JSON.stringify(p.type)}`;
    case 'number':
      return is('integer') || is('number') ? null : `expected a number type, schema says ${JSON.stringify(p.type)}`;
    case 'boolean':
      return is('boolean') ? null : `expected type boolean, schema says ${JSON.stringify(p.type)}`;
    case 'typeof NATIVE_FORMAT':
      return p.const === NATIVE_FORMAT ? null : `expected const ${NATIVE_FORMAT}, schema says ${JSON.stringify(p.const)}`;
    case 'DocStatus':
      return JSON.stringify(p.enum) === JSON.stringify(DOC_STATUSES) ? null : `expected enum ${DOC_STATUSES.join(', ')}, schema says ${JSON.stringify(p.enum)}`;
    case 'string[]':
      return is('array') && (p.items as Schema | undefined)?.type === 'string' ? null : 'expected an array of strings';
    case 'Record<string, AttrValue>': {
      const ap = p.additionalProperties as Schema | undefined;
      return is('object') && JSON.stringify(ap?.type) === JSON.stringify(['string', 'number', 'boolean', 'null'])
        ? null
        : 'expected an object of JSON scalars';
    }
    case 'NativeSpan[]':
      return is('array') && (p.items as Schema | undefined)?.$ref === '#/definitions/span' ? null : 'expected an array of #/definitions/span';
    case 'NativeRelation[]':
      return is('array') && (p.items as Schema | undefined)?.$ref === '#/definitions/relation' ? null : 'expected an array of #/definitions/relation';
    default:
      return `no rule for TypeScript type ${tsType}: add one to this test`;
  }
}

/** Every disagreement between the interfaces and a schema; empty when they match. */
function drift(schema: Schema): string[] {
  const types = interfaces();
  const pairs: Array<[string, Schema | undefined]> = [
    ['NativeLine', schema],
    ['NativeSpan', schema.definitions?.span],
    ['NativeRelation', schema.definitions?.relation],
  ];
  const out: string[] = [];
  for (const [name, s] of pairs) {
    const members = types.get(name);
    if (!members) {
      out.push(`${name}: not declared in native.ts`);
      continue;
    }
    if (!s) {
      out.push(`${name}: no schema`);
      continue;
    }
    const props = s.properties ?? {};
    const required = new Set(s.required ?? []);
    for (const m of members) {
      const p = props[m.name];
      if (!p) {
        out.push(`${name}.${m.name}: in the type, not in the schema`);
        continue;
      }
      if (required.has(m.name) === m.optional) out.push(`${name}.${m.name}: ${m.optional ? 'optional' : 'required'} in the type, not in the schema`);
      const why = typeMismatch(schema, m.type, p);
      if (why) out.push(`${name}.${m.name}: ${why}`);
    }
    for (const key of Object.keys(props)) if (!members.some((m) => m.name === key)) out.push(`${name}.${key}: in the schema, not in the type`);
    if (s.additionalProperties !== false) out.push(`${name}: the schema must refuse unknown fields`);
  }
  return out;
}

describe('native.schema.json', () => {
  it('matches the NativeLine, NativeSpan and NativeRelation types field by field', () => {
    expect(drift(schemaJson as Schema)).toEqual([]);
  });

  it('the drift check fails when the two disagree', () => {
    const changed = JSON.parse(JSON.stringify(schemaJson)) as Schema;
    changed.required = changed.required!.filter((r) => r !== 'status');
    changed.definitions!.span!.properties!.start = { type: 'string' };
    delete changed.definitions!.relation!.properties!.label;
    changed.properties!.extra = { type: 'string' };
    expect(drift(changed)).toEqual([
      'NativeLine.status: required in the type, not in the schema',
      'NativeLine.extra: in the schema, not in the type',
      'NativeSpan.start: expected a number type, schema says "string"',
      'NativeRelation.label: in the type, not in the schema',
    ]);
  });

  it('accepts a line the writer wrote and refuses what the types forbid', () => {
    const line = {
      format: NATIVE_FORMAT,
      doc_id: `sha256:${'a'.repeat(64)}`,
      source: 'a.txt',
      text: 'Hi',
      annotator: 'alice',
      status: 'done',
      updated_at: '',
      spans: [{ id: 's1', start: 0, end: 2, label: 'ORG', text: 'Hi', attrs: { n: 1, ok: true, none: null } }],
      relations: [],
    };
    expect(schemaProblems(line)).toEqual([]);
    expect(schemaProblems({ ...line, status: 'finished' })).toEqual(['status: must be one of "todo", "in-progress", "done", "skipped"']);
    expect(schemaProblems({ ...line, spans: [{ ...line.spans[0], attrs: { deep: { x: 1 } } }] })).toEqual([
      'spans[0].attrs.deep: must be a string or number or boolean or null',
    ]);
    expect(schemaProblems({ ...line, updated_at: 'yesterday' })).toEqual([
      'updated_at: must be an ISO 8601 UTC time such as "2026-01-31T09:30:00.000Z", or ""',
    ]);
  });
});
