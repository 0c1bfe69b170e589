import { daysBetween, shiftDays } from '../../../../main/core/model/local-days';
import { dateTimeFormat } from '../../shared/format';

export { todayIn } from '../../../../main/core/model/local-days';

/** Periods for a client report, as local days (YYYY-MM-DD) of the workspace's time zone. */
export type PresetId = 'lastMonth' | 'last30' | 'thisQuarter' | 'custom';
export const PRESETS: PresetId[] = ['lastMonth', 'last30', 'thisQuarter', 'custom'];

export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** The calendar month a day falls in, first to last day. */
export function monthOf(day: string): DayRange {
  const d = utc(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { from: iso(first), to: iso(last) };
}

/** A preset's days, counted from today; 'custom' keeps nothing. */
export function presetRange(preset: Exclude<PresetId, 'custom'>, today: string): DayRange {
  const d = utc(today);
  if (preset === 'lastMonth')
    return monthOf(iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))));
  if (preset === 'last30') return { from: shiftDays(today, -29), to: today };
  const q = Math.floor(d.getUTCMonth() / 3) * 3;
  return { from: iso(new Date(Date.UTC(d.getUTCFullYear(), q, 1))), to: today };
}

/** Whether a value is a real calendar day written YYYY-MM-DD. */
export function isDay(day: string | undefined): day is string {
  return day !== undefined && DAY.test(day) && iso(utc(day)) === day;
}

/** What is wrong with a period the user typed, as an i18n key; null when it is fine. */
export function periodProblem(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to) return 'reports.period.missing';
  if (!isDay(from) || !isDay(to)) return 'reports.period.notADay';
  // the store's reading of a day (main/core/reports/period.ts FIRST_YEAR/LAST_YEAR)
  if ([from, to].some((d) => d < '1970' || d >= '9999')) return 'reports.period.years';
  if (from > to) return 'reports.period.order';
  return null;
}

export function daysIn(r: DayRange): number {
  return daysBetween(r.from, r.to);
}

/** Days as the user reads them: "1–30 Nov 2026" (local days: no time zone shift). */
export function formatDays(r: DayRange, lang: string): string {
  const f = dateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  return r.from === r.to ? f.format(utc(r.from)) : f.formatRange(utc(r.from), utc(r.to));
}

export function formatMonth(day: string, lang: string): string {
  return dateTimeFormat(lang, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(day));
}
