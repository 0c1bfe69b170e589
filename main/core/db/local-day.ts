const QUARTER = 900_000;

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
