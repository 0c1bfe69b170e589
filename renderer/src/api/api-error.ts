import type { ErrorDetails } from '../../../main/core/api/contract';

/** A failed API call: the core's code, its English line, and what the UI needs to translate it. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}
