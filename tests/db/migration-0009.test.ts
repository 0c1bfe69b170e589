import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../main/core/db/mention-key';
import { migrate } from '../../main/core/db/migrate';
import { upgradeWorkspace } from '../helpers/workspace';

describe('migration 0009', () => {
  it('adds the response rollups and the first open fills them from stored mentions and marks', () => {
    upgradeWorkspace(
      8,
      (db) => {
        const t = Date.UTC(2026, 0, 31, 23, 30); // 00:30 on 1 February in Madrid (a Sunday)
        // Time-ordered ids, as the mention writer gives them (the backfill reads by id range).
        const id = (key: string, at: number) => timeOrderedId(at, key);
        db.prepare(
          `INSERT INTO mentions (id, natural_key, channel, posted_at, text, is_brand, complaint, author_followers, reply_to_key, imported_at)
         VALUES (?, 'twitter:c1', 'twitter', ?, 'mi pedido no llega', 0, 1, 250000, NULL, 1),
                (?, 'twitter:c2', 'twitter', ?, 'me cobrasteis dos veces', 0, 1, 50, NULL, 1),
                (?, 'twitter:c3', 'twitter', ?, 'hola', 0, 0, NULL, NULL, 1),
                (?, 'twitter:r1', 'twitter', ?, 'lo miramos', 1, 0, NULL, 'twitter:c1', 1),
                (?, 'twitter:r9', 'twitter', ?, 'te escribimos', 1, 0, NULL, 'twitter:gone', 1)`,
        ).run(
          ...[
            ['twitter:c1', t],
            ['twitter:c2', t],
            ['twitter:c3', t],
            ['twitter:r1', t + 30 * 60_000],
            ['twitter:r9', t],
          ].flatMap(([k, at]) => [id(k as string, at as number), at]),
        );
        db.prepare(
          "INSERT INTO overrides (target_kind, target_key, field, value, created_at) VALUES ('mention', 'twitter:c3', 'handling', 'dismissed', 1)",
        ).run();
      },
      (ws) => {
        expect(ws.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
        expect(
          ws.db
            .prepare(
              "SELECT at, complaint, reach, state, mentions FROM rollup_response WHERE grain = 'day' ORDER BY complaint, reach",
            )
            .all(),
        ).toEqual([
          { at: '2026-02-01', complaint: 0, reach: 'unknown', state: 'dismissed', mentions: 1 },
          { at: '2026-02-01', complaint: 1, reach: 'over_100k', state: 'answered', mentions: 1 },
          { at: '2026-02-01', complaint: 1, reach: 'under_1k', state: 'open', mentions: 1 },
        ]);
        expect(
          ws.db
            .prepare(
              "SELECT count(*) AS n FROM rollup_response WHERE grain = 'month' AND at = '2026-02'",
            )
            .get(),
        ).toEqual({ n: 3 });
        // 30 minutes on the clock; on a Sunday, none of the opening hours
        expect(
          ws.db
            .prepare(
              "SELECT clock, reach, replies, minutes_sum AS m FROM rollup_response_delay WHERE grain = 'day' ORDER BY clock",
            )
            .all(),
        ).toEqual([
          { clock: 'business', reach: '*', replies: 1, m: 0 },
          { clock: 'wall', reach: 'over_100k', replies: 1, m: 30 },
        ]);
        expect(ws.db.prepare('SELECT target_key FROM response_orphans').pluck().all()).toEqual([
          'twitter:gone',
        ]);
        expect(
          ws.db.prepare("SELECT value FROM meta WHERE key = 'rollups_rebuild'").get(),
        ).toBeUndefined();
      },
    );
  });

  it('fills the rollups on the next open when the process died between the migration and the backfill', () => {
    upgradeWorkspace(
      8,
      (db) => {
        const t = Date.UTC(2026, 0, 31, 23, 30);
        db.prepare(
          `INSERT INTO mentions (id, natural_key, channel, posted_at, text, is_brand, complaint, imported_at)
         VALUES (?, 'twitter:c1', 'twitter', ?, 'mi pedido no llega', 0, 1, 1)`,
        ).run(timeOrderedId(t, 'twitter:c1'), t);
        migrate(db); // the upgrade commits … and the process dies before the first open rebuilds
        expect(db.prepare("SELECT value FROM meta WHERE key = 'rollups_rebuild'").get()).toEqual({
          value: '1',
        });
        expect(db.prepare('SELECT count(*) AS n FROM rollup_response').get()).toEqual({ n: 0 });
      },
      (ws) => {
        // already at the current schema: no migration runs
        expect(
          ws.db
            .prepare("SELECT complaint, state, mentions FROM rollup_response WHERE grain = 'day'")
            .all(),
        ).toEqual([{ complaint: 1, state: 'open', mentions: 1 }]);
        expect(
          ws.db.prepare("SELECT value FROM meta WHERE key = 'rollups_rebuild'").get(),
        ).toBeUndefined();
      },
    );
  });
});
