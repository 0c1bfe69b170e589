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
  const iso = isoUtc(s);
  if (iso !== undefined) return iso;
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
    const t = civil(Number(y), Number(mo), Number(d), Number(hh), Number(mi), Number(ss), tz);
    return t === null ? null : t + Number(frac.slice(0, 3).padEnd(3, '0'));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0);
  m =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      s,
    );
  if (m) {
    const [, a = '', b = '', yRaw = '', hh = '0', mi = '0', ss = '0', ampm, tz] = m;
    let [day, month] = (opts.dayFirst ?? true) ? [Number(a), Number(b)] : [Number(b), Number(a)];
    if (month > 12) [day, month] = [month, day]; // only one reading is possible
    const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
    return civil(y, month, day, hour12(Number(hh), ampm), Number(mi), Number(ss), tz);
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, y, mo, d, hh = '0', mi = '0', ss = '0'] = m;
    return civil(Number(y), Number(mo), Number(d), Number(hh), Number(mi), Number(ss));
  }
  // RFC 2822 and other written-out forms ("31 Oct 2017 22:10", "October 10, 2018"). Only
  // with a year and a month name: Date.parse alone accepts "2" or "v1.2" as dates. Without
  // a zone Date.parse would use the machine's: the rule here is that no zone means UTC.
  if (!/\b\d{4}\b/.test(s) || !/\b[a-z]{3,}/i.test(s)) return null;
  let w = s.replace(/(\d)([ap]m)\b/i, '$1 $2');
  if (!/(?:\bZ|\bUTC|\bGMT|[+-]\d{2}:?\d{2})$/i.test(w)) w += ' UTC';
  const t = Date.parse(w);
  return Number.isNaN(t) ? null : t;
}

/**
 * `2024-01-01T00:00:06.376Z` or `2024-01-01T00:00:06Z`, what most exports and APIs write, read
 * by character codes (the regexes below cost ~0.4 µs a row of a large import); undefined for
 * any other shape, which the regexes then read. Same result as they give.
 */
function isoUtc(s: string): number | null | undefined {
  const n = s.length;
  if (n !== 20 && n !== 24) return undefined;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':')
    return undefined;
  if (s[n - 1] !== 'Z' || (n === 24 && s[19] !== '.')) return undefined;
  const digits = (from: number, count: number): number => {
    let v = 0;
    for (let i = from; i < from + count; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  };
  const parts = [
    digits(0, 4),
    digits(5, 2),
    digits(8, 2),
    digits(11, 2),
    digits(14, 2),
    digits(17, 2),
  ];
  const ms = n === 24 ? digits(20, 3) : 0;
  if (ms < 0 || parts.some((p) => p < 0)) return undefined;
  const [y = 0, mo = 0, d = 0, hh = 0, mi = 0, ss = 0] = parts;
  const t = civil(y, mo, d, hh, mi, ss);
  return t === null ? null : t + ms;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'p';
  return (h % 12) + (pm ? 12 : 0);
}

/** A wall-clock date in UTC (or at the given offset); null for 31/02 or 25:00. */
function civil(
  y: number,
  month: number,
  day: number,
  hh: number,
  mi: number,
  ss: number,
  tz?: string,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hh > 23 || mi > 59 || ss > 60) return null;
  let t = Date.UTC(y, month - 1, day, hh, mi, ss);
  if (new Date(t).getUTCDate() !== day) return null;
  if (tz && /^[+-]/.test(tz)) {
    const d = tz.replace(':', '');
    t -=
      (d.startsWith('-') ? -1 : 1) * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5))) * 60_000;
  }
  return t;
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n); // seconds before ~5138, else ms
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
  if (!slashed) return true;
  // A 12-hour clock is a US habit; Spanish exports write 19:58.
  if (values.some((v) => typeof v === 'string' && SLASHED.test(v) && /\d\s*[ap]\.?m\.?$/i.test(v)))
    return false;
  if (!header) return true;
  const h = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  if (SPANISH_DATE_HEADER.test(h)) return true;
  return !/\b(date|time|created|published|timestamp|posted)\b/.test(h);
}
