import { afterEach, describe, expect, it } from 'vitest';
import { dashboardOverview } from '../../main/core/db/dashboard-query';
import type { MentionInput } from '../../main/core/model/mention';
import { importCorpus } from '../helpers/trend-corpus';
import { workspaceDeps } from '../helpers/workspace';

describe('Overview channel table', () => {
  let env: ReturnType<typeof workspaceDeps> | null = null;
  afterEach(() => env?.cleanup());

  it('sums each channel over the days of the period and orders equal counts by channel', () => {
    env = workspaceDeps();
    // reviews and facebook tie at two mentions; facebook first appears a day after reviews,
    // so an order of first appearance would put reviews first.
    const at = (day: string, hour: number): number => Date.parse(`${day}T${hour}:00:00Z`);
    const rows: MentionInput[] = [
      ['reviews', '2026-03-10', 10],
      ['twitter', '2026-03-10', 11],
      ['facebook', '2026-03-11', 10],
      ['reviews', '2026-03-12', 10],
      ['twitter', '2026-03-12', 11],
      ['twitter', '2026-03-12', 12],
      ['facebook', '2026-03-12', 13],
      ['twitter', '2026-03-08', 12],
    ].map(([channel, day, hour], i) => ({
      channel: channel as MentionInput['channel'],
      externalId: `c${i}`,
      postedAt: at(day as string, hour as number),
      text: `acme pedido número ${i}`,
      authorHandle: `user${i}`,
    }));
    importCorpus(env.db, rows);
    const o = dashboardOverview(env.db, { from: '2026-03-10', to: '2026-03-12' });
    expect(o.channels.map((c) => [c.channel, c.mentions, c.previous])).toEqual([
      ['twitter', 3, 1],
      ['facebook', 2, 0],
      ['reviews', 2, 0],
    ]);
    expect(o.current.mentions).toBe(7);
    expect(o.series.map((p) => p.day)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
  });
});
