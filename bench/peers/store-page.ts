// W3's page: the app's own Dexie database class (src/renderer/db/db.ts) and read path
// (loadAnnotations) in a real Chromium IndexedDB, with spans generated in the page so that the
// measured work is the store's and not the transfer of test data from Node.

import type { CodePoint, Span } from '../../src/core/model/types';
import { OffsetMap } from '../../src/core/model/offsets';
import { quoteOf } from '../../src/core/model/quote';
import { loadAnnotations } from '../../src/renderer/db/annotations';
import { MarginaliaDb } from '../../src/renderer/db/db';
import { planSpans } from '../lib/spans-gen';
import { generateText } from '../lib/text-gen';
import type { StoreApi } from './store-api';

/** A database of its own, so the benchmark never touches a real annotation store in the same profile. */
const DB_NAME = 'marginalia-bench-store';
const ANNOTATOR = 'bench';

let spans: Span[] = [];
let docIds: string[] = [];
let db: MarginaliaDb | null = null;

const api: StoreApi = {
  prepare({ docs, perDoc, seed }) {
    // One text holds enough entities for `perDoc` spans (about 43 entities per 1,000 characters).
    const chars = Math.max(5_000, Math.ceil((perDoc / 40) * 1_000));
    const gen = generateText({ chars, seed });
    const map = new OffsetMap(gen.text);
    const at = '2026-01-01T00:00:00.000Z';
    spans = [];
    docIds = [];
    for (let d = 0; d < docs; d++) {
      const docId = `sha256:${d.toString(16).padStart(64, '0')}`;
      docIds.push(docId);
      for (const p of planSpans(gen, { count: perDoc, overlapShare: 0.1, idPrefix: d.toString(32).padStart(3, '0') })) {
        spans.push({
          id: p.id,
          docId,
          annotator: ANNOTATOR,
          label: p.label,
          start: p.start as CodePoint,
          end: p.end as CodePoint,
          attrs: p.label === 'FIGURE' ? { unit: 'CNY', approx: 'none' } : {},
          quote: quoteOf(gen.text, p.start as CodePoint, p.end as CodePoint, map),
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    return spans.length;
  },

  async importAll() {
    if (db) db.close();
    await new MarginaliaDb(DB_NAME).delete();
    db = new MarginaliaDb(DB_NAME);
    await db.open();
    const d = db;
    const t0 = performance.now();
    // As the app writes (src/renderer/db/annotations.ts): bulkPut in one rw transaction, with the state rows.
    await d.transaction('rw', d.spans, d.docState, async () => {
      await d.spans.bulkPut(spans);
      await d.docState.bulkPut(docIds.map((docId) => ({ docId, annotator: ANNOTATOR, status: 'in-progress' as const, spanCount: spans.length / docIds.length, updatedAt: '2026-01-01T00:00:00.000Z' })));
    });
    return performance.now() - t0;
  },

  async readOne(index) {
    if (!db) throw new Error('importAll first');
    // A fresh connection, as when the app starts: nothing cached from the import.
    db.close();
    db = new MarginaliaDb(DB_NAME);
    await db.open();
    const t0 = performance.now();
    const got = await loadAnnotations(db, docIds[index % docIds.length]!, ANNOTATOR);
    const ms = performance.now() - t0;
    return { ms, spans: got.spans.length };
  },

  async importRaw() {
    if (db) db.close();
    await new MarginaliaDb(DB_NAME).delete();
    // Dexie creates the stores and indexes; the writes then go through the raw IndexedDB API.
    db = new MarginaliaDb(DB_NAME);
    await db.open();
    const idb = db.backendDB();
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['spans', 'docState'], 'readwrite');
      const store = tx.objectStore('spans');
      for (const s of spans) store.put(s);
      const states = tx.objectStore('docState');
      for (const docId of docIds) states.put({ docId, annotator: ANNOTATOR, status: 'in-progress', spanCount: spans.length / docIds.length, updatedAt: '2026-01-01T00:00:00.000Z' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
    return performance.now() - t0;
  },

  async readRaw(index) {
    if (!db) throw new Error('import first');
    db.close();
    db = new MarginaliaDb(DB_NAME);
    await db.open();
    const idb = db.backendDB();
    const t0 = performance.now();
    const got = await new Promise<unknown[]>((resolve, reject) => {
      const req = idb.transaction('spans', 'readonly').objectStore('spans').index('[docId+annotator]').getAll(IDBKeyRange.only([docIds[index % docIds.length]!, ANNOTATOR]));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return { ms: performance.now() - t0, spans: got.length };
  },

  async count() {
    return db ? db.spans.count() : 0;
  },
};

(globalThis as unknown as { __mstore: StoreApi }).__mstore = api;
