// What the model learns from, read from the store: each labelled document's text, the annotator's spans and the suggestions rejected in it, in labelling order.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingDoc } from '../../core/suggest/learn/span-model';
import { toTrainingDoc } from '../../core/suggest/learn/span-model';
import type { SpanLike, Suggestion } from '../../core/suggest/suggestions';
import type { Span } from '../../core/model/types';
import { db } from '../db/db';
import { readPaged } from '../db/paged-read';
import { useModelSuggestions } from './use-model';

/** Wait after the last change before reading the store again, so a burst of labels reads once. */
const READ_DELAY_MS = 800;

/**
 * The annotator's training documents: every document with a span or a rejected suggestion
 * whose text the store holds, ordered by its first span's creation (documents with
 * rejections only come last), but `except` (the open one). Documents whose text the store does not hold are left out.
 */
export async function readTrainingDocs(annotator: string, except: string | null = null): Promise<TrainingDoc[]> {
  // The documents with spans, from their state rows; then the spans of those but the open one (whose 20,000 spans would
  // be read only to be dropped), in pages read when the page is idle.
  const states = await db.docState.where('annotator').equals(annotator).toArray();
  const keys = states.filter((d) => d.docId !== except && d.spanCount > 0).map((d) => [d.docId, annotator] as [string, string]);
  const spans: Span[] = [];
  for (const key of keys) spans.push(...((await readPaged<Span>(() => db.spans.where('[docId+annotator]').equals(key))) ?? []));
  const rejected = await db.rejected.toArray();
  const byDoc = new Map<string, { first: string; spans: typeof spans; rejected: string[] }>();
  const entry = (docId: string) => byDoc.get(docId) ?? byDoc.set(docId, { first: '\uffff', spans: [], rejected: [] }).get(docId)!;
  for (const s of spans) {
    if (s.orphaned || s.docId === except) continue;
    const e = entry(s.docId);
    e.spans.push(s);
    if (s.createdAt < e.first) e.first = s.createdAt;
  }
  for (const r of rejected) if (r.annotator === annotator && r.docId !== except && r.keys.length) entry(r.docId).rejected.push(...r.keys);
  const ids = [...byDoc.keys()].sort((a, b) => byDoc.get(a)!.first.localeCompare(byDoc.get(b)!.first));
  const texts = await db.texts.bulkGet(ids);
  const docs: TrainingDoc[] = [];
  ids.forEach((id, i) => {
    const text = texts[i]?.text;
    const e = byDoc.get(id)!;
    if (text !== undefined) docs.push(toTrainingDoc(text, e.spans, e.rejected));
  });
  return docs;
}

/** What the hook reads of the open document: its text, spans and rejections in memory. */
interface OpenDocument {
  readonly docId: string;
  readonly text: string;
  readonly spans: readonly SpanLike[];
  readonly rejected: ReadonlySet<string>;
}

/**
 * The training documents: the other documents read from the store once per opened document,
 * and the open one from memory after a pause in its changes (`version`), last (labelled most
 * recently). Reading the store only when a document opens keeps its reads away from the
 * annotator's writes.
 */
export function useTrainingDocs(annotator: string | null, open: OpenDocument | null, version: number): TrainingDoc[] {
  const docId = open?.docId ?? null;
  const [stored, setStored] = useState<{ docId: string | null; docs: TrainingDoc[] }>({ docId: null, docs: [] });
  const [current, setCurrent] = useState<TrainingDoc | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (!annotator) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void readTrainingDocs(annotator, docId).then((docs) => !cancelled && setStored({ docId, docs }));
    }, READ_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [annotator, docId]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const o = openRef.current;
      setCurrent(o && (o.spans.length || o.rejected.size) ? toTrainingDoc(o.text, o.spans, o.rejected) : null);
    }, READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [docId, version]);
  return useMemo(() => {
    const others = stored.docId === docId ? stored.docs : [];
    return current ? [...others, current] : others;
  }, [stored, current, docId]);
}

/**
 * The model's suggestions for the open document's text, or null while the model has none for
 * this text yet: suggestions found for the previous document (other offsets) are never shown
 * on the next one.
 */
export function useModelSuggestionsFor(text: string | null, docs: TrainingDoc[]): Suggestion[] | null {
  const list = useModelSuggestions(text, () => docs, docs);
  const seen = useRef<{ list: Suggestion[] | null; text: string | null }>({ list: null, text: null });
  if (list !== seen.current.list) seen.current = { list, text };
  return seen.current.text === text ? list : null;
}
