import Ajv from 'ajv';
import schema from '../src/core/format/native.schema.json' with { type: 'json' };
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const v = ajv.compile(schema);
const bad = JSON.parse('{"format":"marginalia/1","doc_id":"x","source":"a","annotator":"","status":"done","updated_at":"","spans":[{"id":"__proto__","start":"1","end":2,"label":"A","text":"x","attrs":{"__proto__":1,"a":{}}}],"relations":[],"__proto__":{"polluted":1},"extra":1}');
console.log(v(bad), JSON.stringify(v.errors, null, 1));
console.log(({} as any).polluted);
