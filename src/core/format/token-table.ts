// The word tokens of one text as parallel integer arrays (UTF-16 and code point ranges) instead of one object and
// one string per token: hf converts a 50 MB export into some seven million tokens, and those objects were its cost.

/** One token: its text and its code point range in the document. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Tokens a new table has room for. */
const INITIAL = 256;
/** Beyond this many tokens of room (16 MB of arrays), a table refilled with a much shorter text shrinks back. */
const SHRINK_FROM = 1 << 20;

/**
 * The tokens of one text, in text order: token `i` is `text.slice(uStart[i], uEnd[i])` and covers code points
 * `[start[i], end[i])`. The arrays are longer than {@link count} (they grow by doubling); a table is refilled for
 * each text with {@link reset}, so one table serves a whole export without new allocations.
 */
export class TokenTable {
  text = '';
  count = 0;
  uStart = new Int32Array(INITIAL);
  uEnd = new Int32Array(INITIAL);
  start = new Int32Array(INITIAL);
  end = new Int32Array(INITIAL);

  /** Empties the table for the tokens of `text`; arrays grown for a very long text are given back for a short one. */
  reset(text: string): this {
    this.text = text;
    this.count = 0;
    if (this.uStart.length > SHRINK_FROM && text.length < this.uStart.length / 4) this.allocate(INITIAL);
    return this;
  }

  private allocate(n: number): void {
    this.uStart = new Int32Array(n);
    this.uEnd = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
  }

  /** Appends a token: UTF-16 range `[u, uTo)` and code point range `[cp, cpTo)` of {@link text}. */
  push(u: number, uTo: number, cp: number, cpTo: number): void {
    const i = this.count;
    if (i === this.uStart.length) this.grow();
    this.uStart[i] = u;
    this.uEnd[i] = uTo;
    this.start[i] = cp;
    this.end[i] = cpTo;
    this.count = i + 1;
  }

  private grow(): void {
    const n = this.uStart.length * 2;
    const wider = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.uStart = wider(this.uStart);
    this.uEnd = wider(this.uEnd);
    this.start = wider(this.start);
    this.end = wider(this.end);
  }

  /** The text of token `i`. */
  tokenText(i: number): string {
    return this.text.slice(this.uStart[i], this.uEnd[i]);
  }

  /** The tokens as objects, for callers that want them (conll, tests). */
  toTokens(): Token[] {
    const out = new Array<Token>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = { text: this.tokenText(i), start: this.start[i]!, end: this.end[i]! };
    return out;
  }

  /** A table of tokens given as objects: their texts laid end to end stand for the text they came from. */
  static of(tokens: readonly Token[]): TokenTable {
    const t = new TokenTable();
    const text = tokens.map((x) => x.text).join('');
    t.reset(text);
    let u = 0;
    for (const x of tokens) {
      t.push(u, u + x.text.length, x.start, x.end);
      u += x.text.length;
    }
    return t;
  }
}
