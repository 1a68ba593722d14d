// Checks a parsed line against the shipped JSON Schema (native.schema.json) with ajv and words ajv's errors for people.
// The validator is ajv's standalone code, generated ahead (native-schema.compiled.ts): ajv compiling at run time
// uses `new Function`, which the renderer's CSP forbids, and the curation UI checks lines as the CLI does.

import type { ErrorObject, ValidateFunction } from 'ajv';
import { validate as compiledValidate } from './native-schema.compiled';

/** The schema's validator (allErrors: every problem of a line; allowUnionTypes: attribute values have four JSON types). */
function validator(): ValidateFunction {
  return compiledValidate as unknown as ValidateFunction;
}

/** A JSON pointer (`/spans/0/start`) as a reader would write it (`spans[0].start`). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return 'line';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += (out ? '.' : '') + (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? part : JSON.stringify(part));
  }
  return out;
}

/** Why ajv refused a value, in the project's words. */
function describe(e: ErrorObject): string | null {
  const at = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return name === '__proto__'
        ? `${at}: key "__proto__" is not allowed (JavaScript readers would take it for a prototype)`
        : `${at}: unknown field ${JSON.stringify(name)}`;
    }
    case 'required':
      return `${at}: missing field ${JSON.stringify(p.missingProperty)}`;
    case 'type': {
      const t = Array.isArray(p.type) ? p.type.join(' or ') : String(p.type);
      return `${at}: must be ${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
    }
    case 'const':
      return `${at}: must be ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `${at}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minLength':
      return `${at}: must not be empty`;
    case 'minimum':
      return `${at}: must be at least ${String(p.limit)}`;
    case 'pattern':
      if (e.instancePath === '/doc_id') return `${at}: must be "sha256:" followed by 64 lowercase hex digits`;
      if (e.instancePath === '/updated_at') return `${at}: must be an ISO 8601 UTC time such as "2026-01-31T09:30:00.000Z", or ""`;
      if (/\/label$/.test(e.instancePath)) return `${at}: must not hold a tab or a line break (CoNLL and brat write labels in columns and lines)`;
      return `${at}: must match ${String(p.pattern)}`;
    case 'propertyNames':
      return `${at}: key ${JSON.stringify(p.propertyName)} is not allowed (JavaScript readers would take it for a prototype)`;
    case 'not':
      // propertyNames failures come twice (once as `not` with a propertyName); keep the propertyNames one.
      if ((e as ErrorObject & { propertyName?: string }).propertyName !== undefined) return null;
      return `${at}: __proto__, constructor and prototype are reserved and cannot be ids`;
    default:
      return `${at}: ${e.message ?? 'is not valid'}`;
  }
}

/**
 * Checks one parsed line against the schema. Returns every problem found, in
 * schema order, worded as `path: what is wrong`; an empty array when valid.
 */
export function schemaProblems(value: unknown): string[] {
  const validate = validator();
  if (validate(value)) return [];
  const out: string[] = [];
  for (const e of validate.errors ?? []) {
    const m = describe(e);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}
