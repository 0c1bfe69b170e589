import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/api-error';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import { describeError } from '../../renderer/src/shared/describe-error';
import type { AppInfo, BackupFile } from '../../main/core/api/contract';
import { callMethod } from '../../main/core/api/router';
import { MentionWriter } from '../../main/core/db/mention-writer';
import { cli } from '../helpers/cli';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

type Env = ReturnType<typeof workspaceDeps>;

function seed(env: Env, from: number, n: number): void {
  const w = new MentionWriter(env.db, {
    batchId: null,
    sourceId: null,
    timezone: 'Europe/Madrid',
    now: 0,
  });
  w.write(
    Array.from({ length: n }, (_, i) => ({
      channel: 'twitter' as const,
      externalId: `m${from + i}`,
      postedAt: 1_700_000_000_000 + (from + i) * 60_000,
      text: `acme post number ${from + i}`,
      authorHandle: `user${(from + i) % 17}`,
    })),
  );
}

const count = (env: Env): number =>
  (
    env.deps.session.require().db.prepare('SELECT count(*) AS n FROM mentions').get() as {
      n: number;
    }
  ).n;

/** The FTS index and the rollups of the open workspace cover exactly its `mentions` rows. */
function expectConsistent(env: Env, mentions: number): void {
  const db = env.deps.session.require().db;
  const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  // rank 1: FTS5 compares the index with the text of every mention (external content)
  db.exec("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 1)");
  expect(n('SELECT coalesce(sum(mentions), 0) AS n FROM rollup_daily')).toBe(mentions);
  expect(n('SELECT coalesce(sum(mentions), 0) AS n FROM rollup_hourly')).toBe(mentions);
}

async function call<T>(env: Env, method: string, input: unknown): Promise<T> {
  const r = await callMethod(env.deps, method, input);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.details ?? {});
  return r.value as T;
}

async function failure(env: Env, method: string, input: unknown): Promise<ApiError> {
  const r = await callMethod(env.deps, method, input);
  expect(r.ok, `${method} should fail`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  return new ApiError(r.error.code, r.error.message, r.error.details ?? {});
}

describe('backup and restore through the API', () => {
  let env: Env;
  afterEach(() => env?.cleanup());

  it('backs up while writes go on, lists the backup, restores it only after confirmation', async () => {
    env = workspaceDeps();
    seed(env, 0, 3000);
    // The online backup is started first; batches of 100 then commit while it copies pages
    // (yielding between batches). The copy must be one committed state, never a half batch.
    const atStart = count(env);
    const backingUp = call<BackupFile>(env, 'workspace.backup', {});
    const boundaries = [atStart];
    for (let k = 0; k < 10; k += 1) {
      await new Promise((r) => setImmediate(r));
      seed(env, 100_000 + k * 100, 100);
      boundaries.push(count(env));
    }
    const made = await backingUp;
    expect(made.kind).toBe('backup');
    expect(made.path.startsWith(`${env.ws.path}-backups/`)).toBe(true);
    const listed = await call<{ items: BackupFile[] }>(env, 'workspace.backups', {});
    expect(listed.items.map((b) => b.path)).toEqual([made.path]);
    expect(count(env)).toBe(4000);
    expect(boundaries).toEqual(Array.from({ length: 11 }, (_, k) => 3000 + k * 100));

    seed(env, 200_000, 500); // after the backup
    expect(count(env)).toBe(4500);

    // Without confirm the schema refuses; a path that is not one of its backups is refused.
    expect(
      (await failure(env, 'workspace.restore', { path: env.ws.path, backup: made.path })).code,
    ).toBe('validation');
    const foreign = await failure(env, 'workspace.restore', {
      path: env.ws.path,
      backup: '/etc/passwd',
      confirm: true,
    });
    expect(foreign.details.key).toBe('notABackup');
    expect(count(env)).toBe(4500);

    const info = await call<AppInfo>(env, 'workspace.restore', {
      path: env.ws.path,
      backup: made.path,
      confirm: true,
    });
    expect(info.workspace?.path).toBe(env.ws.path);
    const restored = count(env);
    expect(boundaries).toContain(restored);
    expectConsistent(env, restored);
    expect(existsSync(`${env.ws.path}.before-restore`)).toBe(true);
    const after = await call<{ items: BackupFile[] }>(env, 'workspace.backups', {});
    expect(after.items.map((b) => b.kind).sort()).toEqual(['backup', 'before-restore']);
  });

  it('refuses to restore while an import runs (the workspace stays as it was), restores once it ends', async () => {
    env = workspaceDeps();
    seed(env, 0, 1000);
    const made = await call<BackupFile>(env, 'workspace.backup', {});
    const rows = 60_000;
    const lines = ['date,text,author,id'];
    for (let i = 0; i < rows; i += 1)
      lines.push(
        `${new Date(Date.UTC(2026, 0, 1) + i * 30_000).toISOString()},"acme pedido ${i} llegó tarde",cliente${i % 97},big${i}`,
      );
    const path = env.tmp.path('big-export.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const progressed = new Promise<void>((ok) => {
      const off = env.hub.subscribe((event) => {
        if (event === 'import.progress') {
          off();
          ok();
        }
      });
    });
    const importing = callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    await progressed; // the import has started writing and is not finished
    const handle = env.deps.session.require();
    const refused = await failure(env, 'workspace.restore', {
      path: env.ws.path,
      backup: made.path,
      confirm: true,
    });
    expect(refused.details.key).toBe('restoreWhileBusy');
    expect(refused.message).toBe(
      'An import or a poll is running: wait for it to finish or cancel it, then restore',
    );
    expect(env.deps.session.require()).toBe(handle);
    expect(existsSync(`${env.ws.path}.before-restore`)).toBe(false);

    const done = await importing;
    expect(done.ok, done.ok ? '' : done.error.message).toBe(true);
    expect(done.ok && (done.value as { imported: number }).imported).toBe(rows);
    expect(count(env)).toBe(1000 + rows);
    expectConsistent(env, 1000 + rows);

    await call<AppInfo>(env, 'workspace.restore', {
      path: env.ws.path,
      backup: made.path,
      confirm: true,
    });
    expect(count(env)).toBe(1000);
    expectConsistent(env, 1000);
  });

  it('refuses to restore while a feed poll waits on a slow server, restores once it ends', async () => {
    env = workspaceDeps();
    seed(env, 0, 50);
    const made = await call<BackupFile>(env, 'workspace.backup', {});
    const rss = readFileSync('tests/fixtures/feeds/acme-news.rss');
    let asked!: () => void;
    const arrived = new Promise<void>((ok) => (asked = ok));
    const server = createServer((_req, res) => {
      asked();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss), 400);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const { port } = server.address() as AddressInfo;
      await call(env, 'feeds.add', { url: `http://127.0.0.1:${port}/acme.rss` });
      const polling = call<{ failed: number; new: number }>(env, 'feeds.poll', {});
      await arrived; // the poll is waiting for the answer
      const refused = await failure(env, 'workspace.restore', {
        path: env.ws.path,
        backup: made.path,
        confirm: true,
      });
      expect(refused.details.key).toBe('restoreWhileBusy');
      const polled = await polling;
      expect(polled.failed).toBe(0);
      expect(polled.new).toBeGreaterThan(0);
      expectConsistent(env, 50 + polled.new);
      await call<AppInfo>(env, 'workspace.restore', {
        path: env.ws.path,
        backup: made.path,
        confirm: true,
      });
      expect(count(env)).toBe(50);
    } finally {
      server.close();
    }
  });

  it('a damaged workspace names its newest checked backup; the API restores it and the data is back', async () => {
    env = workspaceDeps(PROFILE, 'electron');
    seed(env, 0, 2000);
    const made = await call<BackupFile>(env, 'workspace.backup', {});
    const path = env.ws.path;
    env.deps.session.close();
    truncateSync(path, Math.floor(statSync(path).size / 2 / 4096) * 4096 + 100);

    const opened = await failure(env, 'workspace.open', { path });
    expect(opened.code).toBe('truncated');
    expect(opened.details).toMatchObject({ key: 'workspaceDamaged', path, backup: made.path });
    const info = await call<AppInfo>(env, 'app.info', {});
    expect(info.workspace).toBeNull();
    expect(info.openFailure).toMatchObject({ path, backup: made.path });

    // the one-line reason the CLI prints names the backup and the command to restore it
    const r = await cli(['workspace', 'info', '--workspace', path]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(made.path);
    expect(r.stderr).toContain(
      `atalaya workspace restore --from ${made.path} --to ${path} --force`,
    );

    await call<AppInfo>(env, 'workspace.restore', { path, backup: made.path, confirm: true });
    expect(count(env)).toBe(2000);
    expect((await call<AppInfo>(env, 'app.info', {})).openFailure).toBeNull();
    // and the restore command the CLI named works too
    env.deps.session.close();
    truncateSync(path, 4096 * 3);
    const again = await cli(['workspace', 'restore', '--from', made.path, '--to', path, '--force']);
    expect(again.code, again.stderr).toBe(0);
    const info2 = await cli(['workspace', 'info', '--workspace', path, '--json']);
    expect(JSON.parse(info2.stdout)).toMatchObject({ counts: { mentions: 2000 } });
  });
});

describe('errors the UI shows come in the UI language and say what to do', () => {
  const t = { en: i18next.createInstance(), es: i18next.createInstance() };
  beforeAll(async () => {
    for (const [lng, inst] of Object.entries(t)) {
      await inst.init({
        lng,
        fallbackLng: 'en',
        resources: { en: { translation: en }, es: { translation: es } },
        interpolation: { escapeValue: false },
      });
    }
  });
  let env: Env;
  afterEach(() => env?.cleanup());

  it('workspace, validation and not-found errors from real API calls', async () => {
    env = workspaceDeps(PROFILE, 'electron');
    env.deps.session.allow(env.tmp.path('gone.atalaya'));
    const feed = { url: 'http://127.0.0.1:9/acme.rss' };
    await call(env, 'feeds.add', feed);
    const backup = (await call<BackupFile>(env, 'workspace.backup', {})).path;
    const cases: Array<[ApiError, RegExp, RegExp]> = [
      [
        await failure(env, 'feeds.add', feed),
        /already in the workspace: http:\/\/127\.0\.0\.1:9\/acme\.rss/,
        /ya está en el espacio de trabajo: http:\/\/127\.0\.0\.1:9/,
      ],
      [
        await failure(env, 'sources.import', { fileToken: 'no-such-token-0001' }),
        /no longer available\. Choose or drop it again/,
        /ya no está disponible\. Vuelve a elegirlo/,
      ],
      [
        await failure(env, 'workspace.open', { path: env.tmp.path('gone.atalaya') }),
        /gone\.atalaya was not found.*Open it from its new place/,
        /No se encuentra .*gone\.atalaya.*Ábrelo desde su nuevo sitio/,
      ],
      [
        await failure(env, 'workspace.update', { brand: '' }),
        /not accepted \(brand name, keywords.*\): the brand name is required; a value is missing\. Correct them/,
        /no se han aceptado \(nombre de la marca, palabras clave.*\): el nombre de la marca es obligatorio; falta un valor\. Corrígelos/,
      ],
      [
        // zod's own checks (length, range, options) in the UI language too, not zod's English
        await failure(env, 'feeds.add', { url: `https://acme.example/${'a'.repeat(2100)}` }),
        /not accepted \(feed address\): it can have at most 2048 characters\./,
        /no se han aceptado \(dirección del feed\): puede tener como mucho 2048 caracteres\./,
      ],
      [
        await failure(env, 'feeds.add', { url: 'https://acme.example/rss', intervalMinutes: 2 }),
        /\(polling interval\): the smallest value allowed is 5\./,
        /\(intervalo de consulta\): el valor más pequeño permitido es 5\./,
      ],
      [
        await failure(env, 'sources.savePreset', { name: ' ', map: { texto: 'Tweet' } }),
        /\(name, column mapping\): it cannot be empty; unknown names: texto\./,
        /\(nombre, correspondencia de columnas\): no puede estar vacío; nombres desconocidos: texto\./,
      ],
      [
        // zod 4 reports a fraction for .int() as a wrong type ("expected int"): not "wrong kind"
        await failure(env, 'feeds.add', { url: 'https://acme.example/rss', intervalMinutes: 7.5 }),
        /\(polling interval\): use a whole number\./,
        /\(intervalo de consulta\): usa un número entero\./,
      ],
      [
        // .positive(): its bound is refused, so it is not "the smallest value allowed"
        await failure(env, 'feeds.remove', { id: 0 }),
        /: it must be more than 0\./,
        /: tiene que ser mayor que 0\./,
      ],
      [
        await failure(env, 'feeds.remove', { id: 4242 }),
        /^Not found: No feed 4242 .*Refresh the page/,
        /^No encontrado: .*Actualiza la página/,
      ],
      [
        await failure(env, 'workspace.restore', {
          path: env.ws.path,
          backup: env.tmp.path('x.bak'),
          confirm: true,
        }),
        /x\.bak is not a backup of this workspace/,
        /x\.bak no es una copia de seguridad/,
      ],
      [
        // a job holds the workspace (as an import or a poll does) while restore is asked for
        await env.deps.session.busy(() =>
          failure(env, 'workspace.restore', { path: env.ws.path, backup, confirm: true }),
        ),
        /An import or a poll is running\. Wait for it to finish or cancel it, then restore/,
        /importación o una consulta de fuentes en curso\. Espera a que termine o cancélala/,
      ],
    ];
    for (const [error, inEnglish, inSpanish] of cases) {
      expect(describeError(error, t.en.t, t.en)).toMatch(inEnglish);
      expect(describeError(error, t.es.t, t.es)).toMatch(inSpanish);
    }
  });
});
