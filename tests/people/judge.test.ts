import { describe, expect, it } from 'vitest';
import { judgeAuthor, type PostFacts } from '../../main/core/people/judge';

const post = (i: number, text: string, extra: Partial<PostFacts> = {}): PostFacts => ({
  id: i,
  natural_key: `twitter:${i}`,
  posted_at: Date.UTC(2017, 9, 1 + i),
  text,
  sentiment: -1,
  complaint: 0,
  insult: 0,
  campaign: 0,
  reply_to_key: null,
  ...extra,
});
const who = { id: 1, channel: 'twitter', handle: 'x' };

describe('judgeAuthor on real-data shapes (TWCS)', () => {
  it('anonymised numeric @handles are not order numbers', () => {
    const v = judgeAuthor(
      who,
      [
        post(1, '@115712 this is awful, nobody helps'),
        post(2, '@115712 still awful and slow'),
        post(3, '@115712 worst service ever'),
      ],
      new Map(),
      0,
    );
    expect(v.features.concreteness).toBe(0);
    expect(v.why[0]?.key).toBe('angryVague');
  });

  it('an account replying to many different people is a care account, not an angry customer', () => {
    const posts = [1, 2, 3, 4, 5, 6].map((i) =>
      post(i, `@${100 + i} that is not the experience we want for you, let us look into it`, {
        reply_to_key: `twitter:${900 + i}`,
      }),
    );
    const v = judgeAuthor(who, posts, new Map(), 0);
    expect(v.label).toBe('neutral');
    expect(v.why[0]).toMatchObject({ key: 'careMany', params: { k: 6, n: 6, people: 6 } });
    // the same replies all to one account are not a care desk's
    const one = posts.map((p) => ({ ...p, text: p.text.replace(/^@\d+/, '@acme') }));
    expect(judgeAuthor(who, one, new Map(), 0).label).not.toBe('neutral');
  });
});
