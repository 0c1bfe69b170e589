import { describe, expect, it } from 'vitest';
import { businessMinutesBetween, localToUtc } from '../../main/core/responses/business-time';
import { responseKpis } from '../../main/core/responses/kpis';
import { localDayOf } from '../../main/core/db/local-day';
import { localDaysToUtc } from '../../main/core/db/trends-query';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { workspaceDeps } from '../helpers/workspace';

const H = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
const TZ = 'Europe/Madrid';
const at = (date: string, time: string) => localToUtc(date, time, TZ);

describe('business-hours arithmetic', () => {
  it('counts only open hours within a day', () => {
    expect(
      businessMinutesBetween(at('2026-03-04', '10:00'), at('2026-03-04', '11:30'), H, TZ),
    ).toBe(90);
    expect(
      businessMinutesBetween(at('2026-03-04', '07:00'), at('2026-03-04', '09:30'), H, TZ),
    ).toBe(30);
    expect(
      businessMinutesBetween(at('2026-03-04', '17:00'), at('2026-03-05', '10:00'), H, TZ),
    ).toBe(120);
  });
  it('skips a weekend', () => {
    // Friday 17:00 → Monday 10:00: one hour on Friday, one on Monday
    expect(
      businessMinutesBetween(at('2026-03-06', '17:00'), at('2026-03-09', '10:00'), H, TZ),
    ).toBe(120);
  });
  it('skips a holiday', () => {
    expect(
      businessMinutesBetween(at('2026-03-18', '17:00'), at('2026-03-20', '10:00'), H, TZ, [
        '2026-03-19',
      ]),
    ).toBe(120);
  });
  it('follows a DST change: the local day keeps 9 open hours on both sides of it', () => {
    // Spain moves clocks forward on Sunday 2026-03-29; Friday 09:00 → Monday 18:00 spans it
    expect(
      businessMinutesBetween(at('2026-03-27', '09:00'), at('2026-03-30', '18:00'), H, TZ),
    ).toBe(18 * 60);
    expect(at('2026-03-30', '09:00') - at('2026-03-27', '09:00')).toBe((3 * 24 - 1) * 3_600_000);
    const seven = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' };
    // the night of the change the clock skips 02:00–03:00: that hour does not exist
    expect(
      businessMinutesBetween(at('2026-03-29', '01:00'), at('2026-03-29', '04:00'), seven, TZ),
    ).toBe(120);
  });
  it('a local midnight the clock skips starts that day at the first instant after the gap', () => {
    // Chile springs forward at 00:00 on 2026-09-06 (-04 → -03), Cuba at 00:00 on 2026-03-08
    // (-05 → -04): that day starts at 01:00 local, never in the hour of the day before.
    const day = localDayOf('America/Santiago');
    const start = localToUtc('2026-09-06', '00:00', 'America/Santiago');
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(day(start)).toBe('2026-09-06');
    expect(day(start - 1)).toBe('2026-09-05');
    expect(new Date(localToUtc('2026-03-08', '00:00', 'America/Havana')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    // the day before ends there: it keeps its last hour (23:00–24:00 at -04)
    const [from, to] = localDaysToUtc('2026-09-05', '2026-09-05', 'America/Santiago');
    expect((to - from) / 3_600_000).toBe(24);
    // east of UTC nothing moves: Spain's skipped 02:30 is 03:30 CEST, midnights as before
    expect(new Date(at('2026-03-29', '02:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(at('2026-03-29', '00:00')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // a time that occurs twice (clocks back) keeps the later one, as before
    expect(new Date(at('2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
  it('a reply before the mention is zero, not negative', () => {
    expect(
      businessMinutesBetween(at('2026-03-04', '12:00'), at('2026-03-04', '11:00'), H, TZ),
    ).toBe(0);
  });
});

describe('first-response KPIs', () => {
  it('takes the first brand reply, ignores replies stamped before the mention, and counts unanswered', () => {
    const env = workspaceDeps();
    try {
      const w = new MentionWriter(env.db, { batchId: null, sourceId: null, timezone: TZ, now: 0 });
      const base = at('2026-03-04', '10:00');
      const m = (id: string, minutes: number, author: string, replyTo?: string) => ({
        channel: 'twitter' as const,
        externalId: id,
        postedAt: base + minutes * 60_000,
        text: id,
        authorHandle: author,
        replyToId: replyTo ?? null,
      });
      w.write([
        m('c1', 0, 'ana'),
        m('r1a', 30, 'acme', 'c1'),
        m('r1b', 10, 'acme', 'c1'), // first reply: 10 minutes
        m('c2', 0, 'bob'),
        m('r2', -5, 'acme', 'c2'), // before the mention: ignored → unanswered
        m('c3', 60, 'eva'),
        m('r3', 60 + 300, 'acme', 'c3'),
      ]);
      const k = responseKpis(env.db, base - 3600_000, base + 86_400_000, {
        hours: H,
        timezone: TZ,
        holidays: [],
        targetMinutes: 60,
      });
      expect(k).toMatchObject({
        customerMentions: 3,
        answered: 2,
        responseRate: 0.667,
        within1h: 0.5,
        within24h: 1,
      });
      expect(k.medianMinutes).toBe(10);
      expect(k.p90Minutes).toBe(300);
    } finally {
      env.cleanup();
    }
  });
});
