import { AtalayaError } from '../db/errors';
import { contract, type ApiResult, type MethodName } from './contract';
import type { Deps } from './deps';
import type { Handler } from './handler-types';
import { handlers } from './handlers';
import { validationFailure } from './validation';

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * The single entry every transport (IPC, HTTP, CLI) goes through: checks the method name,
 * validates the input against its schema, calls the handler and turns errors into
 * `{ ok: false, error }` with a stable code.
 */
export async function callMethod(
  deps: Deps,
  method: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 80)}` },
    };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: validationFailure(parsed.error, input ?? {}) };
  try {
    const handler = handlers[method] as Handler<MethodName>;
    const value = await handler(deps, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AtalayaError)
      return {
        ok: false,
        error: {
          code: e.code,
          message: e.message,
          ...(Object.keys(e.details).length ? { details: e.details } : {}),
        },
      };
    deps.log.error(`${method} failed: ${(e as Error).stack ?? String(e)}`);
    return {
      ok: false,
      error: { code: 'internal', message: `${method} failed: ${(e as Error).message}` },
    };
  }
}
