import { spanOfId, type EpisodeSpan } from '../db/episode-annotations-repo';
import { idRangeFor } from '../db/mention-key';
import { readProfile } from '../db/profile-repo';
import { rollupVersion } from '../db/rollups';
import type { Db } from '../db/workspace-file';
import type { HourBucket, SeriesPoint, Sensitivity, TagHour } from './detector';
import { detectAll, type CombinedEpisode } from './episodes';
import { readLatest, runKey, saveLatest, type LatestEpisode } from './latest';
import { brandTerms, type DetectedSignal, type SignalKind } from './signals';

export { detectEpisodes, PRESETS, type HourBucket, type Sensitivity } from './detector';
export type { SignalKind } from './signals';
export type { LatestEpisode } from './latest';

/** One signal's explanation as the CLI and the UI show it (times ISO-8601 UTC). */
export type CrisisSignal = Omit<
  DetectedSignal,
  'startHour' | 'peakHour' | 'endHour' | 'detectedHour'
> & { detectedAt: string; start: string; end: string | null };

/** A channel joining the crisis: when its negatives first rose above its own usual level. */
export interface ChannelSpread {
  channel: string;
  firstAt: string;
  negative: number;
}

export interface EpisodeAuthor {
  channel: string;
  handle: string;
  label: string | null;
  negative: number;
}

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
  /** The detector that fired first; `signals` holds every detector's explanation. */
  kind: SignalKind;
  signals: CrisisSignal[];
  /** Channels in the order they joined (negatives above their own usual level). */
  spread: ChannelSpread[];
  /** Customers with the most negative mentions in the episode. */
  topAuthors: EpisodeAuthor[];
  /** Hours from the episode's start to the first alarm (detectedAt − start). */
  lagHours: number;
  peakNegative: number;
  expectedAtPeak: number;
  reasons: string[];
  /** With `replay`: the episode replayed hour by hour from its start. */
  replay?: EpisodeReplay;
}

/** What the live detector would have said, hour by hour, from an episode's start. */
export interface EpisodeReplay {
  /** The first hour at which the detector, given only the data up to then, knew of it. */
  firedAt: string | null;
  /** Hours from the start (as known in hindsight) to that alarm. */
  lagHours: number | null;
  /** Each hour from the start to the alarm: negatives, their usual level, the threshold, the CUSUM. */
  timeline: Array<{
    at: string;
    negative: number;
    expected: number;
    threshold: number;
    cusum: number;
    alarm: boolean;
  }>;
}

const HOUR = 3_600_000;
const iso = (hour: number): string => new Date(hour * HOUR).toISOString();

/** Hourly customer (non-brand) volume, negatives and positives from the rollups, up to `atHour`. */
export function hourlyBuckets(db: Db, atHour?: number): HourBucket[] {
  const all = inputs(db).buckets;
  if (atHour === undefined) return all;
  let n = all.length;
  while (n > 0 && (all[n - 1] as HourBucket).hour > atHour) n--;
  return n === all.length ? all : all.slice(0, n);
}

/**
 * Hourly uses of each hashtag in customer mentions (and how many were negative), from
 * rollup_hashtag_hourly, up to `atHour`; ordered by tag, then hour.
 */
export function hashtagHours(db: Db, atHour?: number): TagHour[] {
  const all = inputs(db).tags;
  return atHour === undefined ? all : all.filter((t) => t.hour <= atHour);
}

interface Inputs {
  version: string;
  buckets: HourBucket[];
  tags: TagHour[];
  /**
   * Detector runs by options, dropped with the inputs when the data changes. Only what the
   * rollups determine is kept: an episode's authors carry people labels, which change on their own.
   */
  runs: Map<string, ReturnType<typeof detectAll>>;
}

/**
 * The detectors' inputs, read once per version of the rollups: every import, poll, undo,
 * correction and erase bumps it (rollupVersion), so a repeated call — the Today panel, the
 * Crises page, the next poll's notification check — costs one primary-key read.
 */
const cache = new WeakMap<Db, Inputs>();
const MAX_RUNS = 16;

const BUCKETS_SQL = `SELECT hour, sum(mentions) AS total, sum(CASE WHEN sentiment = -1 THEN mentions ELSE 0 END) AS negative,
       sum(CASE WHEN sentiment = 1 THEN mentions ELSE 0 END) AS positive
  FROM rollup_hourly WHERE is_brand = 0 AND hour > ? GROUP BY hour ORDER BY hour`;
const TAGS_SQL = `SELECT hour, tag, mentions AS total, negative FROM rollup_hashtag_hourly
  WHERE (tag, hour) > (?, ?) ORDER BY tag, hour`;

function inputs(db: Db): Inputs {
  const version = rollupVersion(db);
  const hit = cache.get(db);
  if (hit?.version === version) return hit;
  const buckets = db.prepare(BUCKETS_SQL).all(-Infinity) as HourBucket[];
  const tags = db.prepare(TAGS_SQL).all('', -Infinity) as TagHour[];
  const fresh: Inputs = { version, buckets, tags, runs: new Map() };
  cache.set(db, fresh);
  return fresh;
}

/** Whether the detectors' inputs for the data as it is now are in memory (no cold read left). */
export function inputsLoaded(db: Db): boolean {
  return cache.get(db)?.version === rollupVersion(db);
}

/** Rows per slice of a background read: ~5–15 ms each at 1M mentions. */
const SLICE = 20_000;
const yieldToEvents = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * Reads the detectors' inputs as {@link inputs} does, but in slices with the event loop free
 * between them (keyset pages over the rollups' primary keys), so requests that arrive
 * meanwhile are answered. Gives up, keeping nothing, when `stillWanted` turns false or the
 * rollups change before it ends (an import committed between slices: the rows would mix).
 * Resolves true when the inputs are in memory.
 */
export async function preloadInputs(
  db: Db,
  stillWanted: () => boolean,
  slice = SLICE,
): Promise<boolean> {
  const version = rollupVersion(db);
  if (cache.get(db)?.version === version) return true;
  const bucketRows = Math.max(1, Math.round(slice / 10));
  const bucketPage = db.prepare(`${BUCKETS_SQL} LIMIT ${bucketRows}`);
  const tagPage = db.prepare(`${TAGS_SQL} LIMIT ${slice}`);
  const buckets: HourBucket[] = [];
  const tags: TagHour[] = [];
  for (let after = -Infinity; ;) {
    const page = bucketPage.all(after) as HourBucket[];
    buckets.push(...page);
    if (page.length < bucketRows) break;
    after = (page[page.length - 1] as HourBucket).hour;
    await yieldToEvents();
    if (!stillWanted()) return false;
  }
  for (let tag = '', hour = -Infinity; ;) {
    await yieldToEvents();
    if (!stillWanted()) return false;
    const page = tagPage.all(tag, hour) as TagHour[];
    for (const t of page) tags.push(t);
    if (page.length < slice) break;
    ({ tag, hour } = page[page.length - 1] as TagHour);
  }
  if (rollupVersion(db) !== version || cache.get(db)?.version === version)
    return cache.get(db)?.version === rollupVersion(db);
  cache.set(db, { version, buckets, tags, runs: new Map() });
  return true;
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

/**
 * The order in which channels joined: for each channel, the first hour of the episode whose
 * negatives reach at least 2 and 3× the channel's usual hourly negatives over the week before.
 */
function episodeSpread(db: Db, from: number, to: number): ChannelSpread[] {
  const rows = db
    .prepare(
      `SELECT hour, channel, sum(mentions) AS n FROM rollup_hourly WHERE is_brand = 0 AND sentiment = -1 AND hour BETWEEN ? AND ?
       GROUP BY hour, channel ORDER BY hour`,
    )
    .all(from - 168, to) as Array<{ hour: number; channel: string; n: number }>;
  const usual = new Map<string, number>();
  const joined = new Map<string, ChannelSpread & { hour: number }>();
  const total = new Map<string, number>();
  for (const r of rows) {
    if (r.hour < from) {
      usual.set(r.channel, (usual.get(r.channel) ?? 0) + r.n / 168);
      continue;
    }
    total.set(r.channel, (total.get(r.channel) ?? 0) + r.n);
    if (!joined.has(r.channel) && r.n >= Math.max(2, 3 * (usual.get(r.channel) ?? 0)))
      joined.set(r.channel, {
        channel: r.channel,
        firstAt: iso(r.hour),
        negative: 0,
        hour: r.hour,
      });
  }
  return [...joined.values()]
    .sort((a, b) => a.hour - b.hour || (total.get(b.channel) ?? 0) - (total.get(a.channel) ?? 0))
    .map((j) => ({ channel: j.channel, firstAt: j.firstAt, negative: total.get(j.channel) ?? 0 }));
}

/** Customers with the most negative mentions in the episode, with their people label. */
function episodeAuthors(db: Db, from: number, to: number): EpisodeAuthor[] {
  const [lo, hi] = idRangeFor(from * HOUR, (to + 1) * HOUR);
  return db
    .prepare(
      `SELECT a.channel, a.handle, a.label, count(*) AS negative FROM mentions m JOIN authors a ON a.id = m.author_id
       WHERE m.id BETWEEN ? AND ? AND m.is_brand = 0 AND m.sentiment = -1
       GROUP BY m.author_id ORDER BY negative DESC, a.handle LIMIT 5`,
    )
    .all(lo, hi) as EpisodeAuthor[];
}

/** Hashtags of the episode's negative mentions that grew most against the week before. */
function episodeHashtags(db: Db, from: number, to: number): string[] {
  const rows = db
    .prepare(
      `SELECT tag, sum(CASE WHEN hour >= ? THEN negative ELSE 0 END) AS during,
              sum(CASE WHEN hour < ? THEN mentions ELSE 0 END) AS before
       FROM rollup_hashtag_hourly WHERE hour BETWEEN ? AND ? GROUP BY tag`,
    )
    .all(from, from, from - 168, to) as Array<{ tag: string; during: number; before: number }>;
  return rows
    .filter((r) => r.during >= 3)
    .map((r) => [r.tag, r.during / (r.before + 1)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([tag]) => tag);
}

function signalOut(s: DetectedSignal): CrisisSignal {
  const { startHour, peakHour: _peak, endHour, detectedHour, ...figures } = s;
  return {
    ...figures,
    detectedAt: iso(detectedHour),
    start: iso(startHour),
    end: endHour === null ? null : iso(endHour),
  };
}

/**
 * Runs the detectors over the stored mentions. With `at` (epoch ms) it replays: only data up
 * to that hour is used, so the episodes are what the live detector knew then.
 */
export function detectCrises(
  db: Db,
  timezone: string,
  opts: { at?: number; sensitivity?: Sensitivity; replay?: boolean } = {},
): { episodes: CrisisEpisode[]; series: SeriesPoint[] } {
  const data = inputs(db);
  const newest = data.buckets[data.buckets.length - 1]?.hour;
  // At or after the newest hour of data `at` changes nothing (the detectors only look back).
  const atHour =
    opts.at === undefined || (newest !== undefined && Math.floor(opts.at / HOUR) >= newest)
      ? undefined
      : Math.floor(opts.at / HOUR);
  const profile = readProfile(db);
  const detectOpts = {
    timezone,
    sensitivity: opts.sensitivity,
    brandTerms: brandTerms(profile.brand, profile.keywords),
  };
  const buckets = hourlyBuckets(db, atHour);
  const tags = hashtagHours(db, atHour);
  const key = JSON.stringify([atHour, detectOpts]);
  let run = data.runs.get(key);
  if (!run) {
    run = detectAll(buckets, tags, detectOpts);
    if (data.runs.size >= MAX_RUNS) data.runs.delete(data.runs.keys().next().value as string);
    data.runs.set(key, run);
    if (atHour === undefined && (opts.sensitivity ?? 'medium') === 'medium')
      saveLatest(db, runKey(db, detectOpts), newest ?? null, run.episodes);
  }
  const { episodes, series } = run;
  return {
    series,
    episodes: episodes.map((e) => {
      const last = e.endHour ?? atHour ?? (series[series.length - 1]?.hour as number);
      const hijacked = e.signals.flatMap((s) => (s.hashtag ? [s.hashtag] : []));
      const grown = episodeHashtags(db, e.startHour, last);
      return {
        id: `c${e.startHour}`,
        start: iso(e.startHour),
        peak: iso(e.peakHour),
        end: e.endHour === null ? null : iso(e.endHour),
        severity: e.severity,
        channels: episodeChannels(db, e.startHour, last),
        hashtags: [...new Set([...hijacked, ...grown])].slice(0, 5),
        detectedAt: iso(e.detectedHour),
        kind: e.kind,
        signals: e.signals.map(signalOut),
        spread: episodeSpread(db, e.startHour, last),
        topAuthors: episodeAuthors(db, e.startHour, last),
        lagHours: e.detectedHour - e.startHour,
        peakNegative: e.peakNegative,
        expectedAtPeak: e.peakExpected,
        reasons: e.reasons,
        ...(opts.replay
          ? { replay: replayEpisode(e, buckets, byHour(tags), detectOpts, series) }
          : {}),
      };
    }),
  };
}

/**
 * The newest episode the detectors find with the data up to `at` (epoch ms), as the Today
 * panel shows it. Right after opening a workspace whose data has not changed since the last
 * full run (in this or an earlier session) it is read from that run's saved result instead of
 * reading every rollup row again.
 */
export function latestEpisode(db: Db, timezone: string, at: number): LatestEpisode | null {
  const profile = readProfile(db);
  const key = runKey(db, { timezone, brandTerms: brandTerms(profile.brand, profile.keywords) });
  const saved =
    cache.get(db)?.version === rollupVersion(db)
      ? undefined
      : readLatest(db, key, Math.floor(at / HOUR));
  if (saved !== undefined) return saved;
  const last = detectCrises(db, timezone, { at }).episodes.at(-1);
  return last ? { id: last.id, severity: last.severity, start: last.start, end: last.end } : null;
}

/** Tag hours in time order (the replay cuts them hour by hour). */
const byHour = (tags: TagHour[]): TagHour[] =>
  [...tags].sort((a, b) => a.hour - b.hour || (a.tag < b.tag ? -1 : 1));

/** Hours replayed after an episode's start before giving up on its alarm. */
const REPLAY_LIMIT = 14 * 24;

/**
 * Replays one episode for real: runs the detectors hour by hour on the data up to each hour
 * from the episode's start, and reports the first hour one of the signals they knew then,
 * raised at or after this episode's start, overlapped this one. Nothing is assumed from the full run.
 */
export function replayEpisode(
  e: CombinedEpisode,
  buckets: HourBucket[],
  tags: TagHour[],
  detectOpts: Parameters<typeof detectAll>[2],
  series: SeriesPoint[],
): EpisodeReplay {
  const byHour = new Map(series.map((p) => [p.hour, p]));
  const lastHour = buckets[buckets.length - 1]?.hour ?? e.startHour;
  const timeline: EpisodeReplay['timeline'] = [];
  let nb = buckets.findIndex((b) => b.hour > e.startHour);
  let nt = tags.findIndex((t) => t.hour > e.startHour);
  if (nb < 0) nb = buckets.length;
  if (nt < 0) nt = tags.length;
  for (let h = e.startHour; h <= Math.min(lastHour, e.startHour + REPLAY_LIMIT); h++) {
    while (nb < buckets.length && (buckets[nb] as HourBucket).hour <= h) nb++;
    while (nt < tags.length && (tags[nt] as TagHour).hour <= h) nt++;
    // Only an alarm raised at or after this episode's start, by a signal overlapping it, is its
    // own: an earlier episode still open at this hour (merged in the cut-off run) is not.
    const known = detectAll(buckets.slice(0, nb), tags.slice(0, nt), detectOpts).episodes.some(
      (r) =>
        r.signals.some(
          (s) =>
            s.detectedHour >= e.startHour &&
            s.startHour <= (e.endHour ?? Infinity) &&
            (s.endHour ?? Infinity) >= e.startHour,
        ),
    );
    const p = byHour.get(h);
    timeline.push({
      at: iso(h),
      negative: p?.negative ?? 0,
      expected: p?.expected ?? 0,
      threshold: Math.round((p?.upper ?? 0) * 10) / 10,
      cusum: p?.cusum ?? 0,
      alarm: known,
    });
    if (known) return { firedAt: iso(h), lagHours: h - e.startHour, timeline };
  }
  return { firedAt: null, lagHours: null, timeline };
}

/**
 * The current episode an id names. Ids are `c` + onset hour, and new data can move the onset
 * (a backfill import, a correction): an id from before then names the episode whose span holds
 * its hour, else the one starting nearest to it within a day.
 */
export function findEpisode(episodes: CrisisEpisode[], id: string): CrisisEpisode | undefined {
  const exact = episodes.find((e) => e.id === id);
  if (exact || !/^c\d+$/.test(id)) return exact;
  const h = Number(id.slice(1)) * HOUR;
  const holding = episodes.find(
    (e) => Date.parse(e.start) <= h && (e.end === null || Date.parse(e.end) >= h),
  );
  if (holding) return holding;
  const near = episodes
    .map((e) => ({ e, d: Math.abs(Date.parse(e.start) - h) }))
    .filter((x) => x.d <= 24 * HOUR)
    .sort((a, b) => a.d - b.d)[0];
  return near?.e;
}

/**
 * What annotations of an episode are matched by (see episode-annotations-repo): the span of
 * the episode the id names now, or the id's own hour when the detector knows no such episode.
 */
export function episodeSpan(db: Db, timezone: string, id: string): EpisodeSpan {
  const { episodes, series } = detectCrises(db, timezone);
  const e = findEpisode(episodes, id);
  if (!e) return spanOfId(id);
  const newest = series[series.length - 1]?.hour ?? Date.parse(e.start) / HOUR;
  return {
    id: e.id,
    startHour: Date.parse(e.start) / HOUR,
    endHour: e.end === null ? newest : Date.parse(e.end) / HOUR,
    others: episodes.filter((x) => x !== e).map((x) => x.id),
  };
}
