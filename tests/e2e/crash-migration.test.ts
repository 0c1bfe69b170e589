import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../../scripts/bench/corpus';
import { APPLICATION_ID } from '../../main/core/db/file-check';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { migrate, SCHEMA_VERSION } from '../../main/core/db/migrate';
import { writeProfile } from '../../main/core/db/profile-repo';
import { writeMeta } from '../../main/core/db/meta';
import { CLI, requireBuild, runCli } from '../browser/harness';
import { PROFILE, tempDir, type TempDir } from '../helpers/workspace';

const OLD = SCHEMA_VERSION - 1;
const ROWS = 80_000;
const KILLS = 12;
const SEED = 7_2026;

interface FileState {
  version: number;
  integrity: string;
  mentions: number;
  schema: string;
}

function state(path: string): FileState {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      mentions: (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n,
      schema: (
        db
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
          )
          .all() as Array<{ name: string; sql: string | null }>
      )
        .map((r) => `${r.name}:${r.sql ?? ''}`)
        .join('\n'),
    };
  } finally {
    db.close();
  }
}

/** A workspace as the previous release left it: migrations up to N−1 only, with data. */
function buildOldWorkspace(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  migrate(db, OLD);
  writeProfile(db, PROFILE, 0);
  writeMeta(db, 'created_by', 'atalaya');
  const w = new MentionWriter(db, { batchId: null, sourceId: null, timezone: 'UTC', now: 0 });
  const chunk = 10_000;
  for (let start = 0; start < ROWS; start += chunk) {
    const rows = Array.from({ length: chunk }, (_, i) => ({
      channel: 'twitter' as const,
      externalId: `t${start + i}`,
      postedAt: 1_700_000_000_000 + (start + i) * 30_000,
      text: `acme mention ${start + i}: el pedido sigue sin llegar, llevo días esperando`,
      authorHandle: `user${(start + i) % 997}`,
    }));
    db.transaction(() => w.write(rows))();
  }
  writeMeta(db, 'clean_shutdown', '1');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function upgrade(path: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, [CLI, 'workspace', 'info', '--workspace', path, '--json'], {
    stdio: 'ignore',
  });
}

describe.skipIf(OLD < 1)(`crash safety of the schema upgrade ${OLD} → ${SCHEMA_VERSION}`, () => {
  let tmp: TempDir;
  let template: string;
  let upgraded: FileState;
  let fullMs = 0;

  beforeAll(async () => {
    requireBuild();
    tmp = tempDir();
    template = tmp.path('old.atalaya');
    buildOldWorkspace(template);
    // One uninterrupted upgrade: the reference schema and how long the whole run takes.
    const ref = tmp.path('ref.atalaya');
    copyFileSync(template, ref);
    const t0 = Date.now();
    const child = upgrade(ref);
    const code = await new Promise((r) => child.once('exit', r));
    fullMs = Date.now() - t0;
    expect(code).toBe(0);
    upgraded = state(ref);
    expect(upgraded.version).toBe(SCHEMA_VERSION);
  });
  afterAll(() => tmp?.cleanup());

  it('SIGKILL at seeded random points of the upgrade: the file is wholly old or wholly new, the backup exists, nothing is lost', async () => {
    const old = state(template);
    expect(old).toMatchObject({ version: OLD, integrity: 'ok', mentions: ROWS });
    const random = rng(SEED);
    const tally = {
      kills: 0,
      old: 0,
      midBackup: 0,
      midMigration: 0,
      upgraded: 0,
      inconsistent: 0,
      lost: 0,
      noBackup: 0,
    };
    const reopenFailures: string[] = [];
    for (let k = 0; k < KILLS; k += 1) {
      const path = tmp.path(`w${k}.atalaya`);
      copyFileSync(template, path);
      const child = upgrade(path);
      const exited = new Promise((r) => child.once('exit', r));
      const bakPath = `${path}.v${OLD}.bak`;
      let gone = false;
      void exited.then(() => (gone = true));
      // A timed kill rarely lands inside the short backup and migration windows (Node's start
      // takes most of the run), so two kills in three wait for a phase: the backup's temporary
      // file appearing (kill mid-copy) or the finished backup (kill as the migration runs).
      const phase = k % 3;
      if (phase === 0) {
        await new Promise((r) => setTimeout(r, Math.floor(fullMs * (0.15 + random() * 0.7))));
      } else {
        const mark = phase === 1 ? `${bakPath}.partial` : bakPath;
        while (!gone && !existsSync(mark)) await new Promise((r) => setImmediate(r));
        if (phase === 2) await new Promise((r) => setTimeout(r, Math.floor(random() * 4)));
      }
      child.kill('SIGKILL');
      await exited;
      tally.kills += 1;

      const after = state(path);
      const bak = `${path}.v${OLD}.bak`;
      if (after.integrity !== 'ok') tally.inconsistent += 1;
      if (after.version === OLD && after.schema === old.schema) {
        tally.old += 1;
        if (existsSync(`${bak}.partial`)) tally.midBackup += 1;
        else if (existsSync(bak)) tally.midMigration += 1;
      } else if (after.version === SCHEMA_VERSION && after.schema === upgraded.schema) {
        tally.upgraded += 1;
        // upgraded means the backup was complete before the first schema change
        if (!existsSync(bak)) tally.noBackup += 1;
        else if (state(bak).mentions !== ROWS || state(bak).version !== OLD) tally.noBackup += 1;
      } else tally.inconsistent += 1;
      if (after.mentions !== ROWS) tally.lost += Math.abs(ROWS - after.mentions);

      // The app opens it: upgraded (again, if the kill came first), backup beside it, data intact.
      const info = runCli(['workspace', 'info', '--workspace', path, '--json']);
      if (info.code !== 0) reopenFailures.push(info.stderr.trim());
      else {
        const details = JSON.parse(info.stdout) as {
          schemaVersion: number;
          counts: { mentions: number };
        };
        expect(details.schemaVersion).toBe(SCHEMA_VERSION);
        if (details.counts.mentions !== ROWS) tally.lost += 1;
      }
      const bakState = existsSync(bak) ? state(bak) : null;
      if (!bakState || bakState.version !== OLD || bakState.mentions !== ROWS) tally.noBackup += 1;
      expect(existsSync(`${bak}.partial`) && info.code === 0).toBe(false);
    }
    console.log(
      `crash-safety migration ${OLD}→${SCHEMA_VERSION}: ${tally.kills} SIGKILLs at seeded random points ` +
        `(seed ${SEED}, full upgrade ${fullMs} ms, ${ROWS} mentions): ${tally.old} left at v${OLD}, ` +
        `(${tally.midBackup} killed while backing up, ${tally.midMigration} after the backup and before the new version committed), ` +
        `${tally.upgraded} at v${SCHEMA_VERSION}, ${tally.inconsistent} inconsistent, ` +
        `${reopenFailures.length} failed reopens, ${tally.noBackup} without a complete .v${OLD}.bak, ` +
        `${tally.lost} mentions lost`,
    );
    expect(reopenFailures).toEqual([]);
    expect(tally).toMatchObject({ inconsistent: 0, lost: 0, noBackup: 0 });
    expect(tally.old + tally.upgraded).toBe(KILLS);
    // the kills must really have hit the upgrade, not only its before and after
    expect(tally.midBackup + tally.midMigration).toBeGreaterThan(0);
  });
});
