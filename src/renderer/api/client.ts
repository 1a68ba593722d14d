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

/** An error from the host, with its code. */
export class HostError extends Error {
  constructor(readonly code: ApiErrorShape['code'], message: string) {
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

function unwrap(result: { ok: true; value: unknown } | { ok: false; error: ApiErrorShape }): unknown {
  if (result.ok) return result.value;
  throw new HostError(result.error.code, result.error.message);
}

function electronClient(bridge: PreloadBridge): HostClient {
  const api = {} as Record<string, (arg?: unknown) => Promise<unknown>>;
  for (const m of API_METHODS) api[m] = async (arg?: unknown) => unwrap(await bridge.methods[m]!(arg));
  return { api: api as unknown as MarginaliaApi, on: (l) => bridge.on(l as (e: string, p: unknown) => void) };
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
        throw new HostError('io', 'the Marginalia host does not answer: is `marginalia serve` still running?');
      }
      return unwrap(await res.json());
    };
  }
  return {
    api: api as unknown as MarginaliaApi,
    on(listener) {
      const source = new EventSource('/api/events');
      for (const name of HOST_EVENTS) source.addEventListener(name, (e: MessageEvent) => listener(name, JSON.parse(e.data)));
      return () => source.close();
    },
  };
}

/** The client for whichever host the UI runs in. */
export const host: HostClient = window.marginalia ? electronClient(window.marginalia) : httpClient();

/** The browser-mode URL of a file the host wrote under the corpus's `.marginalia/exports/` (the token travels as a cookie). */
export function downloadUrlOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  return `/exports/${encodeURIComponent(name)}`;
}
