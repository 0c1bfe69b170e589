import { readMeta, writeMeta } from '../db/meta';
import { rollupVersion } from '../db/rollups';
import type { Db } from '../db/workspace-file';
import { APP_VERSION } from '../version';
import { PRESETS } from './detector';
import type { CombinedEpisode } from './episodes';
import { HIJACK_PRESETS } from './signals';

/** The newest episode of a full detector run, as the Today panel shows it. */
export interface LatestEpisode {
  id: string;
  severity: CombinedEpisode['severity'];
  start: string;
  end: string | null;
}

interface Saved {
  key: string;
  /** The newest hour of customer data the run saw: a Today panel asked about before it needs a replay. */
  newestHour: number | null;
  episode: LatestEpisode | null;
}

const KEY = 'crises_latest';
const HOUR = 3_600_000;

/**
 * What a full run's result depends on besides the code: the rollups' write counter (every
 * import, poll, undo, correction and erase bumps it), the time zone and brand terms, and the
 * thresholds. The app version stands for the detectors' code. Bump FORMAT when the saved
 * shape or the detectors change within a version.
 */
const FORMAT = 1;

export function runKey(db: Db, opts: { timezone: string; brandTerms: string[] }): string {
  return JSON.stringify([
    FORMAT,
    APP_VERSION,
    rollupVersion(db),
    opts.timezone,
    opts.brandTerms,
    PRESETS.medium,
    HIJACK_PRESETS.medium,
  ]);
}

export function latestOf(episodes: CombinedEpisode[]): LatestEpisode | null {
  const e = episodes[episodes.length - 1];
  if (!e) return null;
  const iso = (h: number): string => new Date(h * HOUR).toISOString();
  return {
    id: `c${e.startHour}`,
    severity: e.severity,
    start: iso(e.startHour),
    end: e.endHour === null ? null : iso(e.endHour),
  };
}

/**
 * The saved newest episode when it was computed from the same data and settings and `atHour`
 * is not before the data's newest hour (the run then sees everything it would see); else
 * undefined: run the detectors. Saves the first call after opening a large workspace reading
 * every rollup row (~0.3–0.6 s at 1M mentions) when nothing changed since the last run.
 */
export function readLatest(db: Db, key: string, atHour: number): LatestEpisode | null | undefined {
  const raw = readMeta(db, KEY);
  if (raw === undefined) return undefined;
  try {
    const saved = JSON.parse(raw) as Saved;
    if (saved.key !== key) return undefined;
    if (saved.newestHour !== null && atHour < saved.newestHour) return undefined;
    return saved.episode;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a full run's newest episode for the next open. Never waits for another process's
 * write lock (an import in the CLI): the save is skipped and the next run tries again.
 */
export function saveLatest(
  db: Db,
  key: string,
  newestHour: number | null,
  episodes: CombinedEpisode[],
): void {
  if (db.readonly) return;
  const saved: Saved = { key, newestHour, episode: latestOf(episodes) };
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    writeMeta(db, KEY, JSON.stringify(saved));
  } catch {
    // busy: another connection is writing; nothing is lost but the shortcut
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}
