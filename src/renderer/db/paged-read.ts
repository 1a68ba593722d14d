// Reads of many rows cut into pages that yield to input between them: IndexedDB hands a whole
// `toArray()` to the main thread in one task, and 20,000 spans made one long task of it.


/** Rows per page: about 10 ms of deserialization on the bench machine. */
const PAGE = 1000;

/** Waits until the page is idle (or at most `timeoutMs`), so a background read starts between the annotator's actions. */
export function whenIdle(timeoutMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** What a paged read needs of a Dexie collection. */
interface PageableCollection<T> {
  offset(n: number): { limit(n: number): { toArray(): PromiseLike<T[]> } };
}

/**
 * Every row of `collection()` (a fresh collection for each call: Dexie collections are used once),
 * read a page at a time with an idle wait between pages. Rows are in the collection's order.
 */
export async function readPaged<T>(collection: () => PageableCollection<T>, isCancelled: () => boolean = () => false): Promise<T[] | null> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    if (isCancelled()) return null;
    await whenIdle();
    const page = await collection().offset(offset).limit(PAGE).toArray();
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}
