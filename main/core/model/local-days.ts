/**
 * Local days written YYYY-MM-DD (a workspace's calendar dates, no zone attached): the
 * arithmetic the store, the handlers and the renderer all do on them. Pure, so the renderer
 * imports it as it imports the other model modules.
 */

/** The day `n` days after (or before, n < 0) `day`. */
export function shiftDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** How many days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/** The local date of the instant `now` in `timezone`. */
export function todayIn(timezone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
