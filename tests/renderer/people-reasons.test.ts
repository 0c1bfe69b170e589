import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { judgeAuthor, type PostFacts } from '../../main/core/people/judge';
import { reasonText } from '../../renderer/src/features/people/reason-text';
import { resources } from '../../renderer/src/i18n/resources';

async function ui(lng: 'en' | 'es') {
  const i = i18next.createInstance();
  await i.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i;
}

const post = (i: number, text: string, extra: Partial<PostFacts> = {}): PostFacts => ({
  id: i,
  natural_key: `twitter:${i}`,
  posted_at: Date.UTC(2026, 10, 1 + i),
  text,
  sentiment: -1,
  complaint: 0,
  insult: 0,
  campaign: 0,
  reply_to_key: null,
  ...extra,
});
const who = { id: 1, channel: 'twitter', handle: 'x' };
/** The reasons People shows for these posts, in the core's English and in both UI languages. */
async function reasons(posts: PostFacts[]) {
  const [en, es] = await Promise.all([ui('en'), ui('es')]);
  const why = judgeAuthor(who, posts, new Map(), 0).why;
  return {
    core: why.map((r) => r.text),
    en: why.map((r) => reasonText(en, r)),
    es: why.map((r) => reasonText(es, r)),
  };
}

describe('People reasons agree with their numbers', () => {
  it('one post reads "1 post", not "1 post(s)"', async () => {
    const one = await reasons([post(1, 'Lola, mis zapatos se rompieron')]);
    expect(one.core[0]).toBe('Only 1 post: at least 3 are needed before judging an account');
    expect(one.en[0]).toBe(one.core[0]);
    expect(one.es[0]).toBe('Solo 1 publicación: hacen falta al menos 3 para juzgar una cuenta');
    const two = await reasons([post(1, 'zapatos rotos'), post(2, 'sigo esperando')]);
    expect(two.es[0]).toBe('Solo 2 publicaciones: hacen falta al menos 3 para juzgar una cuenta');
    expect(two.en[0]).toBe('Only 2 posts: at least 3 are needed before judging an account');
  });

  it('insults and repeated messages in the singular and the plural', async () => {
    const once = await reasons([
      post(1, 'sois unos inútiles', { insult: 1 }),
      post(2, 'boicot a Lola, difundid', { campaign: 1 }),
      post(3, 'boicot a Lola, difundid', { campaign: 1 }),
    ]);
    expect(once.core).toContain('Insults or swears in 1 post');
    expect(once.core).toContain('Repeats the same message 1 time');
    expect(once.es).toContain('Insulta o dice palabrotas en 1 publicación');
    expect(once.es).toContain('Repite el mismo mensaje 1 vez');
    expect(once.en).toContain('Insults or swears in 1 post');
    const twice = await reasons([
      post(1, 'sois unos inútiles', { insult: 1 }),
      post(2, 'inútiles, boicot a Lola, difundid', { insult: 1, campaign: 1 }),
      post(3, 'inútiles, boicot a Lola, difundid', { insult: 1, campaign: 1 }),
      post(4, 'inútiles, boicot a Lola, difundid', { insult: 1, campaign: 1 }),
    ]);
    expect(twice.es).toContain('Insulta o dice palabrotas en 4 publicaciones');
    expect(twice.es).toContain('Repite el mismo mensaje 2 veces');
    expect(twice.en).toContain('Repeats the same message 2 times');
  });
});
