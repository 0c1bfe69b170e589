import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { detectCrises } from '../../main/core/crises';
import { readAnnotations, spanOfId } from '../../main/core/db/episode-annotations-repo';
import { migrate } from '../../main/core/db/migrate';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { buildReport } from '../../main/core/reports/model';
import { seedCrisis } from '../helpers/crisis-seed';
import { workspaceDeps } from '../helpers/workspace';
import { analysed, type AnalysedRow } from './analysed';

const HOUR = 3_600_000;

interface View {
  crisisType: string | null;
  items: Array<{ key: string; checked: boolean; note: string | null }>;
}

describe('crisis annotations follow their episode when new data moves its onset', () => {
  it('the SCCT type and hand-marked items stay with the episode after a backfill import moves its start, and reach the report', async () => {
    const env = workspaceDeps();
    try {
      const call = async <T>(m: string, input: unknown): Promise<T> => {
        const r = await callMethod(env.deps, m, input);
        if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
        return r.value as T;
      };
      const truth = seedCrisis(env.db);
      const episodes = () =>
        detectCrises(env.db, 'Europe/Madrid').episodes.filter(
          (e) => Math.abs(Date.parse(e.start) / HOUR - truth.start) < 12,
        );
      const [before] = episodes();
      expect(before).toBeDefined();
      await call('reports.annotate', { crisisId: before!.id, crisisType: 'preventable' });
      await call('reports.annotate', {
        crisisId: before!.id,
        item: { key: 'committee', checked: true, note: 'Comité diario a las 9' },
      });

      // A late export of the same morning: angry posts in the four hours before the onset.
      const onset = Date.parse(before!.start);
      const rows: AnalysedRow[] = [];
      for (let h = 4; h >= 1; h--)
        for (let k = 0; k < 12 + 4 * (4 - h); k++)
          rows.push({
            channel: 'twitter',
            externalId: `late${h}-${k}`,
            postedAt: onset - h * HOUR + k * 60_000,
            text: `@acme mi pedido tampoco llega (${h}-${k})`,
            authorHandle: `tarde${k}`,
            analysis: analysed(true),
          });
      const w = new MentionWriter(env.db, {
        batchId: null,
        sourceId: null,
        timezone: 'Europe/Madrid',
        now: 2,
      });
      env.db.transaction(() => w.write(rows))();

      const [after] = episodes();
      expect(after).toBeDefined();
      expect(Date.parse(after!.start)).toBeLessThan(onset);
      expect(after!.id).not.toBe(before!.id);
      const view = await call<View>('reports.annotations', { crisisId: after!.id });
      expect(view.crisisType).toBe('preventable');
      expect(view.items.find((i) => i.key === 'committee')).toMatchObject({
        checked: true,
        note: 'Comité diario a las 9',
      });
      // the old id still names the same episode (a link or a CLI call from before)
      expect((await call<View>('reports.annotations', { crisisId: before!.id })).crisisType).toBe(
        'preventable',
      );
      // a write under the new id adopts the rows: one set, under the current id and span
      await call('reports.annotate', {
        crisisId: after!.id,
        item: { key: 'listening', checked: true, note: '' },
      });
      const stored = env.db
        .prepare('SELECT DISTINCT episode_id AS id, start_hour AS s FROM episode_annotations')
        .all();
      expect(stored).toEqual([{ id: after!.id, s: Date.parse(after!.start) / HOUR }]);
      const report = buildReport(env.db, { crisisId: after!.id, lang: 'en' });
      expect(report.scct.type).toBe('preventable');
      expect(report.playbook.some((p) => p.byHand && p.note === 'Comité diario a las 9')).toBe(
        true,
      );
      // an episode elsewhere in time does not inherit them
      expect(readAnnotations(env.db, spanOfId(`c${truth.start - 24 * 20}`))).toEqual({
        crisisType: null,
        items: {},
      });
    } finally {
      env.cleanup();
    }
  });
});

describe('migration 0008', () => {
  it('keeps the annotations and gives each its onset from the id, matched by overlap after', () => {
    const db = new Database(':memory:');
    try {
      expect(migrate(db, 7)).toBe(7);
      db.exec(`INSERT INTO episode_annotations (episode_id, item, value, note, updated_at)
        VALUES ('c490000', 'crisis_type', 'victim', NULL, 1), ('c490000', 'committee', '1', 'nota', 2)`);
      expect(migrate(db, 8)).toBe(8);
      expect(
        db
          .prepare(
            'SELECT episode_id AS id, item, start_hour AS s, end_hour AS e FROM episode_annotations ORDER BY item',
          )
          .all(),
      ).toEqual([
        { id: 'c490000', item: 'committee', s: 490000, e: null },
        { id: 'c490000', item: 'crisis_type', s: 490000, e: null },
      ]);
      // the onset moved three hours later: the legacy row (read as a day long) still matches
      const moved = readAnnotations(db, { id: 'c490003', startHour: 490003, endHour: 490020 });
      expect(moved.crisisType).toBe('victim');
      expect(moved.items['committee']).toMatchObject({ checked: true, note: 'nota' });
      // but not an episode two days later, nor one that already has its own id stored
      expect(
        readAnnotations(db, { id: 'c490048', startHour: 490048, endHour: 490060 }).crisisType,
      ).toBeNull();
      expect(
        readAnnotations(db, {
          id: 'c490003',
          startHour: 490003,
          endHour: 490020,
          others: ['c490000'],
        }).crisisType,
      ).toBeNull();
    } finally {
      db.close();
    }
  });
});
