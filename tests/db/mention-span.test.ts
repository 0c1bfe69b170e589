import { describe, expect, it } from 'vitest';
import { newestPostedAt, oldestPostedAt } from '../../main/core/db/mention-span';
import { analysed, writeRows, type AnalysedRow } from '../crises/analysed';
import { capturePrepared, queryPlan } from '../helpers/query-plan';
import { workspaceDeps } from '../helpers/workspace';

const row = (key: string, postedAt: number): AnalysedRow => ({
  channel: 'twitter',
  externalId: key,
  postedAt,
  text: '@acme hola',
  authorHandle: `u${key}`,
  analysis: analysed(false),
});

describe('the oldest and newest mention times', () => {
  it('match min/max(posted_at), read from the ends of the primary key', () => {
    const env = workspaceDeps();
    try {
      expect([oldestPostedAt(env.db), newestPostedAt(env.db)]).toEqual([null, null]);
      const first = Date.UTC(2026, 0, 5, 9, 0, 0);
      const last = Date.UTC(2026, 2, 1, 18, 30, 0);
      // a busy first second: its earliest millisecond is not on its lowest id (slots follow the
      // key, not the millisecond)
      const crowd = Array.from({ length: 3000 }, (_, i) => row(`c${i}`, first + 999 - (i % 1000)));
      const middle = Array.from({ length: 500 }, (_, i) => row(`m${i}`, first + i * 3_600_000));
      const end = [999, 5, 500, 42].map((ms, i) => row(`e${i}`, last + ms));
      writeRows(env.db, [...crowd, ...middle, ...end]);
      const sql = env.db
        .prepare('SELECT min(posted_at) AS a, max(posted_at) AS b FROM mentions')
        .get() as { a: number; b: number };
      expect(sql).toEqual({ a: first, b: last + 999 });
      const { result, sql: used } = capturePrepared(env.db, () => [
        oldestPostedAt(env.db),
        newestPostedAt(env.db),
      ]);
      expect(result).toEqual([sql.a, sql.b]);
      for (const s of used) {
        const plan = queryPlan(env.db, s).join(' | ');
        expect(plan, s).not.toMatch(/SCAN mentions/);
      }
    } finally {
      env.cleanup();
    }
  });
});
