import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ES = {
  neg: [
    'llevo tres semanas esperando mi pedido {n} y nadie me contesta',
    'me habéis cobrado dos veces la reserva, quiero el reembolso ya',
    'vaya servicio de atención al cliente, una hora al teléfono para nada',
    'el producto llegó roto y no me dejan devolverlo',
    'otra vez retraso en la entrega, esto es un timo',
    'cancelaron mi vuelo sin avisar y no devuelven el dinero',
    'no funciona la app desde ayer, no puedo acceder a mi cuenta',
  ],
  pos: [
    'muchas gracias por la ayuda, todo resuelto en un momento',
    'me encanta el nuevo servicio, rapidísimo',
    'pedido recibido antes de tiempo, genial',
    'atención de diez, así da gusto',
  ],
  neu: [
    '¿alguien sabe a qué hora abre la tienda del centro?',
    'hoy presentan la nueva colección en Madrid',
    'comparando precios para el viaje de verano',
    'leyendo las condiciones de la oferta de {n} euros',
  ],
  tags: ['#timo', '#fail', '#atencionalcliente', '#ofertas', '#viajes', '#boicot', '#gracias'],
};
const EN = {
  neg: [
    'still waiting for my order {n}, nobody answers my emails',
    'you charged me twice for the booking, I want a refund now',
    'worst customer service ever, an hour on hold for nothing',
    'the item arrived broken and returns are impossible',
    'delivery delayed again, this is a scam',
    'flight cancelled without notice and no refund',
    'the app has not worked since yesterday, cannot log in',
  ],
  pos: [
    'thanks a lot for the quick help, all sorted',
    'love the new service, super fast',
    'order arrived early, great job',
    'amazing support team, well done',
  ],
  neu: [
    'does anyone know when the downtown store opens?',
    'new collection launching today in London',
    'comparing prices for the summer trip',
    'reading the terms of the {n} pound offer',
  ],
  tags: ['#fail', '#customerservice', '#deals', '#travel', '#boycott', '#thanks', '#scam'],
};

const CHANNELS = [
  'twitter',
  'twitter',
  'twitter',
  'facebook',
  'instagram',
  'reviews',
  'reddit',
  'news',
];
const BRAND = ['@acme', 'Acme', 'acme', '#acme'];

export interface CorpusOptions {
  size: number;
  authors?: number;
  seed?: number;
  startMs?: number;
  days?: number;
}

/** One generated mention, in the generic JSONL shape (`--format jsonl`, default mapping). */
export interface CorpusRow {
  id: string;
  date: string;
  text: string;
  author: string;
  channel: string;
  likes: number;
  followers: number;
}

/**
 * A deterministic corpus: mixed Spanish/English posts of realistic length with hashtags,
 * authors drawn from a skewed (Zipf-like) distribution, and timestamps over two years that
 * follow a daily and weekly rhythm. Yields rows in time order, as exports usually are.
 */
export function* generateCorpus(o: CorpusOptions): Generator<CorpusRow> {
  const r = rng(o.seed ?? 42);
  const authors = o.authors ?? Math.max(100, Math.round(o.size / 10));
  const start = o.startMs ?? Date.UTC(2024, 0, 1);
  const span = (o.days ?? 730) * 86_400_000;
  const step = span / o.size;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  for (let i = 0; i < o.size; i++) {
    // Daily rhythm: shift a uniform slot towards daytime hours by rejection-free warping.
    const base = start + i * step;
    const jitter = (r() - 0.5) * step;
    const t = Math.floor(base + jitter);
    const es = r() < 0.55;
    const lex = es ? ES : EN;
    const roll = r();
    const kind = roll < 0.35 ? lex.neg : roll < 0.6 ? lex.pos : lex.neu;
    let text = `${pick(BRAND)} ${pick(kind).replace('{n}', String(10000 + Math.floor(r() * 90000)))}`;
    if (r() < 0.4) text += ` ${pick(lex.tags)}`;
    if (r() < 0.15) text += ` ${pick(lex.tags)}`;
    if (r() < 0.2) text += ' 😡';
    else if (r() < 0.1) text += ' 😍';
    // Zipf-like author choice: a few very active accounts, a long tail of one-off posters.
    const a = Math.floor(Math.pow(r(), 2.5) * authors);
    // Each account has a home channel (its handle lives there); one post in ten is elsewhere.
    const channel = r() < 0.9 ? (CHANNELS[a % CHANNELS.length] as string) : pick(CHANNELS);
    yield {
      id: `m${i}`,
      date: new Date(t).toISOString(),
      text,
      author: `user${a}`,
      channel,
      likes: Math.floor(Math.pow(r(), 4) * 500),
      followers: Math.floor(Math.pow(r(), 3) * 100_000),
    };
  }
}

/** Writes the corpus as JSONL and returns the byte size. */
export async function writeCorpusJsonl(path: string, o: CorpusOptions): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let buf = '';
  for (const row of generateCorpus(o)) {
    buf += `${JSON.stringify(row)}\n`;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await once(out, 'finish');
  return bytes;
}

/** The same rows as CSV for the peers (sqlite3 .import, sqlite-utils insert). */
export async function writeCorpusCsv(path: string, o: CorpusOptions): Promise<void> {
  const out = createWriteStream(path);
  const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  let buf = 'id,date,text,author,channel,likes,followers\n';
  for (const row of generateCorpus(o)) {
    buf += `${row.id},${row.date},${q(row.text)},${row.author},${row.channel},${row.likes},${row.followers}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
