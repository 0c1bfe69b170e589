import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';

type Reason = OutputOf<'people.get'>['person']['why'][number];

/** The number a reason's wording agrees with ("1 publicación", "3 publicaciones"). */
const COUNTED: Record<string, string> = { repeated: 'k', insults: 'k', insufficient: 'n' };

/** A label's reason in `i18n`'s language (the core's English sentence when there is no key). */
export function reasonText(i18n: I18n, r: Reason): string {
  const key = `people.reasons.${r.key}`;
  const param = COUNTED[r.key];
  const counted = param ? r.params[param] : undefined;
  const count = typeof counted === 'number' ? { count: counted } : {};
  if (!r.key || !i18n.exists(key, count)) return r.text;
  const label = r.params['label'];
  return i18n.t(key, {
    ...r.params,
    ...count,
    ...(typeof label === 'string' ? { label: i18n.t(`people.labels.${label}`) } : {}),
  });
}

/** reasonText in the UI language. */
export function useReasonText(): (r: Reason) => string {
  const { i18n } = useTranslation();
  return (r) => reasonText(i18n, r);
}
