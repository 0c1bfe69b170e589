import type { TFunction, i18n as I18n } from 'i18next';
import { ApiError } from '../api/api-error';

/** The schemas' own reasons (main/core/api/schemas.ts, contract.ts), by their English words. */
const REASONS: Record<string, string> = {
  'the brand name is required': 'brandRequired',
  'a handle cannot be empty': 'handleEmpty',
  'a handle has no spaces': 'handleSpaces',
  'use HH:MM, 24-hour clock': 'timeFormat',
  'closing time must be after opening time': 'closesAfterOpens',
  'unknown time zone': 'unknownTimeZone',
  'use YYYY-MM-DD': 'dateFormat',
  'a feed address starts with http:// or https://': 'feedAddress',
  'choose a crisis or a period': 'crisisOrPeriod',
  'say what happened': 'sayWhatHappened',
};

/**
 * The error in the UI language: the core's translated message when it names one
 * (`details.key` → `errors.api.*`), else a sentence for its code (`errors.code.*`) that says
 * what to do, with the core's own words as the detail.
 */
export function describeError(error: ApiError | Error, t: TFunction, i18n: I18n): string {
  if (error.message === 'session_expired') return t('errors.session_expired');
  if (error instanceof ApiError) {
    const { key, params } = error.details;
    if (key === 'invalidInput' && params) {
      const id = REASONS[String(params['reason'])];
      const reason = id ? t(`errors.reasons.${id}`) : String(params['reason'] ?? '');
      return t('errors.api.invalidInput', { ...params, reason });
    }
    if (key && i18n.exists(`errors.api.${key}`)) return t(`errors.api.${key}`, { ...params });
    if (i18n.exists(`errors.code.${error.code}`))
      return t(`errors.code.${error.code}`, { message: error.message });
  }
  return t('errors.generic', { message: error.message });
}
