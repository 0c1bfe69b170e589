import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/workspace';

describe('CLI workspace create / info', () => {
  let tmp: TempDir;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('creates a workspace and prints its profile as JSON', async () => {
    const file = tmp.path('w.atalaya');
    const created = await cli([
      'workspace',
      'create',
      file,
      '--brand',
      'Acme',
      '--keyword',
      'acme',
      '--keyword',
      'acmetravel',
      '--exclude',
      'acme corp',
      '--handle',
      'twitter:@acme',
      '--handle',
      'instagram:acme.es',
      '--timezone',
      'Europe/Madrid',
      '--hours',
      'mon-fri 09:00-18:00',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('');
    const info = await cli(['workspace', 'info', '--workspace', file, '--json']);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      brand: 'Acme',
      keywords: ['acme', 'acmetravel'],
      excludes: ['acme corp'],
      handles: [
        { channel: 'instagram', handle: 'acme.es' },
        { channel: 'twitter', handle: 'acme' },
      ],
      timezone: 'Europe/Madrid',
      hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
      counts: { mentions: 0 },
    });
  });

  it('defaults the timezone to the system one and refuses an existing file', async () => {
    const file = tmp.path('w.atalaya');
    expect((await cli(['workspace', 'create', file, '--brand', 'Acme'])).code).toBe(0);
    const info = JSON.parse(
      (await cli(['workspace', 'info', '--workspace', file, '--json'])).stdout,
    ) as { timezone: string };
    expect(info.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const again = await cli(['workspace', 'create', file, '--brand', 'Other']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('exits 1 with one line for a file that is not a workspace', async () => {
    const file = tmp.path('notes.txt');
    writeFileSync(file, 'just text');
    const r = await cli(['workspace', 'info', '--workspace', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      'notes.txt is not an Atalaya workspace (it is not an SQLite database)',
    );
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['workspace', 'info'])).code).toBe(2);
    expect((await cli(['workspace', 'create', tmp.path('x.atalaya')])).code).toBe(2); // no --brand
    expect(
      (
        await cli([
          'workspace',
          'create',
          tmp.path('x.atalaya'),
          '--brand',
          'A',
          '--hours',
          'whenever',
        ])
      ).code,
    ).toBe(2);
    expect(
      (
        await cli([
          'workspace',
          'create',
          tmp.path('x.atalaya'),
          '--brand',
          'A',
          '--timezone',
          'Mars/Base',
        ])
      ).code,
    ).toBe(2);
    expect(
      (
        await cli([
          'workspace',
          'create',
          tmp.path('x.atalaya'),
          '--brand',
          'A',
          '--handle',
          'acme',
        ])
      ).code,
    ).toBe(2);
    expect((await cli(['workspace', 'info', '--workspace', 'a', '--bogus'])).code).toBe(2);
  });
});

describe('CLI workspace backup / restore', () => {
  it('backs up a workspace consistently and restores it, keeping what it replaces', async () => {
    const { tempDir: mk } = await import('../helpers/workspace');
    const tmp = mk();
    try {
      const file = tmp.path('w.atalaya');
      expect((await cli(['workspace', 'create', file, '--brand', 'Acme'])).code).toBe(0);
      const b = await cli([
        'workspace',
        'backup',
        '--workspace',
        file,
        '--out',
        tmp.path('w.bak'),
        '--json',
      ]);
      expect(b.code, b.stderr).toBe(0);
      expect(
        (await cli(['workspace', 'backup', '--workspace', file, '--out', tmp.path('w.bak')])).code,
      ).toBe(1);
      expect(
        (await cli(['workspace', 'restore', '--from', tmp.path('w.bak'), '--to', file])).code,
      ).toBe(1);
      expect(
        (await cli(['workspace', 'restore', '--from', tmp.path('w.bak'), '--to', file, '--force']))
          .code,
      ).toBe(0);
      const info = JSON.parse(
        (await cli(['workspace', 'info', '--workspace', file, '--json'])).stdout,
      ) as { brand: string };
      expect(info.brand).toBe('Acme');
      const { existsSync, writeFileSync } = await import('node:fs');
      expect(existsSync(`${file}.before-restore`)).toBe(true);
      writeFileSync(tmp.path('junk.bak'), 'not a database');
      const bad = await cli([
        'workspace',
        'restore',
        '--from',
        tmp.path('junk.bak'),
        '--to',
        tmp.path('new.atalaya'),
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/not an Atalaya workspace/);
    } finally {
      tmp.cleanup();
    }
  });
});
