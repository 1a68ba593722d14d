// Peer page: Label Studio's frontend (@heartexlabs/label-studio, the last npm release that ships its
// build) with a Text tag and Labels over W1's text, the spans given as its prediction-free annotation
// results ({start, end, text, labels}), as a Label Studio task carries them.

import { paintedWhen } from './paint';
import type { PeerApi, PeerSpan } from './peer-api';

/** The global the frontend's build defines. */
declare const LabelStudio: new (el: string | HTMLElement, options: Record<string, unknown>) => unknown;

/** The labels of Marginalia's default schema, as a Label Studio labeling config. */
const CONFIG = `<View>
  <Labels name="label" toName="text">
    <Label value="CLAIM" background="#f2c14e"/><Label value="FIGURE" background="#4ea8de"/>
    <Label value="PERSON" background="#e76f51"/><Label value="ORG" background="#8ac926"/>
    <Label value="LOC" background="#2a9d8f"/><Label value="PRODUCT" background="#b5179e"/>
    <Label value="EVENT" background="#ff8fab"/><Label value="POLICY" background="#9d4edd"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>`;

let text = '';
let spans: PeerSpan[] = [];
// The frontend's root store, handed over in onLabelStudioLoad (its internal MobX-state-tree API).
let store: any = null;

function result(s: PeerSpan) {
  return { id: s.id, from_name: 'label', to_name: 'text', type: 'labels', value: { start: s.start, end: s.end, text: text.slice(s.start, s.end), labels: [s.label] } };
}

/** A highlight of Label Studio's Text tag drawn on screen (optionally: of region `id`). */
function drawnOnScreen(count?: number): boolean {
  const all = document.querySelectorAll('.htx-highlight');
  if (!all.length || (count !== undefined && all.length < count)) return false;
  const r = all[0]!.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.width > 0;
}

const api: PeerApi = {
  setData(t, s) {
    text = t;
    spans = s;
    return s.length;
  },

  async load(timeoutMs) {
    const t0 = performance.now();
    new LabelStudio('label-studio', {
      config: CONFIG,
      interfaces: ['panel', 'controls', 'side-column'],
      user: { id: 1, firstName: 'Bench', lastName: 'Mark' },
      task: { id: 1, data: { text }, annotations: [{ id: 1, result: spans.map(result) }], predictions: [] },
      onLabelStudioLoad(ls: any) {
        store = ls;
        const as = ls.annotationStore;
        if (!as.selected && as.annotations.length) as.selectAnnotation(as.annotations[0].id);
      },
    });
    const t1 = await paintedWhen(() => drawnOnScreen(), timeoutMs, 'Label Studio highlights');
    return { textMs: NaN, spansMs: NaN, totalMs: t1 - t0, drawn: document.querySelectorAll('.htx-highlight').length };
  },

  async addOne(span, timeoutMs) {
    const annotation = store?.annotationStore?.selected;
    if (!annotation) throw new Error('no selected annotation');
    // As its user does: pick the label (here through the Labels control, as a click on it would), select the text, release the mouse.
    const label = annotation.names.get('label').children.find((l: any) => l.value === span.label);
    if (!label) throw new Error(`no label ${span.label}`);
    if (!label.selected) label.setSelected(true);
    const root = document.querySelector('.lsf-richtext__container, .htx-richtext') as HTMLElement | null;
    if (!root) throw new Error('no rich-text container: this Label Studio renders Text another way');
    const range = rangeOf(root, toRenderedOffset(span.start), toRenderedOffset(span.end));
    const before = document.querySelectorAll('.htx-highlight').length;
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const t0 = performance.now();
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, view: window }));
    const t1 = await paintedWhen(() => drawnOnScreen(before + 1), timeoutMs, 'the added Label Studio highlight');
    return t1 - t0;
  },
};

/** Label Studio renders "\n" as <br/>: its text nodes skip the newlines, so offsets shift by the lines before. */
function toRenderedOffset(u: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < u; i = text.indexOf('\n', i + 1)) lines++;
  return u - lines;
}

/** The DOM range of rendered offsets [from, to) over the text nodes under `root`. */
function rangeOf(root: HTMLElement, from: number, to: number): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent!.length;
    if (!started && from < seen + len) {
      range.setStart(n, from - seen);
      started = true;
    }
    if (started && to <= seen + len) {
      range.setEnd(n, to - seen);
      return range;
    }
    seen += len;
  }
  throw new Error(`offsets ${from}-${to} are past the rendered text`);
}

(globalThis as unknown as { __mpeer: PeerApi }).__mpeer = api;
