import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../main/core/analysis';
import type { EventMap } from '../../main/core/api/contract';
import { handlers } from '../../main/core/api/handlers';
import {
  CORRECTION_SETTLE_MS,
  reanalysisSettled,
  scheduleReanalysis,
} from '../../main/core/api/reanalysis-job';
import { pendingReanalysis } from '../../main/core/db/reanalyse';
import { rebuildRollups } from '../../main/core/db/rollups';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { importFiles } from '../../main/core/sources/import-runner';
import { writeCorpusJsonl } from '../../scripts/bench/corpus';
import { CORRECTED } from '../helpers/restaurant-corrections';
import { writeTextsJsonl } from '../helpers/texts-jsonl';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const TZ = PROFILE.timezone;

describe('background re-analysis in the app', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => {
    env = workspaceDeps(PROFILE, 'serve');
  });
  afterEach(() => env.cleanup());

  const progress = () =>
    env.events
      .filter((e) => e.event === 'analysis.progress')
      .map((e) => e.payload as EventMap['analysis.progress']);

  it('brings rows of older rules up to date with progress, and refuses an import meanwhile', async () => {
    const file = env.tmp.path('corpus.jsonl');
    await writeCorpusJsonl(file, { size: 5000, seed: 7 });
    await importFiles(
      { db: env.db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
      [file],
      { format: 'jsonl' },
    );
    const fresh = env.db.prepare('SELECT id, sentiment, complaint FROM mentions ORDER BY id').all();
    // As an older app left them: other rules gave neutral, no complaint, on every third row.
    env.db.exec(
      `UPDATE mentions SET analysis_version = ${ANALYSIS_VERSION - 1}, sentiment = 0, sentiment_score = 0, complaint = 0 WHERE id % 3 = 0`,
    );
    rebuildRollups(env.db, TZ);
    const stale = pendingReanalysis(env.db);
    expect(stale).toBeGreaterThan(1000);

    let refused: string | null = null;
    env.hub.subscribe((event, payload) => {
      const p = payload as EventMap['analysis.progress'];
      if (event !== 'analysis.progress' || p.state !== 'running' || refused !== null) return;
      try {
        env.deps.session.beginJob()();
        refused = 'not refused';
      } catch (e) {
        refused = (e as { details?: { key?: string } }).details?.key ?? 'no key';
      }
    });
    scheduleReanalysis(env.deps, 0);
    await reanalysisSettled(env.deps);

    expect(refused).toBe('reanalysing');
    const events = progress();
    expect(events[0]).toMatchObject({ done: 0, total: stale, state: 'running' });
    expect(events.at(-1)).toMatchObject({ done: stale, total: stale, state: 'done' });
    expect(
      env.db.prepare('SELECT id, sentiment, complaint FROM mentions ORDER BY id').all(),
    ).toEqual(fresh);
    expect(pendingReanalysis(env.db)).toBe(0);
    expect(env.events.some((e) => e.event === 'workspace.changed')).toBe(true);
    // Free again once done.
    env.deps.session.beginJob()();
  });

  it('a run waits for an import under way, and a cancel keeps what was committed', async () => {
    const file = env.tmp.path('corpus.jsonl');
    await writeCorpusJsonl(file, { size: 9000, seed: 8 });
    await importFiles(
      { db: env.db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
      [file],
      { format: 'jsonl' },
    );
    env.db.exec(`UPDATE mentions SET analysis_version = ${ANALYSIS_VERSION - 1}`);
    const endImport = env.deps.session.beginJob();
    scheduleReanalysis(env.deps, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(progress()).toEqual([]);
    endImport();
    // The run retries later; here it is started again and stopped after its first chunk.
    env.hub.subscribe((event, payload) => {
      const p = payload as EventMap['analysis.progress'];
      if (event === 'analysis.progress' && p.state === 'running' && p.done > 0)
        void handlers['analysis.cancel'](env.deps, {});
    });
    scheduleReanalysis(env.deps, 0);
    await reanalysisSettled(env.deps);
    const last = progress().at(-1);
    expect(last?.state).toBe('cancelled');
    expect(pendingReanalysis(env.db)).toBe(9000 - (last?.done ?? 0));
    expect(last?.done).toBeGreaterThan(0);
    expect(last?.done).toBeLessThan(9000);
  });

  it('sentiment corrections re-analyse stored mentions once they settle', async () => {
    const file = env.tmp.path('restaurant.jsonl');
    const similar = 'Menudo chuletón, una bestialidad';
    const texts = [...CORRECTED.map(([t]) => t), similar];
    writeTextsJsonl(file, texts);
    await importFiles(
      { db: env.db, timezone: TZ, now: () => 1_000, analyze: createAnalyzer(PROFILE) },
      [file],
      { format: 'jsonl' },
    );
    const idOf = (t: string) =>
      env.db.prepare('SELECT id FROM mentions WHERE text = ?').pluck().get(t) as number;
    const started = Date.now();
    for (const [t, y] of CORRECTED)
      await handlers['mentions.correct'](env.deps, { id: idOf(t), sentiment: y });
    // Not at once: more corrections may follow.
    expect(progress()).toEqual([]);
    await reanalysisSettled(env.deps);
    expect(Date.now() - started).toBeGreaterThanOrEqual(CORRECTION_SETTLE_MS - 50);
    expect(progress().filter((p) => p.state === 'done')).toHaveLength(1);
    expect(
      env.db.prepare('SELECT sentiment FROM mentions WHERE text = ?').pluck().get(similar),
    ).toBe(1);
  });
});
