import { describe, expect, it } from 'vitest';
import { linkFromHash, mentionsHref } from '../../renderer/src/features/mentions/mention-link';
import { toCsv } from '../../renderer/src/shared/export';

describe('links from figures to the Mentions page', () => {
  it('round-trip every filter through the address', () => {
    const f = {
      q: 'reembolso ya',
      fromDay: '2026-02-23',
      toDay: '2026-03-01',
      channels: ['twitter' as const, 'reviews' as const],
      sentiment: -1 as const,
      complaint: true,
      topic: 'refund_billing',
      lang: 'es',
      authorLabel: 'agitator' as const,
      unanswered: true,
      stars: 1,
    };
    expect(linkFromHash(mentionsHref(f))).toEqual(f);
  });
  it('drop what is unknown or malformed', () => {
    expect(
      linkFromHash(
        '#/mentions?sentiment=2&fromDay=yesterday&channels=myspace,twitter&stars=9&authorLabel=boss&topic=DROP%20TABLE',
      ),
    ).toEqual({ channels: ['twitter'] });
    expect(linkFromHash('#/mentions')).toEqual({});
  });
});

describe('CSV export', () => {
  it('quotes separators and quotes, blanks nulls and defuses formulas', () => {
    expect(
      toCsv([
        { a: 'x,y', b: 'say "hi"', c: null },
        { a: '=SUM(A1)', d: 3 },
      ]),
    ).toBe('a,b,c,d\r\n"x,y","say ""hi""",,\r\n\'=SUM(A1),,,3\r\n');
  });
});
