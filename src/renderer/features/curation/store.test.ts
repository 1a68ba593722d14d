// The curation's store: the gold written as annotator "adjudicated" and replaced as decisions change, the session saved in order.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { jsonl } from '../../../../test/fixtures/agreement/build';
import { goldSpans, resolveConflict } from '../../../core/agreement';
import { loadAnnotations } from '../../db/annotations';
import { MarginaliaDb } from '../../db/db';
import { rebuild, storedDocuments } from '../../../core/agreement/curation-session';
import { corpusOf, SESSION_FORMAT, type StoredSession } from './session';
import { CurationSaver, loadCuration, saveInputs } from './store';

const TEXT = 'Tidewater Robotics Ltd. supplied 140 cranes to Vietnam.';
const at = (words: string, label: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length, label });

describe('the curation store', () => {
  it('writes the gold as "adjudicated" after each decision and restores the session', async () => {
    const db = new MarginaliaDb(`test-${Math.random()}`);
    const inputs = {
      files: [
        { file: 'a.jsonl', content: jsonl([{ text: TEXT, annotator: 'a', spans: [at('Tidewater Robotics Ltd.', 'ORG'), at('140', 'FIGURE')] }]) },
        { file: 'b.jsonl', content: jsonl([{ text: TEXT, annotator: 'b', spans: [at('Tidewater Robotics Ltd.', 'PRODUCT'), at('140', 'FIGURE'), at('Vietnam', 'LOC')] }]) },
      ],
      refused: [],
    };
    await saveInputs(db, inputs);
    const corpus = corpusOf(inputs);
    const { state } = rebuild(corpus, { strategy: 'union', min: null }, {});
    const doc = state.documents[0]!;
    const saver = new CurationSaver(db);
    const session = (s: typeof state): StoredSession => ({ format: SESSION_FORMAT, choice: { strategy: 'union', min: null }, documents: storedDocuments(s), position: { docId: doc.docId, conflictId: null } });

    saver.save(state, session(state));
    await saver.flushed();
    let stored = await loadAnnotations(db, doc.docId, 'adjudicated');
    expect(stored.spans.map((s) => `${s.label}:${s.quote.exact}`).sort()).toEqual(['FIGURE:140', 'LOC:Vietnam', 'ORG:Tidewater Robotics Ltd.', 'PRODUCT:Tidewater Robotics Ltd.']);
    expect(stored.state?.status).toBe('in-progress');

    // Two quick decisions: both end up in the store, the last state winning.
    const [names, minority] = doc.conflicts;
    const one = resolveConflict(state, names!.id, { kind: 'side', side: names!.sides.find((s) => s.label === 'ORG')!.id });
    saver.save(one, session(one), [doc.docId]);
    const two = resolveConflict(one, minority!.id, { kind: 'none' });
    saver.save(two, session(two), [doc.docId]);
    await saver.flushed();
    stored = await loadAnnotations(db, doc.docId, 'adjudicated');
    expect(stored.spans.map((s) => s.id).sort()).toEqual(goldSpans(two.documents[0]!).map((s) => s.id).sort());
    expect(stored.state).toMatchObject({ status: 'done', spanCount: 2 });
    expect(saver.status).toMatchObject({ pending: false, error: null });

    const loaded = await loadCuration(db);
    expect(loaded?.inputs.files.map((f) => f.file)).toEqual(['a.jsonl', 'b.jsonl']);
    expect(rebuild(corpus, loaded!.session!.choice, loaded!.session!.documents).state.documents[0]!.decisions).toEqual(two.documents[0]!.decisions);
    db.close();
  });
});
