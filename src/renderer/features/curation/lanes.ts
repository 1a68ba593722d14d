// Lays out the curation lanes without React: a document cut into lines, each lane's spans cut into painted segments.
//
// Offsets here are UTF-16 (what the DOM indexes): the caller converts the model's code points
// once, through OffsetMap, before anything reaches this module. A segment is a run of text
// covered by the same marks and bands; a line of a lane becomes a handful of text nodes and
// <span> elements painted by {@link paintLane}, so a document with hundreds of spans per
// annotator costs no React component per span.

/** A line of the document: [from, to) in UTF-16 units, without its newline. */
export interface Block {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/** A span painted in a lane. */
export interface Mark {
  /** Span id (gold id in the gold lane, candidate id in the annotators'). */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly color: string;
  /** Underline row, so overlapping spans never share one ({@link assignRows}). */
  readonly row: number;
  /** Tooltip line, e.g. `ORG: alice, bob`. */
  readonly title: string;
}

/** A conflict region painted across every lane. */
export interface Band {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** `open` (undecided), `done` (decided) or `current` (the one the curator is on). */
  readonly state: 'open' | 'done' | 'current';
}

/** A run of text with the same marks and bands. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  /** Covering marks, outermost first (longest first). */
  readonly marks: readonly Mark[];
  readonly band: Band | null;
}

/** Underline rows drawn; deeper nesting shares the last row (six nested spans are already past reading). */
export const MAX_ROWS = 6;

/**
 * Longest block, in UTF-16 units: a paragraph of a few sentences. A longer line (a text
 * without line breaks) is cut at a space or sentence end before it, so that each lane line
 * stays a screenful and only blocks near the view cost layout (content-visibility).
 */
export const MAX_BLOCK = 1200;

/** The document's non-empty lines, long ones cut into blocks of at most {@link MAX_BLOCK} units. */
export function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  const push = (from: number, to: number) => {
    if (to > from && text.slice(from, to).trim() !== '') out.push({ index: out.length, from, to });
  };
  let from = 0;
  while (from <= text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    let start = from;
    while (nl - start > MAX_BLOCK) {
      let cut = start + MAX_BLOCK;
      // Back to just after a sentence end or a space in the last third; else a hard cut (never inside a surrogate pair).
      const floor = start + Math.floor((2 * MAX_BLOCK) / 3);
      let k = cut;
      while (k > floor && !/[\s。！？.!?]/.test(text[k - 1]!)) k--;
      if (k > floor) cut = k;
      else if (/[\udc00-\udfff]/.test(text[cut]!)) cut--;
      push(start, cut);
      start = cut;
    }
    push(start, nl);
    from = nl + 1;
  }
  return out;
}

/** The block holding UTF-16 offset `at` (the next one when `at` falls between blocks); -1 when none. */
export function blockAt(blocks: readonly Block[], at: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.to <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length ? lo : -1;
}

/** Assigns underline rows by greedy interval colouring, over ranges sorted by start (longest first at one start). */
export function assignRows<T extends { from: number; to: number }>(ranges: readonly T[]): (T & { row: number })[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || b.to - a.to);
  const rowEnds: number[] = [];
  return sorted.map((r) => {
    let row = rowEnds.findIndex((end) => end <= r.from);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = r.to;
    return { ...r, row: Math.min(row, MAX_ROWS - 1) };
  });
}

/** The segments of one block of one lane: cut at every mark and band boundary inside the block. */
export function segmentsOf(block: Block, marks: readonly Mark[], bands: readonly Band[]): Segment[] {
  const inBlock = marks.filter((m) => m.from < block.to && m.to > block.from && m.to > m.from);
  const bandsIn = bands.filter((b) => b.from < block.to && b.to > block.from);
  const cuts = new Set<number>([block.from, block.to]);
  for (const m of inBlock) {
    cuts.add(Math.max(block.from, m.from));
    cuts.add(Math.min(block.to, m.to));
  }
  for (const b of bandsIn) {
    cuts.add(Math.max(block.from, b.from));
    cuts.add(Math.min(block.to, b.to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = inBlock.filter((m) => m.from <= from && m.to >= to).sort((a, b) => b.to - b.from - (a.to - a.from) || a.row - b.row);
    // The current conflict wins over others where bands touch.
    let band: Band | null = null;
    for (const b of bandsIn) if (b.from <= from && b.to >= to && (!band || b.state === 'current')) band = b;
    out.push({ from, to, marks: covering, band });
  }
  return out;
}

/** Pixels per underline row: a 2px line and a 1px gap, as the editor's lanes. */
const ROW_PX = 3;

/** The CSS background of a painted segment: the innermost span's tint, and one underline per covering span on its row. */
function backgroundOf(marks: readonly Mark[]): string {
  const layers = marks.map((m) => `linear-gradient(${m.color}, ${m.color}) 0 calc(100% - ${m.row * ROW_PX}px) / 100% 2px no-repeat`);
  const inner = marks[marks.length - 1]!;
  layers.push(`color-mix(in srgb, ${inner.color} 22%, transparent)`);
  return layers.join(', ');
}

/**
 * Paints one block of one lane into `el`, replacing what was there. Each painted segment is
 * a <span class="seg"> carrying `data-from` (its UTF-16 start) and `data-ids` (its marks),
 * which is what clicks are resolved by; `selected` outlines the segments of that span.
 */
export function paintLane(el: HTMLElement, text: string, block: Block, marks: readonly Mark[], bands: readonly Band[], selected: string | null): void {
  const frag = document.createDocumentFragment();
  for (const seg of segmentsOf(block, marks, bands)) {
    const piece = text.slice(seg.from, seg.to);
    if (seg.marks.length === 0 && !seg.band) {
      frag.append(piece);
      continue;
    }
    const span = document.createElement('span');
    span.className = 'seg';
    span.textContent = piece;
    span.dataset.from = String(seg.from);
    if (seg.marks.length) {
      span.classList.add('marked');
      span.dataset.ids = seg.marks.map((m) => m.id).join(' ');
      span.style.background = backgroundOf(seg.marks);
      span.style.paddingBottom = `${(Math.max(...seg.marks.map((m) => m.row)) + 1) * ROW_PX}px`;
      span.title = seg.marks.map((m) => m.title).join('\n');
      if (selected && seg.marks.some((m) => m.id === selected)) span.classList.add('selected');
    }
    if (seg.band) {
      // The band's own ends get a tick, so a band reads as one region on its line even where marks cut it into segments.
      span.classList.add('band', `band-${seg.band.state}`);
      if (seg.from === Math.max(block.from, seg.band.from)) span.classList.add('band-start');
      if (seg.to === Math.min(block.to, seg.band.to)) span.classList.add('band-end');
      span.dataset.conflict = seg.band.id;
    }
    frag.append(span);
  }
  el.replaceChildren(frag);
}

/** A string that changes whenever what {@link paintLane} would paint changes, so unchanged lanes are left alone. */
export function laneSignature(block: Block, marks: readonly Mark[], bands: readonly Band[], selected: string | null): string {
  let sig = `${block.from}:${block.to}|`;
  for (const m of marks) if (m.from < block.to && m.to > block.from) sig += `${m.id},${m.from},${m.to},${m.row},${m.color},${m.title};`;
  sig += '|';
  for (const b of bands) if (b.from < block.to && b.to > block.from) sig += `${b.id},${b.from},${b.to},${b.state};`;
  if (selected && marks.some((m) => m.id === selected && m.from < block.to && m.to > block.from)) sig += `|${selected}`;
  return sig;
}

/** Sorts ranges into the blocks they touch (a range across lines goes into each), so each lane line sees only its own. */
export function bucketByBlock<T extends { from: number; to: number }>(blocks: readonly Block[], items: readonly T[]): T[][] {
  const out: T[][] = blocks.map(() => []);
  for (const item of items) {
    if (item.to <= item.from) continue;
    const first = blockAt(blocks, item.from);
    if (first < 0) continue;
    for (let b = first; b < blocks.length && blocks[b]!.from < item.to; b++) out[b]!.push(item);
  }
  return out;
}
