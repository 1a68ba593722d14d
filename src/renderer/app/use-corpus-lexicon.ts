// What the corpus has taught so far: strings labelled as entities (for dictionary suggestions) and canonical entity ids.

import { useEffect, useState } from 'react';
import { DEFAULT_SCHEMA, labelDef } from '../../core/model/schema';
import { db } from '../db/db';

/** One mention of a canonical entity. */
export interface EntityMention {
  docId: string;
  text: string;
  label: string;
}

/** The corpus lexicon of one annotator. */
export interface CorpusLexicon {
  /** Entity strings and the label they were given most often. */
  labelled: Map<string, string>;
  /** Canonical id → its mentions across documents. */
  canonical: Map<string, EntityMention[]>;
  canonicalIds: string[];
}

const EMPTY: CorpusLexicon = { labelled: new Map(), canonical: new Map(), canonicalIds: [] };

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
      void db.spans
        .where('annotator')
        .equals(annotator)
        .toArray()
        .then((spans) => {
          if (cancelled) return;
          const votes = new Map<string, Map<string, number>>();
          const canonical = new Map<string, EntityMention[]>();
          for (const s of spans) {
            if (labelDef(DEFAULT_SCHEMA, s.label)?.group !== 'entity') continue;
            const text = s.quote.exact;
            const v = votes.get(text) ?? votes.set(text, new Map()).get(text)!;
            v.set(s.label, (v.get(s.label) ?? 0) + 1);
            const c = s.attrs.canonical;
            if (typeof c === 'string' && c) (canonical.get(c) ?? canonical.set(c, []).get(c)!).push({ docId: s.docId, text, label: s.label });
          }
          const labelled = new Map<string, string>();
          for (const [text, v] of votes) labelled.set(text, [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
          setLexicon({ labelled, canonical, canonicalIds: [...canonical.keys()].sort() });
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
