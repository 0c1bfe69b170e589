import { idRangeFor } from '../db/mention-key';
import type { Db } from '../db/workspace-file';
import { detectEpisodes, type HourBucket, type SeriesPoint, type Sensitivity } from './detector';

export { detectEpisodes, PRESETS, type HourBucket, type Sensitivity } from './detector';

/** A crisis episode as the CLI contract and the UI show it (times ISO-8601 UTC). */
export interface CrisisEpisode {
  id: string;
  start: string;
  peak: string;
  end: string | null;
  severity: 'low' | 'medium' | 'high';
  channels: string[];
  hashtags: string[];
  detectedAt: string;
  peakNegative: number;
  expectedAtPeak: number;
  reasons: string[];
}

const iso = (hour: number): string => new Date(hour * 3_600_000).toISOString();

/** Hourly customer (non-brand) volume, negatives and positives from the rollups, up to `atHour`. */
export function hourlyBuckets(db: Db, atHour?: number): HourBucket[] {
  return db
    .prepare(
      `SELECT hour, sum(mentions) AS total, sum(CASE WHEN sentiment = -1 THEN mentions ELSE 0 END) AS negative,
              sum(CASE WHEN sentiment = 1 THEN mentions ELSE 0 END) AS positive
       FROM rollup_hourly WHERE is_brand = 0 AND hour <= ? GROUP BY hour ORDER BY hour`,
    )
    .all(atHour ?? Number.MAX_SAFE_INTEGER) as HourBucket[];
}

/** Channels carrying at least a tenth of the episode's negative mentions. */
function episodeChannels(db: Db, from: number, to: number): string[] {
  const rows = db
    .prepare(
      `SELECT channel, sum(mentions) AS n FROM rollup_hourly WHERE is_brand = 0 AND sentiment = -1 AND hour BETWEEN ? AND ?
       GROUP BY channel ORDER BY n DESC`,
    )
    .all(from, to) as Array<{ channel: string; n: number }>;
  const total = rows.reduce((a, r) => a + r.n, 0);
  return rows.filter((r) => r.n >= total / 10).map((r) => r.channel);
}

/** Hashtags of the episode's negative mentions that grew most against the week before. */
function episodeHashtags(db: Db, from: number, to: number): string[] {
  const count = (a: number, b: number, negativeOnly: boolean): Map<string, number> => {
    const [lo, hi] = idRangeFor(a * 3_600_000, (b + 1) * 3_600_000);
    const m = new Map<string, number>();
    const it = db
      .prepare(
        `SELECT text FROM mentions WHERE id BETWEEN ? AND ? AND is_brand = 0 ${negativeOnly ? 'AND sentiment = -1' : ''} LIMIT 50000`,
      )
      .iterate(lo, hi) as IterableIterator<{ text: string }>;
    for (const r of it)
      for (const t of r.text.match(/#[\p{L}\p{N}_]+/gu) ?? [])
        m.set(t.toLowerCase(), (m.get(t.toLowerCase()) ?? 0) + 1);
    return m;
  };
  const during = count(from, to, true);
  const before = count(from - 168, from - 1, false);
  return [...during.entries()]
    .filter(([, n]) => n >= 3)
    .map(([tag, n]) => [tag, n / ((before.get(tag) ?? 0) + 1)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([tag]) => tag);
}

/**
 * Runs the detector over the stored mentions. With `at` (epoch ms) it replays: only data up
 * to that hour is used, so the episodes are what the live detector knew then.
 */
export function detectCrises(
  db: Db,
  timezone: string,
  opts: { at?: number; sensitivity?: Sensitivity } = {},
): { episodes: CrisisEpisode[]; series: SeriesPoint[] } {
  const atHour = opts.at === undefined ? undefined : Math.floor(opts.at / 3_600_000);
  const { episodes, series } = detectEpisodes(hourlyBuckets(db, atHour), {
    timezone,
    sensitivity: opts.sensitivity,
  });
  return {
    series,
    episodes: episodes.map((e) => {
      const last = e.endHour ?? atHour ?? (series[series.length - 1]?.hour as number);
      return {
        id: `c${e.startHour}`,
        start: iso(e.startHour),
        peak: iso(e.peakHour),
        end: e.endHour === null ? null : iso(e.endHour),
        severity: e.severity,
        channels: episodeChannels(db, e.startHour, last),
        hashtags: episodeHashtags(db, e.startHour, last),
        detectedAt: iso(e.detectedHour),
        peakNegative: e.peakNegative,
        expectedAtPeak: e.peakExpected,
        reasons: e.reasons,
      };
    }),
  };
}
