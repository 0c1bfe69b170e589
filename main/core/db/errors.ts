/** Error codes shared by the store, the API and the CLI; messages are one plain line. */
export type ErrorCode =
  | 'not_found'
  | 'not_a_workspace'
  | 'truncated'
  | 'too_new'
  | 'corrupt'
  | 'exists'
  | 'validation'
  | 'unavailable'
  | 'unsupported'
  | 'io'
  | 'internal';

export class AtalayaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AtalayaError';
  }
}
