/** Locale-aware formatting helpers: numbers, local dates, durations. */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** A 0–1 score with two decimals in the UI language's notation (0,98 in Spanish). */
export function formatScore(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    n,
  );
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
  return new Intl.DateTimeFormat(dateLocale(lang), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

export function formatDateTime(ms: number | null, lang: string): string {
  if (ms === null) return '—';
  return new Intl.DateTimeFormat(dateLocale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}

export function formatBytes(n: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
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
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
