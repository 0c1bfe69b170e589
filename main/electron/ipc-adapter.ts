import type { IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../core/api/contract';
import type { Deps } from '../core/api/deps';
import { callMethod } from '../core/api/router';

export const INVOKE_CHANNEL = 'atalaya:invoke';
export const EVENT_CHANNEL = 'atalaya:event';

/** The part of an IPC event the adapter looks at; lets tests pass a plain object. */
export type SenderInfo = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/**
 * IPC → core: refuses calls from frames that are not our own UI (a navigated or injected
 * frame must not reach the API), then validates and dispatches like every other transport.
 */
export function createInvokeHandler(deps: Deps, isTrustedUrl: (url: string) => boolean) {
  return async (
    event: SenderInfo,
    method: unknown,
    input: unknown,
  ): Promise<ApiResult<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Call from an untrusted frame refused' },
      };
    }
    return callMethod(deps, method, input);
  };
}

/** Our UI is served from the app protocol (packaged) or the electron-vite dev server. */
export function trustedUrlChecker(
  appOrigin: string,
  devServerUrl: string | undefined,
): (url: string) => boolean {
  return (url) => {
    try {
      const u = new URL(url);
      if (`${u.protocol}//${u.host}` === appOrigin) return true;
      return devServerUrl !== undefined && u.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  };
}

/** Only web links leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
