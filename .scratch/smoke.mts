import { buildCorpus } from '../test/fixtures/format/corpus';
import { exportAll } from '../src/core/format/formats';
const lines = buildCorpus();
for (const f of ['native','spacy','hf','doccano','label-studio','brat','conll'] as const) {
  const files = exportAll(f, lines, { warn: (w) => console.log('  WARN', f, w.spanId, w.message) });
  for (const [name, data] of files) console.log(`== ${f} ${name}\n${data.slice(0, 1500)}`);
}
