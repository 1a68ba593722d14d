// The corpus-wide entity list: each canonical entity with its mentions, across documents and languages.

import type { CorpusEntry } from '../../core/ipc/contract';
import type { CorpusLexicon } from '../app/use-corpus-lexicon';
import { plural } from '../../core/text/plural';

/** The list; mentions name their document. */
export function EntityList({ lexicon, documents }: { lexicon: CorpusLexicon; documents: CorpusEntry[] }) {
  const titles = new Map(documents.map((d) => [d.docId, d.title]));
  if (!lexicon.canonicalIds.length) {
    return <p className="empty">No canonical entities yet. Select an entity span and fill in its “canonical” attribute (the same id for “Chint Electric” and “正泰电气”).</p>;
  }
  return (
    <div className="entity-list" data-testid="entity-list">
      {lexicon.canonicalIds.map((id) => {
        const mentions = lexicon.canonical.get(id)!;
        const distinct = [...new Set(mentions.map((m) => m.text))];
        return (
          <section key={id} data-entity={id}>
            <h3>{id} <span className="muted">({plural(mentions.length, 'mention')})</span></h3>
            <p>{distinct.join(' · ')}</p>
            <p className="muted">{[...new Set(mentions.map((m) => titles.get(m.docId) ?? m.docId.slice(0, 15)))].join(' · ')}</p>
          </section>
        );
      })}
    </div>
  );
}
