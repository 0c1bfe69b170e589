/** Opening hours of the brand's care team, in the workspace timezone. */
export interface BusinessHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local "HH:MM" start and end; end after start. */
  start: string;
  end: string;
}

export const DEFAULT_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

const DAY_NAMES: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  lun: 1,
  mar: 2,
  mie: 3,
  mié: 3,
  jue: 4,
  vie: 5,
  sab: 6,
  sáb: 6,
  dom: 7,
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Parses the CLI form `"mon-fri 09:00-18:00"` (also `"mon,wed,fri 10:00-14:00"`, Spanish day
 * abbreviations). Returns null when the text cannot be read, so callers can report usage.
 */
export function parseBusinessHours(text: string): BusinessHours | null {
  const m = /^\s*([\p{L},\- ]+?)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/u.exec(text.toLowerCase());
  if (!m) return null;
  const [, dayPart = '', start = '', end = ''] = m;
  if (!TIME.test(start) || !TIME.test(end) || end <= start) return null;
  const days = new Set<number>();
  for (const piece of dayPart
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const range = piece.split('-').map((p) => p.trim());
    const from = DAY_NAMES[range[0] ?? ''];
    const to = range.length > 1 ? DAY_NAMES[range[1] ?? ''] : from;
    if (range.length > 2 || from === undefined || to === undefined) return null;
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
  }
  if (days.size === 0) return null;
  return { days: [...days].sort((a, b) => a - b), start, end };
}

const EN = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The inverse of parseBusinessHours, compacting consecutive days into ranges. */
export function formatBusinessHours(h: BusinessHours): string {
  const parts: string[] = [];
  let i = 0;
  const days = [...h.days].sort((a, b) => a - b);
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === (days[j] ?? 0) + 1) j++;
    parts.push(j > i ? `${EN[days[i] ?? 0]}-${EN[days[j] ?? 0]}` : `${EN[days[i] ?? 0]}`);
    i = j + 1;
  }
  return `${parts.join(',')} ${h.start}-${h.end}`;
}

/** True when the IANA zone name is known to this runtime's Intl data. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
