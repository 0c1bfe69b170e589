import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/workspace';

type A = {
  channel: string;
  handle: string;
  label: string;
  score: number;
  reasons: string[];
  posts: number;
};

const d = (day: number, hh: number, mm = 0) =>
  new Date(Date.UTC(2026, 2, day, hh, mm)).toISOString();
const POSTS = [
  // an angry customer with an order problem who calms down after the brand's reply
  {
    id: 'a1',
    date: d(2, 10),
    author: 'ana',
    text: '@acme mi pedido 44123 no ha llegado, llevo dos semanas esperando',
  },
  {
    id: 'a2',
    date: d(2, 12),
    author: 'ana',
    text: '@acme sigo esperando mi pedido 44123, nadie contesta, qué vergüenza',
  },
  {
    id: 'r1',
    date: d(2, 13),
    author: 'acme',
    text: 'Hola Ana, lo sentimos mucho, ya hemos localizado tu pedido y sale hoy',
    reply_to: 'a2',
  },
  {
    id: 'a3',
    date: d(3, 9),
    author: 'ana',
    text: '@acme ya me ha llegado el pedido, muchas gracias por la ayuda',
  },
  // a customer who escalates after getting compensation
  {
    id: 'e1',
    date: d(4, 10),
    author: 'eva',
    text: '@acme me cobrasteis 120 € dos veces en mi reserva 55555, fatal',
  },
  {
    id: 'e2',
    date: d(4, 11),
    author: 'eva',
    text: '@acme sigo sin el reembolso de mi reserva 55555, una vergüenza',
  },
  {
    id: 'r2',
    date: d(4, 12),
    author: 'acme',
    text: 'Eva, ya te hemos hecho el reembolso y te enviamos un cupón de descuento',
    reply_to: 'e2',
  },
  {
    id: 'e3',
    date: d(5, 10),
    author: 'eva',
    text: 'Boicot a @acme, no compréis nunca, difunde #AcmeTimo, son lo peor',
  },
  {
    id: 'e4',
    date: d(5, 18),
    author: 'eva',
    text: 'Todos a quejarse de @acme, son unos ladrones, comparte #AcmeTimo',
  },
  // an account campaigning with calls to action and no grievance of its own
  {
    id: 'g1',
    date: d(4, 9),
    author: 'agi',
    text: 'Boicot a @acme! No compréis nunca más, difunde #AcmeTimo',
  },
  {
    id: 'g2',
    date: d(4, 15),
    author: 'agi',
    text: 'Boicot a @acme! No compréis nunca más, difunde #AcmeTimo',
  },
  {
    id: 'g3',
    date: d(5, 9),
    author: 'agi',
    text: 'RT si odias a @acme, son unos estafadores, comparte #AcmeTimo',
  },
  {
    id: 'g4',
    date: d(6, 9),
    author: 'agi',
    text: 'Boicot a @acme! No compréis nunca más, difunde #AcmeTimo',
  },
  // three accounts posting the same text within minutes
  {
    id: 'c1',
    date: d(6, 20, 0),
    author: 'clon1',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo',
  },
  {
    id: 'c2',
    date: d(6, 20, 2),
    author: 'clon2',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo',
  },
  {
    id: 'c3',
    date: d(6, 20, 4),
    author: 'clon3',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo',
  },
  // a supporter and a one-post author
  { id: 's1', date: d(2, 9), author: 'fan', text: 'Me encanta @acme, siempre genial' },
  { id: 's2', date: d(3, 9), author: 'fan', text: 'Otra vez un viaje perfecto con @acme, gracias' },
  { id: 's3', date: d(5, 9), author: 'fan', text: 'Recomiendo @acme a todo el mundo, fantástico' },
  { id: 'o1', date: d(5, 11), author: 'once', text: '@acme hola, ¿abrís el domingo?' },
  // another company's care account answering people about their bookings
  {
    id: 'h1',
    date: d(2, 14),
    author: 'otrahelp',
    text: 'Sorry to hear that, please DM us your booking number 55123 ^JK',
    reply_to: 'a1',
  },
  {
    id: 'h2',
    date: d(4, 13),
    author: 'otrahelp',
    text: 'Lo sentimos, escríbenos por MD con tu reserva 55555 ^AL',
    reply_to: 'e1',
  },
  {
    id: 'h3',
    date: d(4, 16),
    author: 'otrahelp',
    text: 'We apologise for the delay, DM us and we will check your refund ^JK',
    reply_to: 'g1',
  },
];

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
      expect(authors.get(h)?.reasons.join(' '), h).toMatch(/same text as 2 other accounts/);
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
