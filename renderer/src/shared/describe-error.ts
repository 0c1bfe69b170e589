import type { TFunction, i18n as I18n } from 'i18next';
import type { InputIssue } from '../../../main/core/api/contract';
import { ApiError } from '../api/api-error';

/** A field's name in the UI language (`errors.fields.<first segment>`), else as the core names it. */
function fieldLabel(field: string, t: TFunction, i18n: I18n): string {
  const head = field.split('.')[0] ?? field;
  return i18n.exists(`errors.fields.${head}`) ? t(`errors.fields.${head}`) : field;
}

/** Each refused value said in the UI language from its reason id (main/core/api/validation.ts). */
function describeIssues(issues: InputIssue[], t: TFunction, i18n: I18n): string {
  const fields = [...new Set(issues.map((i) => fieldLabel(i.field, t, i18n)))];
  const reasons = [
    ...new Set(
      issues.map((i) =>
        i18n.exists(`errors.reasons.${i.reason}`)
          ? t(`errors.reasons.${i.reason}`, { ...i.params })
          : String(i.params?.['message'] ?? i.reason),
      ),
    ),
  ];
  return t('errors.api.invalidInput', { fields: fields.join(', '), reason: reasons.join('; ') });
}

/**
 * The error in the UI language: the core's translated message when it names one
 * (`details.key` → `errors.api.*`), else a sentence for its code (`errors.code.*`) that says
 * what to do, with the core's own words as the detail.
 */
export function describeError(error: ApiError | Error, t: TFunction, i18n: I18n): string {
  if (error.message === 'session_expired') return t('errors.session_expired');
  if (error instanceof ApiError) {
    const { key, params, issues, reason } = error.details;
    if (key === 'invalidInput' && issues?.length) return describeIssues(issues, t, i18n);
    if (key && i18n.exists(`errors.api.${key}`)) {
      // the reason a message names, said by its own key (a feed's error) when the core gives one
      const said =
        reason && i18n.exists(reason.key) ? { reason: t(reason.key, { ...reason.params }) } : {};
      return t(`errors.api.${key}`, { ...params, ...said });
    }
    if (i18n.exists(`errors.code.${error.code}`))
      return t(`errors.code.${error.code}`, { message: error.message });
  }
  return t('errors.generic', { message: error.message });
}
