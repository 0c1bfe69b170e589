import { ApiError } from './api-error';
import type {
  ApiResult,
  EventMap,
  EventName,
  InputOf,
  MethodName,
  OutputOf,
} from '../../../main/core/api/contract';

/** What the preload script exposes in the desktop app (see preload/index.ts). */
interface DesktopBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    atalaya?: DesktopBridge;
  }
}

export { ApiError };

interface Transport {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(event: string, cb: (payload: unknown) => void): () => void;
}

const ipcTransport = (bridge: DesktopBridge): Transport => ({
  call: (method, input) => bridge.invoke(method, input) as Promise<ApiResult<unknown>>,
  subscribe: (event, cb) => bridge.on(event, cb),
});

/** Browser mode: same contract over HTTP; the session cookie carries the token. */
const httpTransport = (): Transport => {
  let source: EventSource | null = null;
  return {
    async call(method, input) {
      const res = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      if (res.status === 401 || res.status === 403) {
        return { ok: false, error: { code: 'unauthorized', message: 'session_expired' } };
      }
      return (await res.json()) as ApiResult<unknown>;
    },
    subscribe(event, cb) {
      source ??= new EventSource('/api/events');
      const listener = (e: MessageEvent<string>): void => cb(JSON.parse(e.data) as unknown);
      source.addEventListener(event, listener);
      return () => source?.removeEventListener(event, listener);
    },
  };
};

const transport: Transport = window.atalaya ? ipcTransport(window.atalaya) : httpTransport();

/** Calls a contract method; resolves with its output or throws ApiError. */
export async function invoke<M extends MethodName>(
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const result = await transport.call(method, input);
  if (!result.ok)
    throw new ApiError(result.error.code, result.error.message, result.error.details ?? {});
  return result.value as OutputOf<M>;
}

export function onEvent<E extends EventName>(
  event: E,
  cb: (payload: EventMap[E]) => void,
): () => void {
  return transport.subscribe(event, cb as (p: unknown) => void);
}
