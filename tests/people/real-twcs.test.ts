import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorsCommandRow } from '../../main/core/people/people-query';
import { cli } from '../helpers/cli';
import { TWCS_CSV as TWCS } from '../helpers/twcs';
import { tempDir, type TempDir } from '../helpers/workspace';

describe.skipIf(!existsSync(TWCS))('people on the real TWCS customer-support sample', () => {
  let tmp: TempDir;
  let authors: AuthorsCommandRow[];
  beforeAll(async () => {
    tmp = tempDir();
    const ws = tmp.path('twcs.atalaya');
    await cli([
      'workspace',
      'create',
      ws,
      '--brand',
      'Amazon',
      '--keyword',
      'amazon',
      '--timezone',
      'UTC',
    ]);
    expect((await cli(['import', TWCS, '--workspace', ws])).code).toBe(0);
    const r = await cli(['authors', '--workspace', ws, '--json']);
    authors = (JSON.parse(r.stdout) as { authors: AuthorsCommandRow[] }).authors;
  }, 60_000);
  afterAll(() => tmp?.cleanup());

  it("companies' care desks are neutral with that reason, never angry customers or agitators", () => {
    const desks = authors.filter((a) => a.posts >= 10);
    expect(desks.length).toBeGreaterThan(40); // AmazonHelp, AppleSupport, Delta, sainsburys…
    for (const a of desks) {
      expect(a.label, a.handle).toBe('neutral');
      expect(a.reasons[0], a.handle).toMatch(/customer-care account/);
    }
  });

  it('anonymised numeric @handles are not order numbers, and one-tweet customers are not judged', () => {
    // a care desk's replies all start with a numeric @handle: none is "concrete in N of N"
    for (const a of authors.filter((x) => x.posts >= 10))
      expect(a.reasons.join(' '), a.handle).not.toMatch(
        /concrete details of a personal case in (\d+) of \1 /,
      );
    const once = authors.filter((a) => a.posts < 3);
    expect(once.length).toBeGreaterThan(2000);
    expect(once.every((a) => a.label === 'insufficient_history')).toBe(true);
  });
});
