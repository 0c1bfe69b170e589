import type { BusinessHours } from '../model/business-hours';

const fmtCache = new Map<string, Intl.DateTimeFormat>();

function offsetMinutes(utcMs: number, tz: string): number {
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
  let t = naive - offsetMinutes(naive, tz) * 60_000;
  t = naive - offsetMinutes(t, tz) * 60_000; // second pass settles DST edges
  return t;
}

// Building an Intl.DateTimeFormat costs ~40 µs; one per zone is kept.
const dateFmtCache = new Map<string, Intl.DateTimeFormat>();

function localDate(utcMs: number, tz: string): string {
  let f = dateFmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFmtCache.set(tz, f);
  }
  return f.format(utcMs);
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a local date. */
function isoWeekday(date: string): number {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 7 : wd;
}

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
  const closed = new Set(holidays);
  let total = 0;
  const last = localDate(toMs, tz);
  for (
    let day = localDate(fromMs, tz), i = 0;
    day <= last && i < 3700;
    day = addDays(day, 1), i++
  ) {
    if (!hours.days.includes(isoWeekday(day)) || closed.has(day)) continue;
    const open = localToUtc(day, hours.start, tz);
    const close = localToUtc(day, hours.end, tz);
    const a = Math.max(open, fromMs);
    const b = Math.min(close, toMs);
    if (b > a) total += (b - a) / 60_000;
  }
  return Math.round(total * 100) / 100;
}
