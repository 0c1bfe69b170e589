import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyHandle, naturalKeyOf } from '../../main/core/db/mention-key';
import type { MentionInput } from '../../main/core/model/mention';
import { itemsToMentions } from '../../main/core/sources/feeds/parse-feed';

const T = Date.UTC(2026, 2, 1, 10, 0, 0);
const TEXT = 'Boicot a Acme: no compréis nada hasta que devuelvan el dinero #BoicotAcme';

function row(over: Partial<MentionInput> = {}): MentionInput {
  return {
    channel: 'other',
    externalId: null,
    postedAt: T,
    text: TEXT,
    authorHandle: 'ana_r',
    ...over,
  };
}

describe('natural keys', () => {
  it('keep different authors posting the same text apart when there is no id and no link', () => {
    const keys = ['ana_r', 'luis88', 'marta', 'pepe_g', 'sol.v'].map((h) =>
      naturalKeyOf(row({ authorHandle: h })),
    );
    expect(new Set(keys).size).toBe(5);
    expect(keys[0]).toMatch(/^other:h:[\w-]{22}$/);
    // and one author posting it again a minute later is another post
    expect(naturalKeyOf(row({ postedAt: T + 60_000 }))).not.toBe(keys[0]);
    // no author at all still keys by text and time
    expect(naturalKeyOf(row({ authorHandle: null }))).not.toBe(keys[0]);
  });

  it('read the author as a trimmed, lower-case handle without "@" and the time to the second', () => {
    const k = naturalKeyOf(row());
    for (const h of ['@Ana_R', ' ANA_R ', '@@ana_r'])
      expect(naturalKeyOf(row({ authorHandle: h }))).toBe(k);
    expect(keyHandle(' @Ana_R ')).toBe('ana_r');
    // one export writes milliseconds, another whole seconds: the same post
    expect(naturalKeyOf(row({ postedAt: T + 999 }))).toBe(k);
    expect(naturalKeyOf(row({ postedAt: T + 1000 }))).not.toBe(k);
  });

  it('keep url + text (as stored before) when there is a link, and channel + id when there is an id', () => {
    const url = 'https://example.com/post/1';
    const before = `other:h:${createHash('sha1').update(`${url}\n${TEXT}`).digest('base64url').slice(0, 22)}`;
    expect(naturalKeyOf(row({ url }))).toBe(before);
    expect(naturalKeyOf(row({ url, authorHandle: 'luis88', postedAt: T + 5000 }))).toBe(before);
    expect(naturalKeyOf(row({ externalId: '123', url }))).toBe('other:123');
  });

  it('leave the time out for a feed item without guid, link or date: its time is the fetch time', () => {
    const item = {
      guid: null,
      link: null,
      title: 'Acme cierra tiendas',
      text: 'Acme cierra tres tiendas en Madrid',
      author: 'Redacción',
      publishedAt: null,
    };
    const first = itemsToMentions([item], 'news', T)[0] as MentionInput;
    const again = itemsToMentions([item], 'news', T + 3_600_000)[0] as MentionInput;
    expect(first.undated).toBe(true);
    expect(naturalKeyOf(again)).toBe(naturalKeyOf(first));
    // with a date the time counts
    const dated = itemsToMentions([{ ...item, publishedAt: T }], 'news', T + 5000)[0];
    expect(dated?.undated).toBeUndefined();
    expect(naturalKeyOf(dated as MentionInput)).not.toBe(naturalKeyOf(first));
  });
});
