import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Params = Record<string, string | number>;

/**
 * Why a row could not be read, in the UI language (`sources.rowReasons.<key>` with the values
 * the core names); the core's English sentence when it gave no key (or this UI lacks it).
 */
export function useRowReasonText(): (r: {
  reason?: string;
  key?: string;
  params?: Params;
}) => string {
  const { t } = useTranslation();
  return (r) =>
    r.key
      ? t(`sources.rowReasons.${r.key}`, { ...r.params, defaultValue: r.reason ?? '' })
      : (r.reason ?? '');
}

/**
 * The mapping fields a refusal names ("text or date", as the core joins them) in the UI
 * language, joined as the UI language joins a list ("texto o fecha").
 */
function fieldList(fields: string, t: TFunction, lang: string): string {
  const type = / or /.test(fields) ? 'disjunction' : 'conjunction';
  const names = fields
    .split(/ (?:and|or) /)
    .map((f) => t(`sources.fields.${f}`, { defaultValue: f }).toLowerCase());
  return new Intl.ListFormat(lang, { type }).format(names);
}

/**
 * Why a whole file was refused, in the UI language with what to do in the app
 * (`sources.fileReasons.<key>`, importers/file-reasons.ts); the core's words otherwise.
 */
export function fileReasonText(
  t: TFunction,
  lang: string,
  r: { key?: string; params?: Params; reason: string },
): string {
  if (!r.key) return r.reason;
  const p: Params = { ...r.params };
  if (typeof p['fields'] === 'string') p['fields'] = fieldList(p['fields'], t, lang);
  return t(`sources.fileReasons.${r.key}`, { ...p, defaultValue: r.reason });
}

export function useFileReasonText(): (r: {
  key?: string;
  params?: Params;
  reason: string;
}) => string {
  const { t, i18n } = useTranslation();
  return (r) => fileReasonText(t, i18n.language, r);
}

/** A feed's last error in the UI language with what to do (`sources.feedErrors.<key>`). */
export function feedErrorText(
  t: TFunction,
  f: { lastError: string | null; lastErrorKey?: string; lastErrorParams?: Params },
): string {
  return f.lastErrorKey
    ? t(`sources.feedErrors.${f.lastErrorKey}`, {
        ...f.lastErrorParams,
        defaultValue: f.lastError ?? '',
      })
    : (f.lastError ?? '');
}

export function useFeedErrorText(): (f: Parameters<typeof feedErrorText>[1]) => string {
  const { t } = useTranslation();
  return (f) => feedErrorText(t, f);
}
