// The shape of W3's store page (store-page.ts), shared with the Node side. Type-only.

/** W3's page functions, on `globalThis.__mstore`. */
export interface StoreApi {
  /** Generates `docs × perDoc` spans in the page; returns how many. */
  prepare(args: { docs: number; perDoc: number; seed: number }): number;
  /** Deletes the database, then writes every span (and the documents' state rows) in one transaction; ms to commit. */
  importAll(): Promise<number>;
  /** Reads one document's annotations with the app's loadAnnotations on a fresh connection; ms and span count. */
  readOne(index: number): Promise<{ ms: number; spans: number }>;
  /** The same import through the raw IndexedDB API (one transaction, a put per span): the store's own cost without Dexie. */
  importRaw(): Promise<number>;
  /** The same read through the raw API (getAll on the compound index). */
  readRaw(index: number): Promise<{ ms: number; spans: number }>;
  /** Spans in the database. */
  count(): Promise<number>;
}
