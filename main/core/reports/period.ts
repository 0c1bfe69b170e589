import { localDayOf } from '../db/local-day';
import { AtalayaError } from '../db/errors';
import { idRangeFor } from '../db/mention-key';
import { newestPostedAt, oldestPostedAt } from '../db/mention-span';
import { daysBetween, shiftDays } from '../model/local-days';
import { localDaysToUtc } from '../db/trends-query';
import type { Db } from '../db/workspace-file';

/** A report's period as the user chose it: local days, both ends included. */
export interface LocalPeriod {
  fromDay: string;
  toDay: string;
}

/** The period as instants: [from, to) in epoch ms, and the zone its days are read in. */
export interface ResolvedPeriod extends LocalPeriod {
  from: number;
  to: number;
  timezone: string;
}

/** A calendar day written YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/**
 * Years a period may name. Date.UTC reads years 0–99 as 19xx and 9999-12-31 plus a zone's
 * offset runs past what the day arithmetic handles, so outside these the period is refused
 * with a message instead of reporting on 1901 or failing inside.
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 9998;

/** A calendar day whose year a period may name (see FIRST_YEAR). */
export function isDayInRange(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * Local days [fromDay, toDay] of the workspace's zone as instants, so "November" means the
 * client's November (midnight to midnight in their time, DST included), as the KPI export
 * and the Overview read days.
 */
export function resolvePeriod(p: LocalPeriod, timezone: string): ResolvedPeriod {
  for (const [name, day] of [
    ['from', p.fromDay],
    ['to', p.toDay],
  ] as const)
    if (!isCalendarDay(day))
      throw new AtalayaError('validation', `The period's ${name} date (${day}) is not YYYY-MM-DD`);
    else if (!isDayInRange(day))
      throw new AtalayaError(
        'validation',
        `The period's ${name} date (${day}) is outside ${FIRST_YEAR}–${LAST_YEAR}: choose a day in those years`,
      );
  if (p.fromDay > p.toDay)
    throw new AtalayaError(
      'validation',
      `The period starts (${p.fromDay}) after it ends (${p.toDay}): swap the dates`,
      { key: 'periodOrder', params: { from: p.fromDay, to: p.toDay } },
    );
  const [from, to] = localDaysToUtc(p.fromDay, p.toDay, timezone);
  return { ...p, from, to, timezone };
}

/** The local days [from, to) covers when it runs midnight to midnight in the zone, else null. */
export function wholeDays(from: number, to: number, timezone: string): LocalPeriod | null {
  const dayOf = localDayOf(timezone);
  const p = { fromDay: dayOf(from), toDay: dayOf(to - 1) };
  const [start, end] = localDaysToUtc(p.fromDay, p.toDay, timezone);
  return start === from && end === to ? p : null;
}

/**
 * The period just before [from, to), as long: as many local days back when the period is
 * whole local days (a month across a DST change stays midnight to midnight), else as many
 * hours back.
 */
export function previousPeriod(
  from: number,
  to: number,
  timezone: string,
): { from: number; to: number; days: LocalPeriod | null } {
  const days = wholeDays(from, to, timezone);
  if (!days) return { from: 2 * from - to, to: from, days: null };
  const before = {
    fromDay: shiftDays(days.fromDay, -daysBetween(days.fromDay, days.toDay)),
    toDay: shiftDays(days.fromDay, -1),
  };
  return {
    from: localDaysToUtc(before.fromDay, before.toDay, timezone)[0],
    to: from,
    days: before,
  };
}

/**
 * The first and last stored mention's times when they leave local days of [from, to)
 * without data — an export that ends on the 6th, for a month's report — else null.
 */
export function partialCoverage(
  db: Db,
  from: number,
  to: number,
  timezone: string,
): { first: number; last: number } | null {
  const first = oldestPostedAt(db);
  const last = newestPostedAt(db);
  if (first === null || last === null) return null;
  const dayOf = localDayOf(timezone);
  return dayOf(first) > dayOf(from) || dayOf(last) < dayOf(to - 1) ? { first, last } : null;
}

/** What a period holds before a report is made of it, and the days the workspace has data. */
export interface PeriodSummary {
  from: number;
  to: number;
  timezone: string;
  mentions: number;
  customer: number;
  /** First and last local day with a stored mention; null in an empty workspace. */
  data: { first: string; last: string } | null;
}

export function summarizePeriod(db: Db, p: ResolvedPeriod): PeriodSummary {
  const [lo, hi] = idRangeFor(p.from, p.to);
  const r = db
    .prepare(
      'SELECT count(*) AS mentions, coalesce(sum(is_brand = 0), 0) AS customer FROM mentions WHERE id BETWEEN ? AND ?',
    )
    .get(lo, hi) as { mentions: number; customer: number };
  const first = oldestPostedAt(db);
  const last = newestPostedAt(db);
  const dayOf = localDayOf(p.timezone);
  return {
    from: p.from,
    to: p.to,
    timezone: p.timezone,
    ...r,
    data: first !== null && last !== null ? { first: dayOf(first), last: dayOf(last) } : null,
  };
}

/**
 * A consultant hands a period report to a client: one with no mention in it is a wrong
 * period or an export not imported yet, never a report to hand over — so it is refused,
 * naming the days the workspace does hold.
 */
export function requireMentions(s: PeriodSummary, p: LocalPeriod): void {
  if (s.mentions > 0) return;
  if (!s.data)
    throw new AtalayaError(
      'not_found',
      'The workspace has no mentions yet: import an export or add a feed, then make the report',
      { key: 'reportNoData' },
    );
  throw new AtalayaError(
    'not_found',
    `No mentions from ${p.fromDay} to ${p.toDay} (${s.timezone}): the workspace holds mentions from ${s.data.first} to ${s.data.last}. Choose a period inside it, or import that period's data first`,
    {
      key: 'reportEmptyPeriod',
      params: { from: p.fromDay, to: p.toDay, first: s.data.first, last: s.data.last },
    },
  );
}
