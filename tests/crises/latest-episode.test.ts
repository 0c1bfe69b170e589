import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TodayPanel } from '../../main/core/api/contract';
import { callMethod } from '../../main/core/api/router';
import {
  detectCrises,
  hashtagHours,
  hourlyBuckets,
  inputsLoaded,
  preloadInputs,
} from '../../main/core/crises';
import { warmCrises } from '../../main/core/api/crisis-alerts';
import { openWorkspaceFile } from '../../main/core/db/workspace-file';
import { saveLatest } from '../../main/core/crises/latest';
import { readMeta } from '../../main/core/db/meta';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { seedCrisis } from '../helpers/crisis-seed';
import { workspaceDeps } from '../helpers/workspace';

type Env = ReturnType<typeof workspaceDeps>;

async function today(env: Env): Promise<TodayPanel> {
  const r = await callMethod(env.deps, 'dashboard.today', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as TodayPanel;
}

/** Makes the hashtag rollup unreadable from outside, as a way to see whether a call reads it. */
function hideHashtagRollup(path: string, hidden: boolean): void {
  const raw = new Database(path);
  raw.exec(
    hidden
      ? 'ALTER TABLE rollup_hashtag_hourly RENAME TO hidden_hashtag_hourly'
      : 'ALTER TABLE hidden_hashtag_hourly RENAME TO rollup_hashtag_hourly',
  );
  raw.close();
}

describe("the Today panel's crisis right after opening a workspace", () => {
  it('comes from the last full run while the data and brand are unchanged, not from every rollup row', async () => {
    const env = workspaceDeps();
    try {
      const truth = seedCrisis(env.db);
      env.clock.set(Date.UTC(2031, 0, 1));
      const first = await today(env);
      // the seeded episode ended a week before the newest data: found, but not Today's news
      const newest = detectCrises(env.db, 'Europe/Madrid').episodes.at(-1)!;
      expect(Date.parse(newest.start) / 3_600_000).toBeGreaterThanOrEqual(truth.start - 24);
      expect(first.crisis).toBeNull();
      expect(JSON.parse(readMeta(env.db, 'crises_latest')!)).toMatchObject({
        episode: { id: newest.id, severity: newest.severity, start: newest.start, end: newest.end },
      });
      const path = env.ws.path;

      // a restart: a new connection, nothing in memory; the detectors could not run now
      env.deps.session.close();
      hideHashtagRollup(path, true);
      env.deps.session.open(path, env.clock.now());
      expect(await today(env)).toEqual(first);

      // new data bumps the rollups' counter: the saved run no longer answers
      hideHashtagRollup(path, false);
      env.deps.session.close();
      env.deps.session.open(path, env.clock.now());
      const db = env.deps.session.require().db;
      new MentionWriter(db, {
        batchId: null,
        sourceId: null,
        timezone: 'Europe/Madrid',
        now: 2,
      }).write([
        {
          channel: 'twitter',
          externalId: 'late-1',
          postedAt: Date.parse(newest.start) + 30 * 86_400_000,
          text: '@acme sigo esperando',
          authorHandle: 'nuevo',
        },
      ]);
      env.deps.session.close();
      hideHashtagRollup(path, true);
      env.deps.session.open(path, env.clock.now());
      const stale = await callMethod(env.deps, 'dashboard.today', {});
      expect(stale).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(stale)).toMatch(/no such table: rollup_hashtag_hourly/);
      hideHashtagRollup(path, false);
      // and after that run (with the table back) the saved result is the new one
      expect(await today(env)).toMatchObject({ crisis: null });
      expect(readMeta(env.deps.session.require().db, 'crises_latest')).toContain(newest.id);
    } finally {
      env.cleanup();
    }
  });

  it('a change of brand keywords is a different run; saving never waits for another writer', async () => {
    const env = workspaceDeps();
    try {
      seedCrisis(env.db);
      env.clock.set(Date.UTC(2031, 0, 1));
      await today(env);
      const saved = readMeta(env.db, 'crises_latest');
      const profile = (await callMethod(env.deps, 'workspace.get', {})) as {
        ok: true;
        value: Record<string, unknown>;
      };
      const {
        path: _p,
        name: _n,
        schemaVersion: _s,
        counts: _c,
        recoveredFromUncleanShutdown: _r,
        ...input
      } = profile.value;
      const updated = await callMethod(env.deps, 'workspace.update', {
        ...input,
        keywords: ['acme', 'timo'],
      });
      expect(updated.ok).toBe(true);
      await today(env);
      expect(readMeta(env.db, 'crises_latest')).not.toBe(saved);
      expect(readMeta(env.db, 'crises_latest')).toContain('timo');

      // another process holds the write lock (an import in the CLI): the save is skipped at once
      const other = new Database(env.ws.path);
      other.exec('BEGIN IMMEDIATE');
      const before = readMeta(env.db, 'crises_latest');
      const t = Date.now();
      expect(() => saveLatest(env.db, 'other-key', null, [])).not.toThrow();
      expect(Date.now() - t).toBeLessThan(1000);
      other.exec('ROLLBACK');
      other.close();
      expect(readMeta(env.db, 'crises_latest')).toBe(before);
    } finally {
      env.cleanup();
    }
  });

  it('after opening, the inputs load in the background: the Crises page then finds them in memory', async () => {
    const env = workspaceDeps();
    try {
      seedCrisis(env.db);
      const expected = detectCrises(env.db, 'Europe/Madrid');
      const path = env.ws.path;
      env.deps.session.close();
      // opened as the app does (workspace.open, serve and restore then call warmCrises)
      env.deps.session.open(path, env.clock.now());
      const db = env.deps.session.require().db;
      expect(inputsLoaded(db)).toBe(false);
      expect(await warmCrises(env.deps, 0)).toBe(true);
      expect(inputsLoaded(db)).toBe(true);
      const list = await callMethod(env.deps, 'crises.list', {});
      if (!list.ok) throw new Error(list.error.message);
      const value = list.value as { episodes: Array<{ id: string }> };
      expect(value.episodes.map((e) => e.id)).toEqual(expected.episodes.map((e) => e.id));
      // a workspace switched away while waiting is not loaded for nothing
      env.deps.session.close();
      expect(await warmCrises(env.deps, 0)).toBe(false);
    } finally {
      env.cleanup();
    }
  });

  it('the sliced read gives the same rows, and keeps nothing when data lands between slices', async () => {
    const env = workspaceDeps();
    try {
      seedCrisis(env.db);
      expect(await preloadInputs(env.db, () => true, 7)).toBe(true);
      const sliced = { buckets: hourlyBuckets(env.db), tags: hashtagHours(env.db) };
      // the same database through another connection: nothing in memory, read in one go
      const ws2 = openWorkspaceFile(env.ws.path);
      try {
        expect(hourlyBuckets(ws2.db)).toEqual(sliced.buckets);
        expect(hashtagHours(ws2.db)).toEqual(sliced.tags);
        expect(sliced.tags.length).toBeGreaterThan(7); // more than one slice of 7
        // a write lands while the background read waits between two slices: it gives up
        let writes = 0;
        const late = (): void => {
          if (writes++ > 0) return;
          new MentionWriter(ws2.db, {
            batchId: null,
            sourceId: null,
            timezone: 'Europe/Madrid',
            now: 3,
          }).write([
            {
              channel: 'twitter',
              externalId: 'between-slices',
              postedAt: (sliced.buckets.at(-1)!.hour + 1) * 3_600_000,
              text: '@acme #nuevo otra vez sin respuesta',
              authorHandle: 'tarde',
            },
          ]);
        };
        const third = openWorkspaceFile(env.ws.path);
        try {
          expect(await preloadInputs(third.db, () => (late(), true), 7)).toBe(false);
          // nothing half-read was kept: the next read has the new row
          expect(hashtagHours(third.db).some((t) => t.tag === '#nuevo')).toBe(true);
        } finally {
          third.close();
        }
      } finally {
        ws2.close();
      }
    } finally {
      env.cleanup();
    }
  });
});
