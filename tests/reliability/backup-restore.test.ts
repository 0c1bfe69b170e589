import { existsSync, statSync, truncateSync } from 'node:fs';
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
    // Writes keep landing while the online backup copies pages: the copy is still consistent.
    const writing = (async () => {
      for (let k = 0; k < 10; k += 1) {
        seed(env, 100_000 + k * 100, 100);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const made = await call<BackupFile>(env, 'workspace.backup', {});
    await writing;
    expect(made.kind).toBe('backup');
    expect(made.path.startsWith(`${env.ws.path}-backups/`)).toBe(true);
    const listed = await call<{ items: BackupFile[] }>(env, 'workspace.backups', {});
    expect(listed.items.map((b) => b.path)).toEqual([made.path]);
    expect(count(env)).toBe(4000);

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
    // the backup holds the 3000 first rows and whatever part of the concurrent writes it saw
    expect(restored).toBeGreaterThanOrEqual(3000);
    expect(restored).toBeLessThanOrEqual(4000);
    expect(env.deps.session.require().db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(existsSync(`${env.ws.path}.before-restore`)).toBe(true);
    const after = await call<{ items: BackupFile[] }>(env, 'workspace.backups', {});
    expect(after.items.map((b) => b.kind).sort()).toEqual(['backup', 'before-restore']);
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
        /not accepted \(brand, keywords.*\): the brand name is required\. Correct them/,
        /no se han aceptado \(brand, keywords.*\): el nombre de la marca es obligatorio\. Corrígelos/,
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
    ];
    for (const [error, inEnglish, inSpanish] of cases) {
      expect(describeError(error, t.en.t, t.en)).toMatch(inEnglish);
      expect(describeError(error, t.es.t, t.es)).toMatch(inSpanish);
    }
  });
});
