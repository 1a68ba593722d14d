// What the corpus has taught so far: strings labelled as entities (for dictionary suggestions) and canonical entity ids.

import { useEffect, useState } from 'react';
import { DEFAULT_SCHEMA, labelDef } from '../../core/model/schema';
import { Dictionary, entriesFromSpans } from '../../core/suggest/dictionary';
import type { Span } from '../../core/model/types';
import { db } from '../db/db';
import { readPaged } from '../db/paged-read';

/** The labels of the entity group: the only spans the lexicon reads. */
const ENTITY_LABELS = DEFAULT_SCHEMA.labels.filter((l) => l.group === 'entity').map((l) => l.name);

/** One mention of a canonical entity. */
export interface EntityMention {
  docId: string;
  text: string;
  label: string;
}

/** The corpus lexicon of one annotator. */
export interface CorpusLexicon {
  /** Entity strings labelled anywhere in the corpus, compiled for dictionary suggestions. */
  dictionary: Dictionary;
  /** Canonical id → its mentions across documents. */
  canonical: Map<string, EntityMention[]>;
  canonicalIds: string[];
}

const EMPTY: CorpusLexicon = { dictionary: new Dictionary([]), canonical: new Map(), canonicalIds: [] };

/**
 * Reads the annotator's entity spans across the corpus once per `refresh` value
 * (the app passes the open document and its version), not on every keystroke.
 */
export function useCorpusLexicon(annotator: string | null, refresh: unknown): CorpusLexicon {
  const [lexicon, setLexicon] = useState<CorpusLexicon>(EMPTY);
  useEffect(() => {
    if (!annotator) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // Entity spans only, through their index, in pages read when the page is idle: never one long task.
      void Promise.all(ENTITY_LABELS.map((l) => readPaged<Span>(() => db.spans.where('[annotator+label]').equals([annotator, l]), () => cancelled)))
        .then((pages) => {
          if (cancelled || pages.some((p) => !p)) return;
          const spans = pages.flatMap((p) => p!);
          const canonical = new Map<string, EntityMention[]>();
          for (const s of spans) {
            if (labelDef(DEFAULT_SCHEMA, s.label)?.group !== 'entity') continue;
            const c = s.attrs.canonical;
            if (typeof c === 'string' && c) (canonical.get(c) ?? canonical.set(c, []).get(c)!).push({ docId: s.docId, text: s.quote.exact, label: s.label });
          }
          setLexicon({ dictionary: new Dictionary(entriesFromSpans(spans)), canonical, canonicalIds: [...canonical.keys()].sort() });
        });
      // A short pause lets a burst of actions settle into one read.
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [annotator, refresh]);
  return lexicon;
}
