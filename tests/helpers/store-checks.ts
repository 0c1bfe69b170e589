import { expect } from 'vitest';
import type { Db } from '../../main/core/db/workspace-file';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import type { ImportDeps } from '../../main/core/sources/import-runner';
import { PROFILE } from './workspace';

export function count(db: Db, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

/** The real importer on this thread, analysing with the test profile, in UTC. */
export function importDeps(db: Db, now: number): ImportDeps {
  return { db, timezone: 'UTC', now: () => now, analyze: createAnalyzer(PROFILE) };
}

/**
 * What is derived from the stored mentions agrees with them: the search index, the authors'
 * post counts and channels, the rollups by channel, and the file's integrity.
 */
export function expectStoreConsistent(db: Db): void {
  // rank 1: the index against the text of every mention (a count of the external-content
  // table would read the mentions themselves and could not fail)
  expect(() =>
    db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run(),
  ).not.toThrow();
  expect(count(db, 'SELECT coalesce(sum(posts), 0) AS n FROM authors')).toBe(
    count(db, 'SELECT count(*) AS n FROM mentions WHERE author_id IS NOT NULL'),
  );
  expect(
    count(
      db,
      'SELECT count(*) AS n FROM mentions m JOIN authors a ON a.id = m.author_id WHERE a.channel <> m.channel',
    ),
  ).toBe(0);
  const byChannel = db
    .prepare('SELECT channel, count(*) AS n FROM mentions GROUP BY 1 ORDER BY 1')
    .all();
  for (const table of ['rollup_hourly', 'rollup_daily'])
    expect(
      db.prepare(`SELECT channel, sum(mentions) AS n FROM ${table} GROUP BY 1 ORDER BY 1`).all(),
    ).toEqual(byChannel);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}
