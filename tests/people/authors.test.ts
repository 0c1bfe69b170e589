import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/workspace';
import type { AuthorsCommandRow } from '../../main/core/people/people-query';
import { POSTS } from './scenario';

type A = AuthorsCommandRow;

describe('people: angry customer vs agitator', () => {
  let tmp: TempDir;
  let authors: Map<string, A>;
  beforeAll(async () => {
    tmp = tempDir();
    const ws = tmp.path('people.atalaya');
    expect(
      (
        await cli([
          'workspace',
          'create',
          ws,
          '--brand',
          'Acme',
          '--keyword',
          'acme',
          '--handle',
          'twitter:@acme',
          '--timezone',
          'Europe/Madrid',
        ])
      ).code,
    ).toBe(0);
    writeFileSync(tmp.path('posts.jsonl'), POSTS.map((p) => JSON.stringify(p)).join('\n'));
    const imp = await cli([
      'import',
      tmp.path('posts.jsonl'),
      '--workspace',
      ws,
      '--format',
      'jsonl',
      '--channel',
      'twitter',
      '--map',
      'id=id,date=date,text=text,author=author,reply_to=reply_to',
      '--json',
    ]);
    expect(imp.code, imp.stderr).toBe(0);
    const r = await cli(['authors', '--workspace', ws, '--json']);
    expect(r.code, r.stderr).toBe(0);
    authors = new Map((JSON.parse(r.stdout) as { authors: A[] }).authors.map((a) => [a.handle, a]));
  });
  afterAll(() => tmp.cleanup());

  it('lists every author but the brand, in the contract shape', () => {
    expect(authors.has('acme')).toBe(false);
    for (const a of authors.values()) {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining(['channel', 'handle', 'label', 'score', 'reasons', 'posts']),
      );
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(1);
      expect(a.reasons.length).toBeGreaterThan(0);
    }
  });
  it('an order problem that calms after a reply is an angry customer', () => {
    expect(authors.get('ana')).toMatchObject({ label: 'angry_customer', posts: 3 });
    expect(authors.get('ana')?.reasons.join(' ')).toMatch(/concrete details|Calmed down/);
  });
  it('escalation after compensation is flagged', () => {
    expect(authors.get('eva')?.label).toBe('escalating');
    expect(authors.get('eva')?.reasons[0]).toMatch(/after compensation/);
  });
  it('repeated calls to action without a grievance make an agitator', () => {
    expect(authors.get('agi')?.label).toBe('agitator');
    expect(authors.get('agi')?.score).toBeGreaterThan(authors.get('ana')?.score ?? 1);
  });
  it('near-identical posts from three accounts within minutes are coordination', () => {
    for (const h of ['clon1', 'clon2', 'clon3']) {
      expect(authors.get(h)?.reasons.join(' '), h).toMatch(
        /same text \(or the same hashtags and links\) as 2 other accounts/,
      );
      expect(authors.get(h)?.label, h).toBe('agitator');
    }
  });
  it("another company's care account is not taken for an angry customer", () => {
    expect(authors.get('otrahelp')?.label).toBe('neutral');
    expect(authors.get('otrahelp')?.reasons[0]).toMatch(/customer-care account/);
  });
  it('a one-post author is not judged; a fan is a supporter', () => {
    expect(authors.get('once')?.label).toBe('insufficient_history');
    expect(authors.get('fan')?.label).toBe('supporter');
  });
});
