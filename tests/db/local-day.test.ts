import { describe, expect, it } from 'vitest';
import { localDayOf, localDaySpan } from '../../main/core/db/local-day';

const QUARTER = 900_000;

/** The local days of [from, to) the slow way: the date of every quarter hour. */
function quarterWalk(tz: string, from: number, to: number): Array<[string, number]> {
  const day = localDayOf(tz);
  const out: Array<[string, number]> = [];
  let d = day(from);
  for (let q = from + QUARTER; q <= to; q += QUARTER) {
    const e = day(q);
    if (e !== d) {
      out.push([d, q]);
      d = e;
    }
  }
  return out;
}

function spans(tz: string, from: number, to: number): Array<[string, number]> {
  const span = localDaySpan(tz);
  const out: Array<[string, number]> = [];
  for (let s = from; ; ) {
    const { day, end } = span(s);
    if (end > to) break;
    out.push([day, end]);
    s = end;
  }
  return out;
}

describe('local day spans', () => {
  // DST at 02:00 (Madrid), at midnight with the same date twice (São Paulo until 2019,
  // Santiago), half an hour (Lord Howe), quarter-hour offsets (Kathmandu, Chatham), none (UTC).
  it.each([
    ['Europe/Madrid', 2025],
    ['America/Sao_Paulo', 2018],
    ['America/Santiago', 2024],
    ['Australia/Lord_Howe', 2025],
    ['Asia/Kathmandu', 2025],
    ['Pacific/Chatham', 2025],
    ['UTC', 2026],
  ])('end where the date of the quarter hours changes in %s (%i)', (tz, year) => {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const walk = quarterWalk(tz, from, to);
    expect(walk.length).toBeGreaterThanOrEqual(364);
    expect(spans(tz, from, to)).toEqual(walk);
  });

  it('starts anywhere inside a day', () => {
    const t = Date.UTC(2026, 2, 29, 0, 7, 13); // the DST change in Madrid, 01:07 local
    expect(localDaySpan('Europe/Madrid')(t)).toEqual({
      day: '2026-03-29',
      end: Date.UTC(2026, 2, 29, 22), // midnight of CEST
    });
  });
});
