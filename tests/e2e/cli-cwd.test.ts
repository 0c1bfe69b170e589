import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, ROOT } from '../browser/harness';
import { tempDir, type TempDir } from '../helpers/workspace';

/** `npm run -s atalaya -- …` as the README has it, started from a folder of the user's. */
describe('relative paths on the command line', () => {
  let tmp: TempDir;
  beforeAll(() => {
    requireBuild();
    tmp = tempDir();
  });
  afterAll(() => {
    tmp?.cleanup();
    rmSync(join(ROOT, 'cliente.atalaya'), { force: true }); // where it went before the fix
  });

  const npmRun = (args: string[]) => {
    const env = { ...process.env };
    delete env['INIT_CWD']; // npm sets it to where it is started: here, the user's folder
    return spawnSync('npm', ['--prefix', ROOT, 'run', '-s', 'atalaya', '--', ...args], {
      cwd: tmp.dir,
      encoding: 'utf8',
      env,
    });
  };

  it('are read from the folder the user is in, not from the checkout npm runs the script in', () => {
    const created = npmRun(['workspace', 'create', 'cliente.atalaya', '--brand', 'Cliente']);
    expect(created.status, created.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, 'cliente.atalaya'))).toBe(true);
    expect(existsSync(join(ROOT, 'cliente.atalaya'))).toBe(false);
    writeFileSync(
      join(tmp.dir, 'export.csv'),
      'Fecha,Autor,Texto\n2026-11-20 10:00,@pepe,"Cliente me cobró dos veces"\n',
    );
    const imported = npmRun(['import', 'export.csv', '--workspace', 'cliente.atalaya', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1 });
  });
});
