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

/**
 * What a UI needs beyond the English line: `key` names a translated message
 * (renderer i18n `errors.api.<key>`, filled with `params`); `path`/`backup` say which
 * workspace failed and which checked backup can replace it.
 */
export interface ErrorDetails {
  key?: string;
  params?: Record<string, string | number>;
  path?: string;
  backup?: string;
  /** A failed validation, value by value (api/validation.ts). */
  issues?: InputIssue[];
  /**
   * `params.reason` as a translated message: `key` is its full renderer i18n path
   * (`sources.feedErrors.webPage`), filled with `params`.
   */
  reason?: { key: string; params: Record<string, string | number> };
}

/**
 * One value an input schema refused: `field` is its path without list positions
 * (`handles.handle`), `reason` an id the UI translates (`errors.reasons.<id>`) with `params`.
 */
export interface InputIssue {
  field: string;
  reason: string;
  params?: Record<string, string | number>;
}

export class AtalayaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AtalayaError';
  }
}
