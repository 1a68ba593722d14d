// The note fields as rendered (server-side, no DOM needed): shown only where the caller can store them, filled from the note.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../core/model/schema';
import type { CodePoint, Span } from '../../core/model/types';
import { DocNotes } from './DocNotes';
import { SpanDetails } from './SpanDetails';

const span: Span = {
  id: 's1', docId: 'sha256:x', annotator: 'alice', label: 'PERSON', start: 0 as CodePoint, end: 4 as CodePoint, attrs: {},
  quote: { exact: 'Tang', prefix: '', suffix: '' }, createdAt: '', updatedAt: '', comment: 'Is this the <same> Tang?', unsure: true,
};
const noop = () => {};
const base = { span, schema: DEFAULT_SCHEMA, relations: [], describe: () => '', canonicalIds: [], onAttr: noop, onLabel: noop, onDeleteRelation: noop, onStartLink: noop, onSelectSpan: noop, onDone: noop };

describe('SpanDetails notes', () => {
  it('shows the comment and the flag when the app can store them', () => {
    const html = renderToStaticMarkup(createElement(SpanDetails, { ...base, onComment: noop, onUnsure: noop }));
    expect(html).toContain('data-testid="span-comment"');
    expect(html).toContain('Is this the &lt;same&gt; Tang?');
    expect(html).toMatch(/<input type="checkbox" data-testid="span-unsure" checked=""\/>/);
  });
  it('shows neither without the callbacks (an older App), so nothing typed is silently lost', () => {
    const html = renderToStaticMarkup(createElement(SpanDetails, base));
    expect(html).not.toContain('span-comment');
    expect(html).not.toContain('span-unsure');
  });
});

describe('DocNotes', () => {
  it('is closed and empty for a document without a note', () => {
    const html = renderToStaticMarkup(createElement(DocNotes, { docId: 'sha256:x', meta: undefined, onChange: noop }));
    expect(html).not.toContain('open=""');
    expect(html).not.toContain('unsure-flag');
  });
  it('is open with the flag and the comment when the document has them', () => {
    const html = renderToStaticMarkup(createElement(DocNotes, { docId: 'sha256:x', meta: { comment: '两段重复', unsure: true }, onChange: noop }));
    expect(html).toContain('open=""');
    expect(html).toContain('unsure-flag');
    expect(html).toContain('两段重复');
  });
});
