import { MentionWriter } from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import type { Channel } from '../../main/core/model/channels';
import { analyseAuthors, analysePeople } from '../../main/core/people/authors';
import {
  getAuthorDetail,
  listGroups,
  listPeople,
  type PeopleFilter,
} from '../../main/core/people/people-query';

type Timer = (n: number, fn: (i: number) => void) => { p50: number; p95: number };

/**
 * The People figures: a full analysis pass, the list in the orders and filters the page
 * offers, author detail for random authors (and the most active one), the groups view, and
 * an incremental pass after a small import touching a few hundred authors.
 */
export function benchPeople(db: Db, timeIt: Timer, timezone: string) {
  const t0 = Date.now();
  const all = analyseAuthors(db, Date.now());
  const analyseSeconds = (Date.now() - t0) / 1000;
  const authors = (
    db.prepare('SELECT count(*) AS n FROM authors WHERE is_brand = 0 AND posts > 0').get() as {
      n: number;
    }
  ).n;
  const filters: PeopleFilter[] = [
    {},
    { label: 'angry_customer' },
    { sort: 'posts' },
    { sort: 'handle', dir: 'asc' },
    { sort: 'last' },
    { q: 'user12' },
    { channel: 'twitter' },
    { channel: 'reviews', label: 'supporter', sort: 'score' },
  ];
  // As the handlers answer: first the (here empty) check for changed authors, then the query.
  const list = timeIt(40, (i) => {
    analysePeople(db, Date.now());
    listPeople(db, filters[Math.abs(i) % filters.length] ?? {});
  });
  const ids = (
    db
      .prepare(
        'SELECT id FROM authors WHERE is_brand = 0 AND posts > 0 ORDER BY (id * 7919) % 10007 LIMIT 39',
      )
      .all() as Array<{ id: number }>
  ).map((r) => r.id);
  const busiest = (
    db.prepare('SELECT id FROM authors WHERE is_brand = 0 ORDER BY posts DESC LIMIT 1').get() as {
      id: number;
    }
  ).id;
  ids.push(busiest);
  const detail = timeIt(40, (i) => {
    analysePeople(db, Date.now());
    getAuthorDetail(db, ids[Math.abs(i) % ids.length] ?? busiest, timezone);
  });

  const groups = timeIt(20, () => listGroups(db, { limit: 100 }));

  // A poll-sized import: 300 new posts by existing authors and a few new ones.
  const existing = db
    .prepare(
      'SELECT channel, handle FROM authors WHERE is_brand = 0 ORDER BY (id * 31) % 9973 LIMIT 250',
    )
    .all() as Array<{ channel: Channel; handle: string }>;
  const now = Date.now();
  const writer = new MentionWriter(db, { batchId: null, sourceId: null, timezone, now });
  db.transaction(() =>
    writer.write(
      Array.from({ length: 300 }, (_, i) => {
        const a = existing[i % existing.length] ?? {
          channel: 'twitter' as Channel,
          handle: `new${i}`,
        };
        return {
          channel: i < 280 ? a.channel : ('twitter' as Channel),
          externalId: `bench-people-${i}`,
          postedAt: now - (300 - i) * 60_000,
          text: `@acme pedido ${40000 + i} sigue sin llegar, qué desastre #acmefail`,
          authorHandle: i < 280 ? a.handle : `newcomer${i}`,
        };
      }),
    ),
  )();
  const t1 = Date.now();
  const inc = analysePeople(db, Date.now());
  const incrementalSeconds = (Date.now() - t1) / 1000;
  return {
    authors,
    analyseSeconds,
    analysed: all.length,
    listP50Ms: list.p50,
    listP95Ms: list.p95,
    detailP50Ms: detail.p50,
    detailP95Ms: detail.p95,
    groupsP95Ms: groups.p95,
    groups: listGroups(db, { limit: 1 }).total,
    incremental: {
      newPosts: 300,
      full: inc.full,
      recomputed: inc.recomputed.length,
      seconds: incrementalSeconds,
    },
  };
}
