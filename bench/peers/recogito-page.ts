// Peer page: @recogito/text-annotator over W1's text and spans, given as W3C annotations
// (TextQuoteSelector + TextPositionSelector) through its W3CTextFormat adapter, as its docs show.
// The text is laid out like Marginalia's (one <p> per line, same font size and width).

import { createTextAnnotator, W3CTextFormat, type TextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import { afterNextPaint, paintedWhen } from './paint';
import type { PeerApi, PeerSpan } from './peer-api';

let text = '';
let spans: PeerSpan[] = [];
/** UTF-16 offset where each line starts, to turn whole-text offsets into Recogito's (which skip the newlines between <p>s). */
let lineStarts: number[] = [];
let anno: TextAnnotator<any, any> | null = null;

/** Recogito counts offsets over the text nodes under its container, where the "\n" between paragraphs is not. */
function toRecogitoOffset(u: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= u) lo = mid;
    else hi = mid - 1;
  }
  return u - lo;
}

function w3c(s: PeerSpan) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: s.id,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: s.label }],
    target: {
      source: 'w1',
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(s.start, s.end) },
        { type: 'TextPositionSelector', start: toRecogitoOffset(s.start), end: toRecogitoOffset(s.end) },
      ],
    },
  };
}

const content = () => document.getElementById('content')!;

/** A drawn highlight of Recogito's default (SPANS) renderer on screen. */
function drawnOnScreen(id?: string): boolean {
  const sel = id ? `.r6o-annotation[data-annotation="${CSS.escape(id)}"]` : '.r6o-annotation';
  const el = document.querySelector(sel);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
}

const api: PeerApi = {
  setData(t, s) {
    text = t;
    spans = s;
    lineStarts = [0];
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return s.length;
  },

  async load(timeoutMs) {
    const t0 = performance.now();
    const root = content();
    const frag = document.createDocumentFragment();
    for (const line of text.split('\n')) {
      const p = document.createElement('p');
      p.textContent = line;
      frag.appendChild(p);
    }
    root.appendChild(frag);
    const t1 = await afterNextPaint();
    anno = createTextAnnotator(root, { adapter: W3CTextFormat('w1', root) });
    anno.setAnnotations(spans.map(w3c), true);
    const t2 = await paintedWhen(() => drawnOnScreen(), timeoutMs, 'Recogito highlights');
    return { textMs: t1 - t0, spansMs: t2 - t1, totalMs: t2 - t0, drawn: document.querySelectorAll('.r6o-annotation').length };
  },

  async addOne(span, timeoutMs) {
    if (!anno) throw new Error('load first');
    window.scrollTo(0, 0);
    await afterNextPaint();
    const t0 = performance.now();
    anno.addAnnotation(w3c(span));
    const t1 = await paintedWhen(() => drawnOnScreen(span.id), timeoutMs, 'the added Recogito highlight');
    return t1 - t0;
  },
};

(globalThis as unknown as { __mpeer: PeerApi }).__mpeer = api;
