import { useTranslation } from 'react-i18next';

/**
 * Why a row could not be read, in the UI language (`sources.rowReasons.<key>` with the values
 * the core names); the core's English sentence when it gave no key (or this UI lacks it).
 */
export function useRowReasonText(): (r: {
  reason?: string;
  key?: string;
  params?: Record<string, string | number>;
}) => string {
  const { t } = useTranslation();
  return (r) =>
    r.key
      ? t(`sources.rowReasons.${r.key}`, { ...r.params, defaultValue: r.reason ?? '' })
      : (r.reason ?? '');
}
