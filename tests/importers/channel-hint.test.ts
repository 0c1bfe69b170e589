import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../main/core/api/contract';
import { callMethod } from '../../main/core/api/router';
import type { Channel } from '../../main/core/model/channels';
import { openImport, type OpenImportOptions } from '../../main/core/sources/importers';
import { channelHint } from '../../main/core/sources/importers/channel-hint';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const FIX = join(__dirname, '../fixtures/importers');

async function channels(file: string, opts: OpenImportOptions = {}): Promise<Channel[]> {
  const opened = await openImport(join(FIX, file), opts);
  const out: Channel[] = [];
  for await (const r of opened.rows) if (r.ok) out.push(r.mention.channel);
  return out;
}

describe('a generic file of tweets imports as X (Twitter), not other', () => {
  let env: ReturnType<typeof workspaceDeps> | undefined;
  afterEach(() => env?.cleanup());

  it('tweet-only columns (tweet_id, screen_name, retweet_count…) make every row twitter', async () => {
    expect(await channels('tweets-scraped.csv')).toEqual(['twitter', 'twitter', 'twitter']);
    // a tweet whose link is a YouTube video is still a tweet
    expect(await channels('tweets-with-links.csv')).toEqual(['twitter', 'twitter']);
  });

  it('links to x.com / twitter.com in the url column do too, with no tweet columns', async () => {
    // the row with no link stays other: nothing of its own says X
    expect(await channels('tweet-links.csv')).toEqual(['twitter', 'twitter', 'twitter', 'other']);
  });

  it('the user can still override it, and a channel column still wins row by row', async () => {
    expect(await channels('tweets-scraped.csv', { channel: 'forum' })).toEqual([
      'forum',
      'forum',
      'forum',
    ]);
    // links to three places (x.com, facebook.com, a blog): each row takes its own link's
    // network; the blog post stays other; the row that names facebook keeps it
    expect(await channels('mixed-links.csv')).toEqual(['twitter', 'facebook', 'other']);
    // a generic file with neither sign stays other
    expect(new Set(await channels('spanish-semicolon.csv'))).toEqual(new Set(['other']));
  });

  it('the same post gets the same channel in every export, so overlapping exports add nothing twice', async () => {
    // week 2 repeats two of week 1's tweets beside news links: half its links are x.com, so
    // a file-wide share would have keyed the repeated tweets other:l2 / other:l3
    expect(await channels('tweet-links-week2.csv')).toEqual([
      'twitter',
      'twitter',
      'other',
      'other',
    ]);
    env = workspaceDeps(PROFILE);
    for (const file of ['tweet-links.csv', 'tweet-links-week2.csv', 'tweet-links-week2.csv']) {
      const fileToken = env.deps.files.register(join(FIX, file)).token;
      expect(await callMethod(env.deps, 'sources.import', { fileToken })).toMatchObject({
        ok: true,
      });
    }
    expect(
      env.db
        .prepare('SELECT channel, count(*) AS n FROM mentions GROUP BY channel ORDER BY channel')
        .all(),
    ).toEqual([
      // week 1's l4 has no link; week 2 adds two news posts and nothing twice
      { channel: 'other', n: 3 },
      { channel: 'twitter', n: 3 },
    ]);
  });

  it("a channel column that names channels decides alone: what it does not know stays other, not the hint's", async () => {
    // a monitoring export: Source Type names Twitter on one row, the Retweets column is tweet-only,
    // but the news and podcast rows are not tweets
    expect(await channels('monitoring-export.csv')).toEqual(['other', 'twitter', 'other']);
    // a tweet's `source` (the client app) names no channel: the tweet columns still set twitter
    expect(await channels('tweets-with-source.csv')).toEqual(['twitter', 'twitter']);
  });

  it('says why: the columns or the links', () => {
    expect(channelHint(['id', 'text', 'likes', 'date'], [])).toBeNull();
    expect(channelHint(['Tweet Id', 'Texto', 'user.screen_name'], [])).toEqual({
      channel: 'twitter',
      from: 'columns',
      columns: ['Tweet Id', 'user.screen_name'],
    });
    const links = [
      'https://www.instagram.com/p/1',
      'https://instagram.com/p/2',
      'https://www.instagram.com/p/3',
      'https://www.instagram.com/p/4',
      'https://news.example/5',
      '',
    ];
    expect(channelHint(['url', 'text'], links)).toEqual({
      channel: 'instagram',
      from: 'urls',
      domain: 'instagram.com',
      matching: 4,
      sampled: 5,
    });
    // a look-alike host is not the network
    expect(channelHint(['url'], ['https://notx.com/a', 'https://x.com.evil.example/b'])).toBeNull();
  });

  it('the mapping preview suggests the channel; an import through the API stores it', async () => {
    env = workspaceDeps(PROFILE);
    const token = env.deps.files.register(join(FIX, 'tweets-scraped.csv')).token;
    const preview = await callMethod(env.deps, 'sources.preview', { fileToken: token });
    expect(preview.ok).toBe(true);
    const value = (preview as { value: ImportPreview }).value;
    expect(value.channel).toEqual({
      channel: 'twitter',
      from: 'columns',
      columns: [
        'tweet_id',
        'screen_name',
        'retweet_count',
        'favorite_count',
        'in_reply_to_status_id',
      ],
    });
    const imported = await callMethod(env.deps, 'sources.import', { fileToken: token });
    expect(imported).toMatchObject({ ok: true });
    const stored = env.db
      .prepare('SELECT channel, count(*) AS n FROM mentions GROUP BY channel')
      .all();
    expect(stored).toEqual([{ channel: 'twitter', n: 3 }]);
    const again = env.deps.files.register(join(FIX, 'tweet-links.csv')).token;
    await callMethod(env.deps, 'sources.import', { fileToken: again, channel: 'news' });
    expect(
      env.db.prepare("SELECT count(*) AS n FROM mentions WHERE channel = 'news'").get(),
    ).toEqual({ n: 4 });
  });
});
