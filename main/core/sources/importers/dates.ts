const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * Reads the date formats found in exports and returns epoch ms UTC, or null:
 * Twitter's `Wed Oct 10 20:19:24 +0000 2018`, ISO 8601 (with or without zone: no zone means
 * UTC), `2014-08-27 00:59:46 UTC`, epoch seconds or milliseconds (number or digits),
 * `dd/mm/yyyy[ hh:mm[:ss]]` (day first, as Spanish exports write it) and, when the first
 * number cannot be a day of that month order, `m/d/yyyy` (US exports).
 */
export function parseDate(value: unknown, opts: { dayFirst?: boolean } = {}): number | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  if (/^\d{9,13}(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  let m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/.exec(s);
  if (m) {
    const [, mon = '', d, hh, mm, ss, tz = '+0000', y] = m;
    const month = MONTHS[mon.toLowerCase()];
    if (month === undefined) return null;
    const off =
      (tz.startsWith('-') ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
    return Date.UTC(Number(y), month, Number(d), Number(hh), Number(mm), Number(ss)) - off * 60_000;
  }
  m =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      s,
    );
  if (m) {
    const [, y, mo, d, hh, mi, ss = '0', frac = '0', tz] = m;
    let t = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(hh),
      Number(mi),
      Number(ss),
      Number(frac.slice(0, 3).padEnd(3, '0')),
    );
    if (tz && /^[+-]/.test(tz)) {
      const digits = tz.replace(':', '');
      const off =
        (digits.startsWith('-') ? -1 : 1) *
        (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      t -= off * 60_000;
    }
    return valid(t);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return valid(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, a = '', b = '', yRaw = '', hh = '0', mi = '0', ss = '0'] = m;
    let day = Number(a);
    let month = Number(b);
    const dayFirst = opts.dayFirst ?? true;
    if (!dayFirst || month > 12) [day, month] = [month, day];
    if (month > 12 || day > 31) return null;
    const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
    return valid(Date.UTC(y, month - 1, day, Number(hh), Number(mi), Number(ss)));
  }
  // RFC 2822 and other written-out forms ("31 Oct 2017 22:10", "October 10, 2018"). Only
  // with a year and a month name: Date.parse alone accepts "2" or "v1.2" as dates.
  if (!/\b\d{4}\b/.test(s) || !/\b[a-z]{3,}/i.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n); // seconds before ~5138, else ms
}

function valid(t: number): number | null {
  return Number.isNaN(t) ? null : t;
}

const SLASHED = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/;
const SPANISH_DATE_HEADER = /\b(fecha|dia|hora|publicad[oa]|creado)\b/;

/**
 * Decides whether a file writes `01/02/2024` day first. The values decide when one of them
 * can only be read one way (13/02 or 02/13). When none can (`10/1/2017` throughout), the
 * header's language does: Spanish exports write day first, English-headed exports with
 * slashed dates come from US-locale tools (Excel, FiveThirtyEight, listening tools) that
 * write month first. Anything else keeps day first.
 */
export function inferDayFirst(values: readonly unknown[], header?: string): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  let slashed = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = SLASHED.exec(v);
    if (!m) continue;
    slashed++;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst || monthFirst) return dayFirst >= monthFirst;
  if (!slashed || !header) return true;
  const h = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  if (SPANISH_DATE_HEADER.test(h)) return true;
  return !/\b(date|time|created|published|timestamp|posted)\b/.test(h);
}
