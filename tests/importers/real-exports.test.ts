import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/workspace';

const SHARED = resolve(__dirname, '../../../shared/data');
const EXPORTS = join(SHARED, 'exports');
const present = existsSync(EXPORTS);

/** The real public exports in ../shared (absent on a bare clone: then skipped). */
describe.skipIf(!present)('real exports through the CLI', () => {
  let tmp: TempDir;
  let ws: string;
  beforeAll(async () => {
    tmp = tempDir();
    ws = tmp.path('real.atalaya');
    expect(
      (await cli(['workspace', 'create', ws, '--brand', 'Real', '--handle', 'twitter:milahu104']))
        .code,
    ).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  const importJson = async (...args: string[]) => {
    const r = await cli(['import', ...args, '--workspace', ws, '--json']);
    return {
      code: r.code,
      stderr: r.stderr,
      json: JSON.parse(r.stdout || '{}') as {
        imported: number;
        duplicates: number;
        rejected: number;
        errors: Array<{ reason: string }>;
      },
    };
  };

  const cases: Array<[string, number]> = [
    ['x_twitter_archive_milahu104/data/tweets.js', 2045],
    ['twarc2_jsonl_twitter_api_v2/brexit.jsonl', 100],
    ['twarc2_jsonl_twitter_api_v2/flat.jsonl', 100],
    ['twarc2_jsonl_twitter_api_v2/two_tweets.jsonl', 1],
    ['mastodon_archive_dealingwith/outbox.json', 1260],
  ];

  it.each(cases)('%s imports %i mentions, and 0 the second time', async (file, expected) => {
    const first = await importJson(join(EXPORTS, file));
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.imported).toBe(expected);
    expect(first.json.rejected).toBe(0);
    const again = await importJson(join(EXPORTS, file));
    expect(again.json).toMatchObject({ imported: 0, duplicates: expected });
  });

  it('the whole X archive folder gives the same tweets (deleted and community tweets are not imported)', async () => {
    const r = await importJson(join(EXPORTS, 'x_twitter_archive_milahu104'));
    expect(r.json).toMatchObject({ imported: 0, duplicates: 2045 });
  });

  it('counts.jsonl and users.jsonl are refused as not posts (exit 1, one line)', async () => {
    for (const f of ['counts.jsonl', 'users.jsonl']) {
      const r = await importJson(join(EXPORTS, 'twarc2_jsonl_twitter_api_v2', f));
      expect(r.code, f).toBe(1);
      expect(r.stderr.trim().split('\n'), f).toHaveLength(1);
      expect(r.stderr, f).toMatch(/not posts/);
    }
  });

  it('the streaming file with a cut line imports its tweets and names the bad line', async () => {
    const r = await importJson(
      join(EXPORTS, 'twarc2_jsonl_twitter_api_v2/streaming_output_with_error.jsonl'),
    );
    expect(r.code).toBe(0);
    expect(r.json.imported + r.json.duplicates).toBe(7);
    expect(r.json.errors).toEqual([
      expect.objectContaining({ line: 8, reason: expect.stringMatching(/not valid JSON/) }),
    ]);
  });

  it('a CSV of real support tweets with quoted newlines imports with a column mapping', async () => {
    const csv = join(SHARED, 'support/twcs_random_sample_5000.csv');
    const r = await importJson(
      csv,
      '--format',
      'csv',
      '--map',
      'text=text,author=author_id,date=created_at,id=tweet_id,reply_to=in_response_to_tweet_id',
      '--channel',
      'twitter',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.imported).toBe(5000);
    expect(r.json.rejected).toBe(0);
  });
});
