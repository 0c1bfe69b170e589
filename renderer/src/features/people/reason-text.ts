import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';

type Reason = OutputOf<'people.get'>['person']['why'][number];

/** A label's reason in the UI language (the core's English sentence when there is no key). */
export function useReasonText(): (r: Reason) => string {
  const { t, i18n } = useTranslation();
  return (r) => {
    const key = `people.reasons.${r.key}`;
    if (!r.key || !i18n.exists(key)) return r.text;
    const label = r.params['label'];
    return t(key, {
      ...r.params,
      ...(typeof label === 'string' ? { label: t(`people.labels.${label}`) } : {}),
    });
  };
}
