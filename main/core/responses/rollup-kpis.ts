import type { ResponseRollupRows } from '../db/response-rollups';
import type { ResponseSummary } from '../model/dashboard';
import {
  histogramBars,
  histogramQuantile,
  histogramShareWithin,
  mergeCells,
  REACH_BANDS,
  type DelayCell,
  type ReachBand,
} from './delay-histogram';
import { DISTRIBUTION_EDGES, type ResponseKpis } from './kpis';

const ratio = (a: number, b: number): number | null =>
  b ? Math.round((a / b) * 1000) / 1000 : null;
const r2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

type Counts = ResponseRollupRows['counts'];

function tally(rows: Counts): {
  mentions: number;
  answered: number;
  handled: number;
  dismissed: number;
} {
  const t = { mentions: 0, answered: 0, handled: 0, dismissed: 0 };
  for (const r of rows) {
    if (r.state === 'dismissed') t.dismissed += r.mentions;
    else t.mentions += r.mentions;
    if (r.state === 'answered') t.answered += r.mentions;
    if (r.state === 'handled') t.handled += r.mentions;
  }
  return t;
}

function cells(
  rows: ResponseRollupRows['delays'],
  keep: (r: ResponseRollupRows['delays'][number]) => boolean,
): DelayCell[] {
  return mergeCells(rows.filter(keep));
}

/**
 * Response KPIs of a period from its rollup rows (see delay-histogram.ts for the precision of
 * medians and p90; counts, rates, the 1/4/24 h shares and the distribution are exact).
 */
export function kpisFromRollup(rows: ResponseRollupRows, targetMinutes: number): ResponseKpis {
  const all = tally(rows.counts);
  const wall = cells(rows.delays, (d) => d.clock === 'wall');
  // Opening-hours delays are stored once for the whole workspace, under channel and reach '*'
  // (db/response-rollups.ts), although migration 0009's comment says "by channel": landed
  // migrations are not edited, so the correction lives here and in the writer. Only the
  // overall figures (median, within target) can be read from them, never a channel's.
  const business = cells(rows.delays, (d) => d.clock === 'business');
  const share = (c: DelayCell[], m: number): number | null => {
    const s = histogramShareWithin(c, m);
    return s === null ? null : Math.round(s * 1000) / 1000;
  };
  const channels = [...new Set(rows.counts.map((r) => r.channel))];
  const bands: ReachBand[] = [...REACH_BANDS.map((b) => b.band), 'unknown'];
  return {
    customerMentions: all.mentions,
    answered: all.answered,
    handledElsewhere: all.handled,
    dismissed: all.dismissed,
    responseRate: ratio(all.answered + all.handled, all.mentions),
    medianMinutes: r2(histogramQuantile(wall, 0.5)),
    p90Minutes: r2(histogramQuantile(wall, 0.9)),
    medianBusinessMinutes: r2(histogramQuantile(business, 0.5)),
    within1h: share(wall, 60),
    within4h: share(wall, 240),
    within24h: share(wall, 1440),
    withinTarget: share(business, targetMinutes),
    byChannel: channels
      .map((channel) => {
        const t = tally(rows.counts.filter((r) => r.channel === channel));
        const c = cells(rows.delays, (d) => d.clock === 'wall' && d.channel === channel);
        return {
          channel,
          mentions: t.mentions,
          answered: t.answered,
          medianMinutes: r2(histogramQuantile(c, 0.5)),
        };
      })
      .filter((c) => c.mentions > 0)
      .sort((a, b) => b.mentions - a.mentions),
    byReach: bands.flatMap((band) => {
      const t = tally(rows.counts.filter((r) => r.reach === band));
      if (!t.mentions) return [];
      const c = cells(rows.delays, (d) => d.clock === 'wall' && d.reach === band);
      return [
        {
          band,
          mentions: t.mentions,
          answered: t.answered,
          responseRate: ratio(t.answered + t.handled, t.mentions),
          medianMinutes: r2(histogramQuantile(c, 0.5)),
        },
      ];
    }),
    distribution: histogramBars(wall, DISTRIBUTION_EDGES),
  };
}

/** The Overview's response figures: complaints, unanswered ones, median first response. */
export function summaryFromRollup(rows: ResponseRollupRows): ResponseSummary {
  const complaints = rows.counts.filter((r) => r.complaint === 1);
  const wall = cells(rows.delays, (d) => d.clock === 'wall');
  const median = histogramQuantile(wall, 0.5);
  return {
    complaints: complaints.reduce((s, r) => s + r.mentions, 0),
    unansweredComplaints: complaints
      .filter((r) => r.state === 'open')
      .reduce((s, r) => s + r.mentions, 0),
    medianFirstResponseMinutes: median === null ? null : Math.round(median * 10) / 10,
    answered: wall.reduce((s, c) => s + c.replies, 0),
  };
}
