// One copy of each repeated string: a structured clone (a store's read, a worker's message) makes a new
// string for every field, and tens of thousands of copies of "figure" or of a document id are heap that
// every garbage collection walks (on a long document, pauses in the middle of a scroll).

/** Hands back one shared copy of each string it is given, up to `limit` distinct strings (past it, strings pass through). */
export class SharedStrings {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = 20_000) {}

  /** The shared copy of `s`: the first equal string this table was given. */
  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size < this.limit) this.strings.set(s, s);
    return s;
  }

  /** How many distinct strings the table holds. */
  get size(): number {
    return this.strings.size;
  }

  /** `attrs` with its string values shared (in place; the same object). */
  attrs<A extends Record<string, unknown>>(attrs: A): A {
    for (const k in attrs) {
      const v = attrs[k];
      if (typeof v === 'string') (attrs as Record<string, unknown>)[k] = this.get(v);
    }
    return attrs;
  }
}

/** The app's table, for strings of few values (labels, kinds, units, document ids, annotators). */
export const sharedStrings = new SharedStrings();
