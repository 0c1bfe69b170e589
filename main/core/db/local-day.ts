import { offsetMinutes } from '../responses/business-time';

const QUARTER = 900_000;
const DAY = 86_400_000;

/** The local date (YYYY-MM-DD) of an instant in `timezone`, remembered per quarter hour. */
export function localDayOf(timezone: string): (ms: number) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // Every zone's offset is a multiple of 15 minutes, so a quarter never straddles a local
  // midnight and Intl runs once per quarter, not once per mention.
  const cache = new Map<number, string>();
  return (ms) => {
    const q = Math.floor(ms / QUARTER);
    let d = cache.get(q);
    if (d === undefined) {
      d = fmt.format(new Date(q * QUARTER));
      cache.set(q, d);
    }
    return d;
  };
}

/**
 * The stretch of time around an instant that `localDayOf` gives one local date: the date and
 * the first quarter hour after the instant with another date (the next local midnight). Set
 * queries count mentions per local day with it (one id range a day) instead of asking each
 * row its date: a few Intl calls a day, and a walk through the quarters on the days the
 * offset changes (DST), where a zone that turns its clock back at midnight has the same date
 * twice.
 */
export function localDaySpan(timezone: string): (ms: number) => { day: string; end: number } {
  const dayOf = localDayOf(timezone);
  return (ms) => {
    const q = Math.floor(ms / QUARTER) * QUARTER;
    const day = dayOf(q);
    const off = offsetMinutes(q, timezone) * 60_000;
    // The next local midnight if the offset holds until then, rounded up to a quarter.
    let end = Math.ceil(((Math.floor((q + off) / DAY) + 1) * DAY - off) / QUARTER) * QUARTER;
    if (
      end <= q ||
      offsetMinutes(end - 1, timezone) * 60_000 !== off ||
      dayOf(end - QUARTER) !== day ||
      dayOf(end) === day
    ) {
      end = q + QUARTER;
      while (dayOf(end) === day) end += QUARTER;
    }
    return { day, end };
  };
}
