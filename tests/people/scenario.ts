import { writeFileSync } from 'node:fs';
import { callMethod } from '../../main/core/api/router';
import type { workspaceDeps } from '../helpers/workspace';

/**
 * A small multi-day workspace of Acme (@acme on X) with one author per situation the
 * People analysis must tell apart. Ids are tweet ids; `reply_to` links brand replies.
 */
/** An ISO time on a day of March 2026 (UTC). */
export const at = (day: number, hh: number, mm = 0) =>
  new Date(Date.UTC(2026, 2, day, hh, mm)).toISOString();
export interface Post {
  id: string;
  date: string;
  author: string;
  text: string;
  reply_to?: string;
}

export const POSTS: Post[] = [
  // an angry customer with an order problem who calms down after the brand's reply
  {
    id: 'a1',
    date: at(2, 10),
    author: 'ana',
    text: '@acme mi pedido 44123 no ha llegado, llevo dos semanas esperando',
  },
  {
    id: 'a2',
    date: at(2, 12),
    author: 'ana',
    text: '@acme sigo esperando mi pedido 44123, nadie contesta, qué vergüenza',
  },
  {
    id: 'r1',
    date: at(2, 13),
    author: 'acme',
    text: 'Hola Ana, lo sentimos mucho, ya hemos localizado tu pedido y sale hoy',
    reply_to: 'a2',
  },
  {
    id: 'a3',
    date: at(3, 9),
    author: 'ana',
    text: '@acme ya me ha llegado el pedido, muchas gracias por la ayuda',
  },
  // a customer who escalates after getting compensation
  {
    id: 'e1',
    date: at(4, 10),
    author: 'eva',
    text: '@acme me cobrasteis 120 € dos veces en mi reserva 55555, fatal',
  },
  {
    id: 'e2',
    date: at(4, 11),
    author: 'eva',
    text: '@acme sigo sin el reembolso de mi reserva 55555, una vergüenza',
  },
  {
    id: 'r2',
    date: at(4, 12),
    author: 'acme',
    text: 'Eva, ya te hemos hecho el reembolso y te enviamos un cupón de descuento',
    reply_to: 'e2',
  },
  {
    id: 'e3',
    date: at(5, 10),
    author: 'eva',
    text: 'Boicot a @acme, no compréis nunca, difunde #AcmeTimo, son lo peor',
  },
  {
    id: 'e4',
    date: at(5, 18),
    author: 'eva',
    text: 'Todos a quejarse de @acme, son unos ladrones, comparte #AcmeTimo',
  },
  // an account campaigning with calls to action and no grievance of its own
  {
    id: 'g1',
    date: at(4, 9),
    author: 'agi',
    text: 'Boicot a @acme! No compréis nunca más, difunde #AcmeTimo',
  },
  {
    id: 'g2',
    date: at(4, 15),
    author: 'agi',
    text: 'Boicot a @acme! No compréis nunca más, difunde #AcmeTimo',
  },
  {
    id: 'g3',
    date: at(5, 9),
    author: 'agi',
    text: 'RT si odias a @acme, son unos estafadores, comparte #AcmeTimo',
  },
  {
    id: 'g4',
    date: at(6, 9),
    author: 'agi',
    text: 'Boicot a @acme! No compréis nunca más, difunde #AcmeTimo',
  },
  // three accounts posting the same text within minutes
  {
    id: 'c1',
    date: at(6, 20, 0),
    author: 'clon1',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo',
  },
  {
    id: 'c2',
    date: at(6, 20, 2),
    author: 'clon2',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo',
  },
  {
    id: 'c3',
    date: at(6, 20, 4),
    author: 'clon3',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo',
  },
  // a supporter and a one-post author
  { id: 's1', date: at(2, 9), author: 'fan', text: 'Me encanta @acme, siempre genial' },
  {
    id: 's2',
    date: at(3, 9),
    author: 'fan',
    text: 'Otra vez un viaje perfecto con @acme, gracias',
  },
  { id: 's3', date: at(5, 9), author: 'fan', text: 'Recomiendo @acme a todo el mundo, fantástico' },
  { id: 'o1', date: at(5, 11), author: 'once', text: '@acme hola, ¿abrís el domingo?' },
  // another company's care account answering people about their bookings
  {
    id: 'h1',
    date: at(2, 14),
    author: 'otrahelp',
    text: 'Sorry to hear that, please DM us your booking number 55123 ^JK',
    reply_to: 'a1',
  },
  {
    id: 'h2',
    date: at(4, 13),
    author: 'otrahelp',
    text: 'Lo sentimos, escríbenos por MD con tu reserva 55555 ^AL',
    reply_to: 'e1',
  },
  {
    id: 'h3',
    date: at(4, 16),
    author: 'otrahelp',
    text: 'We apologise for the delay, DM us and we will check your refund ^JK',
    reply_to: 'g1',
  },
];

export const MAP = { id: 'id', date: 'date', text: 'text', author: 'author', reply_to: 'reply_to' };

/** Imports posts through the real import handler, as the UI does. Returns the batch id. */
export async function importPosts(
  env: ReturnType<typeof workspaceDeps>,
  posts: Post[],
): Promise<number> {
  const path = env.tmp.path(`posts-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, posts.map((p) => JSON.stringify(p)).join('\n'));
  const f = env.deps.files.register(path);
  const r = await callMethod(env.deps, 'sources.import', {
    fileToken: f.token,
    format: 'jsonl',
    channel: 'twitter',
    map: MAP,
  });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { files: Array<{ batchId: number }> }).files[0]?.batchId ?? 0;
}
