// The shape of a peer's benchmark page (recogito-page.ts, label-studio-page.ts), shared with the Node
// side. Type-only. Every peer gets the same text and spans as W1, in its own format.

/** A span as every peer is given it: UTF-16 offsets over the whole text (W1's text is BMP-only, so equal to code points). */
export interface PeerSpan {
  id: string;
  start: number;
  end: number;
  label: string;
}

/** Time from starting to render the document to its first screen painted with spans. */
export interface PeerLoad {
  /** Text into the page (the peer's own way) → painted, before any span. */
  textMs: number;
  /** Spans handed over → first screen painted with them. */
  spansMs: number;
  /** Both. */
  totalMs: number;
  /** Highlight elements drawn after the load (peers draw only what is on screen). */
  drawn: number;
}

/** A peer page's functions, on `globalThis.__mpeer`. */
export interface PeerApi {
  /** Keeps the data in the page, outside any timing. */
  setData(text: string, spans: PeerSpan[]): number;
  /** Renders the text, then all spans; times both. */
  load(timeoutMs: number): Promise<PeerLoad>;
  /** Adds one span through the peer's API; ms to the frame painted with it. */
  addOne(span: PeerSpan, timeoutMs: number): Promise<number>;
}
