import type { BusinessHours } from '../model/business-hours';

const fmtCache = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, in whole minutes. */
export function offsetMinutes(utcMs: number, tz: string): number {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    fmtCache.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(utcMs).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    Number(p['hour']) % 24,
    Number(p['minute']),
    Number(p['second']),
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

// KPIs call this for every answered mention; the same opening and closing instants recur
// day after day, so they are remembered (bounded: a decade of days × a few zones).
const instantCache = new Map<string, number>();
const INSTANT_CACHE_MAX = 50_000;

/** UTC instant of a local wall-clock time in `tz` (DST-aware; a skipped hour moves forward). */
export function localToUtc(date: string, time: string, tz: string): number {
  const key = `${tz}|${date}|${time}`;
  const hit = instantCache.get(key);
  if (hit !== undefined) return hit;
  const t = computeLocalToUtc(date, time, tz);
  if (instantCache.size >= INSTANT_CACHE_MAX) instantCache.clear();
  instantCache.set(key, t);
  return t;
}

function computeLocalToUtc(date: string, time: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const first = naive - offsetMinutes(naive, tz) * 60_000;
  const used = offsetMinutes(first, tz);
  const t = naive - used * 60_000; // second pass settles DST edges
  if (offsetMinutes(t, tz) === used) return t;
  // A time the clock skips (a gap) has no instant: the first after the gap is the later of
  // the two passes. West of UTC the second pass lands before the gap, so a zone that moves
  // its clocks at midnight (Chile, Cuba) would begin that day an hour early, in the day before.
  return Math.max(first, t);
}

const DAY = 86_400_000;

// The zone's offset for each UTC day, when it is the same at both ends of that day (every day
// but the two DST changes a year): then a local date is plain arithmetic instead of an Intl
// call (~3 µs). On a change day the exact offset of the instant is asked for.
const dayOffsetCache = new Map<string, Map<number, number | null>>();
const DAY_CACHE_MAX = 40_000;

function offsetAt(utcMs: number, tz: string): number {
  let byDay = dayOffsetCache.get(tz);
  if (!byDay) dayOffsetCache.set(tz, (byDay = new Map()));
  const day = Math.floor(utcMs / DAY);
  let off = byDay.get(day);
  if (off === undefined) {
    const a = offsetMinutes(day * DAY, tz);
    off = a === offsetMinutes((day + 1) * DAY - 1000, tz) ? a : null;
    if (byDay.size >= DAY_CACHE_MAX) byDay.clear();
    byDay.set(day, off);
  }
  return off ?? offsetMinutes(utcMs, tz);
}

/** Days since 1970-01-01 of the local date of an instant in `tz`. */
function localDayNumber(utcMs: number, tz: string): number {
  return Math.floor((utcMs + offsetAt(utcMs, tz) * 60_000) / DAY);
}

const dayString = (d: number): string => new Date(d * DAY).toISOString().slice(0, 10);

/** ISO weekday (1 = Monday) of a day number: 1970-01-01 was a Thursday. */
const isoWeekday = (d: number): number => ((((d + 3) % 7) + 7) % 7) + 1;

/**
 * Minutes between two instants that fall inside the care team's opening hours, in the
 * workspace timezone: weekends (days not in `hours.days`) and holidays count nothing, and a
 * DST change shortens or lengthens the day as the clock on the wall does.
 */
export function businessMinutesBetween(
  fromMs: number,
  toMs: number,
  hours: BusinessHours,
  tz: string,
  holidays: string[] = [],
): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  const last = localDayNumber(toMs, tz);
  const first = localDayNumber(fromMs, tz);
  for (let day = first; day <= last && day - first < 3700; day++) {
    if (!hours.days.includes(isoWeekday(day))) continue;
    const date = dayString(day);
    if (holidays.length && holidays.includes(date)) continue;
    const open = localToUtc(date, hours.start, tz);
    const close = localToUtc(date, hours.end, tz);
    const a = Math.max(open, fromMs);
    const b = Math.min(close, toMs);
    if (b > a) total += (b - a) / 60_000;
  }
  return Math.round(total * 100) / 100;
}
