// The contract's failures: the channel prefix main accepts, and the error a host service throws and the UI branches on.

/** The prefix of every IPC channel of the contract; main refuses any other. */
export const IPC_PREFIX = 'marginalia:';

/** A failure crossing the boundary: a code the UI can branch on and a message a user can read. */
export interface ApiErrorShape {
  /**
   * `disk-full` (ENOSPC, EDQUOT) and `read-only` (EROFS, EACCES on the journal) say why a write did not reach disk;
   * `unauthorized`: the request's token is not this host's (a restarted host): reload from the printed URL.
   */
  code: 'bad-request' | 'not-found' | 'forbidden' | 'io' | 'internal' | 'disk-full' | 'read-only' | 'unauthorized';
  message: string;
}

/** Thrown by a host service, carried across the boundary as {@link ApiErrorShape}. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorShape['code'], message: string) {
    super(message);
    this.name = 'ApiError';
  }
}
