// The UI's side of the contract: one proxy over Electron's preload or the HTTP host, built from API_METHODS.

import { API_METHODS, HOST_EVENTS, type ApiErrorShape, type HostEvents, type MarginaliaApi } from '../../core/ipc/contract';

/** What the preload puts on window in Electron. */
interface PreloadBridge {
  methods: Record<string, (arg?: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorShape }>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    marginalia?: PreloadBridge;
  }
}

/**
 * What a failed call is: the host's own code, or `unreachable` when no host answered at all
 * (the server stopped, the network dropped): the call may be retried as it was.
 */
export type HostErrorCode = ApiErrorShape['code'] | 'unreachable';

/** The one line a tab of a stopped server shows (an `unreachable` error's message). */
export const UNREACHABLE_MESSAGE = 'the Marginalia server does not answer: start `marginalia serve` again and open the URL it prints; changes not yet on disk are kept here and sent when it answers';

/** The one line a tab of a restarted server (a new token) shows, when its answer says nothing better. */
export const UNAUTHORIZED_MESSAGE = 'this tab belongs to a Marginalia server that was restarted with a new token: open the URL that `marginalia serve` printed last';

/** An error from the host, with its code. */
export class HostError extends Error {
  constructor(readonly code: HostErrorCode, message: string) {
    super(message);
    this.name = 'HostError';
  }
}

type Listener = <K extends keyof HostEvents>(event: K, payload: HostEvents[K]) => void;

/** The contract plus event subscription. */
export interface HostClient {
  api: MarginaliaApi;
  on(listener: Listener): () => void;
}

/** The token the browser mode was opened with (kept for the session so a reload without it still works). */
function browserToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem('marginalia-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('marginalia-token') ?? '';
}

function unwrap(result: { ok: true; value: unknown } | { ok: false; error: { code: HostErrorCode; message: string } }): unknown {
  if (result.ok) return result.value;
  throw new HostError(result.error.code, result.error.message);
}

function electronClient(bridge: PreloadBridge): HostClient {
  const api = {} as Record<string, (arg?: unknown) => Promise<unknown>>;
  for (const m of API_METHODS) api[m] = async (arg?: unknown) => unwrap(await bridge.methods[m]!(arg));
  return { api: api as unknown as MarginaliaApi, on: (l) => bridge.on(l as (e: string, p: unknown) => void) };
}

/**
 * The body of an HTTP answer as the contract's result. A 401, or a 403 from an older server,
 * is the token refused (a restarted server); an answer that is not ours (a proxy's page, a
 * server cut off mid-answer) is `unreachable`.
 */
async function answerOf(res: Response): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: HostErrorCode; message: string } }> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const error = (body as { error?: ApiErrorShape } | null)?.error;
  if (res.status === 401 || (res.status === 403 && /token/.test(error?.message ?? 'token'))) {
    return { ok: false, error: { code: 'unauthorized', message: error?.code === 'unauthorized' ? error.message : UNAUTHORIZED_MESSAGE } };
  }
  if (body && typeof body === 'object' && 'ok' in body) return body as { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };
  return { ok: false, error: { code: 'unreachable', message: `${UNREACHABLE_MESSAGE} (HTTP ${res.status})` } };
}

function httpClient(): HostClient {
  const token = browserToken();
  const api = {} as Record<string, (arg?: unknown) => Promise<unknown>>;
  for (const m of API_METHODS) {
    api[m] = async (arg?: unknown) => {
      let res: Response;
      try {
        res = await fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-marginalia-token': token },
          body: arg === undefined ? '' : JSON.stringify(arg),
        });
      } catch {
        throw new HostError('unreachable', UNREACHABLE_MESSAGE);
      }
      return unwrap(await answerOf(res));
    };
  }
  return {
    api: api as unknown as MarginaliaApi,
    on(listener) {
      // An EventSource cannot send headers: the stream takes the token in its own query parameter.
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      for (const name of HOST_EVENTS) source.addEventListener(name, (e: MessageEvent) => listener(name, JSON.parse(e.data)));
      return () => source.close();
    },
  };
}

/** The client for whichever host the UI runs in. */
export const host: HostClient = window.marginalia ? electronClient(window.marginalia) : httpClient();

/** The browser-mode URL of a file the host wrote under the corpus's `.marginalia/exports/` (a download link cannot send a header: the token is in its query). */
export function downloadUrlOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  return `/exports/${encodeURIComponent(name)}?token=${encodeURIComponent(browserToken())}`;
}
