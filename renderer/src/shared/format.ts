/** Locale-aware formatting helpers: numbers, local dates, durations. */

/**
 * Formatters by locale and options, made once. Building an Intl formatter loads ICU data
 * (tens of µs); a list formats a date per row on every scroll step, so a new one per call was
 * most of the Mentions list's script time while scrolling.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: 'date' | 'number',
  locale: string,
  opts: Intl.DateTimeFormatOptions | Intl.NumberFormatOptions,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** A date formatter in the user's date locale for `lang` (see dateLocale), made once. */
export function dateTimeFormat(
  lang: string,
  opts: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const locale = dateLocale(lang);
  // A formatter without a time zone of its own keeps the system's from when it was made: the
  // current UTC offset in the key makes a new one after the user's zone changes (a trip).
  const zone = opts.timeZone ?? `offset ${new Date().getTimezoneOffset()}`;
  return cached('date', `${locale}|${zone}`, opts, () => new Intl.DateTimeFormat(locale, opts));
}

/** A number formatter for `lang`, made once. */
export function numberFormat(lang: string, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', lang, opts, () => new Intl.NumberFormat(lang, opts));
}

export function formatNumber(n: number, lang: string): string {
  return numberFormat(lang).format(n);
}

/** A 0–1 score with two decimals in the UI language's notation (0,98 in Spanish). */
export function formatScore(n: number, lang: string): string {
  return numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/**
 * The locale dates are written in, for the UI language `lang`: the user's own locale
 * (navigator.languages — in Electron, the OS's) when it is of that language, so English on a
 * British system reads "1 Dec 2026, 18:24" where the bare 'en' gives the US "Dec 1, 2026,
 * 6:24 PM". With a UI language the system does not list, the system's region is kept
 * ('en' on a Spanish system → 'en-ES': day first, 24-hour clock).
 */
export function dateLocale(lang: string): string {
  const prefs =
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const key = `${lang}|${prefs.join(',')}`;
  let locale = dateLocales.get(key);
  if (locale === undefined) {
    locale = dateLocaleOf(lang, prefs);
    dateLocales.set(key, locale);
  }
  return locale;
}

/** dateLocale's answers by UI language and system languages (Intl.Locale parses each time). */
const dateLocales = new Map<string, string>();

function dateLocaleOf(lang: string, prefs: readonly string[]): string {
  const own = prefs.find((l) => l.toLowerCase().split('-')[0] === lang);
  if (own) return own;
  try {
    const region = prefs[0] ? new Intl.Locale(prefs[0]).region : undefined;
    if (region) return new Intl.Locale(lang, { region }).toString();
  } catch {
    // a malformed system tag: the UI language alone
  }
  return lang;
}

/**
 * An hour of a day, short: '3 Nov, 10:00' ('Nov 3, 10:00 AM' in the US). The minutes stay: on a
 * 24-hour clock '3 Nov, 10' reads like a year.
 */
export function formatHour(ms: number, lang: string): string {
  return dateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

export function formatDateTime(ms: number | null, lang: string): string {
  if (ms === null) return '—';
  return dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatBytes(n: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${numberFormat(lang, { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}

export function formatRelative(ms: number, now: number, lang: string): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86400), 'day');
}

/**
 * A post's text cut for a list or preview line. Posts are other people's text: a single
 * 300 000-character word laid out in a two-line clamp froze Chromium's layout, so lists show
 * at most `max` characters (the detail panel shows the whole text).
 */
export function clipText(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A share 0..1 as a whole percentage in the user's locale ("68 %", "68%"). */
export function formatPercent(share: number, lang: string): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
