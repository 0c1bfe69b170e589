import type { Db } from '../db/workspace-file';
import { authorKey } from './author-key';
import type { AuthorFeatures, Reason } from './judge';

/**
 * The stored reasons: objects with a translation key since schema 4; plain sentences in
 * rows analysed before (re-analysed on the first run, but read safely meanwhile).
 */
export function parseReasons(json: string | null): { reasons: string[]; why: Reason[] } {
  const list = json ? (JSON.parse(json) as Array<Reason | string>) : [];
  const why = list.map((r) => (typeof r === 'string' ? { key: '', params: {}, text: r } : r));
  return { reasons: why.map((r) => r.text), why };
}

/** One row of the People list. */
export interface PersonRow {
  id: number;
  channel: string;
  handle: string;
  name: string | null;
  label: string;
  score: number;
  reasons: string[];
  why: Reason[];
  posts: number;
  lastSeenAt: number | null;
  overridden: boolean;
}

export type PeopleSort = 'rank' | 'score' | 'posts' | 'handle' | 'last';

export interface PeopleFilter {
  label?: string;
  channel?: string;
  /** Start of the handle (without "@"), case-insensitive. */
  q?: string;
  sort?: PeopleSort;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/**
 * Every sort order has a partial index over the people rows (`is_brand = 0 AND posts > 0`),
 * so a page of 200 out of 100k+ authors is read in index order instead of sorted.
 */
const ORDER: Record<PeopleSort, (dir: 'ASC' | 'DESC') => string> = {
  rank: () => "(label = 'insufficient_history'), score DESC, posts DESC",
  score: (d) => `score ${d}, posts ${d}`,
  posts: (d) => `posts ${d}, score ${d}`,
  handle: (d) => `handle ${d}`,
  last: (d) => `last_seen_at ${d}`,
};

const PEOPLE = 'is_brand = 0 AND posts > 0';

/** The People list page: matching rows, counts per label and per channel, the total. */
export function listPeople(
  db: Db,
  f: PeopleFilter,
): {
  items: PersonRow[];
  counts: Record<string, number>;
  channels: Record<string, number>;
  total: number;
} {
  const where: string[] = [PEOPLE];
  const args: unknown[] = [];
  if (f.channel) {
    where.push('channel = ?');
    args.push(f.channel);
  }
  if (f.q) {
    // A prefix range on the NOCASE handle uses the index, unlike LIKE '%q%'.
    where.push('handle >= ? AND handle < ?');
    const q = f.q.replace(/^@+/, '');
    args.push(q, `${q}\u{10ffff}`);
  }
  const base = where.join(' AND ');
  const withLabel = f.label ? `${base} AND label = ?` : base;
  const labelArgs = f.label ? [...args, f.label] : args;
  const dir = f.dir === 'asc' ? 'ASC' : 'DESC';
  // Within one label the default order is by score: said so, the (label, score) index serves it.
  const order =
    f.label && (f.sort ?? 'rank') === 'rank' ? ORDER.score('DESC') : ORDER[f.sort ?? 'rank'](dir);
  const rows = db
    .prepare(
      `SELECT id, channel, handle, name, label, score, reasons, posts, last_seen_at AS lastSeenAt FROM authors
       WHERE ${withLabel} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...labelArgs, f.limit ?? 200, f.offset ?? 0) as Array<
    Omit<PersonRow, 'reasons' | 'why' | 'overridden'> & { reasons: string | null }
  >;
  const counts = Object.fromEntries(
    (
      db
        .prepare(`SELECT label, count(*) AS n FROM authors WHERE ${base} GROUP BY label`)
        .all(...args) as Array<{
        label: string | null;
        n: number;
      }>
    ).map((r) => [r.label ?? 'insufficient_history', r.n]),
  );
  // People per channel, whatever the other filters: the channel menu's counts.
  const channels = Object.fromEntries(
    (
      db
        .prepare(`SELECT channel, count(*) AS n FROM authors WHERE ${PEOPLE} GROUP BY channel`)
        .all() as Array<{ channel: string; n: number }>
    ).map((r) => [r.channel, r.n]),
  );
  const total = f.label ? (counts[f.label] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  const overridden = overriddenKeys(db);
  return {
    items: rows.map((r) => ({
      ...r,
      score: r.score ?? 0,
      label: r.label ?? 'insufficient_history',
      ...parseReasons(r.reasons),
      overridden: overridden.has(authorKey(r.channel, r.handle)),
    })),
    counts,
    channels,
    total,
  };
}

function overriddenKeys(db: Db): Set<string> {
  return new Set(
    (
      db
        .prepare(
          "SELECT target_key AS k FROM overrides WHERE target_kind = 'author' AND field = 'label'",
        )
        .all() as Array<{ k: string }>
    ).map((r) => r.k),
  );
}

/** One post on an author's timeline, with the brand's first reply to it. */
export interface TimelinePost {
  id: number;
  postedAt: number;
  text: string;
  url: string | null;
  sentiment: number | null;
  complaint: boolean;
  insult: boolean;
  campaign: boolean;
  evidence: boolean;
  reply: { id: number; postedAt: number; text: string; handle: string | null } | null;
}

export interface LabelChange {
  at: number;
  label: string;
  score: number;
  byUser: boolean;
  dataUntil: number | null;
}

export interface GroupSummary {
  id: number;
  kind: 'text' | 'tags';
  firstAt: number;
  lastAt: number;
  posts: number;
  /** Separate bursts of the same text or hashtag set (each within minutes). */
  bursts: number;
  text: string;
  shared: string[];
  members: Array<{ id: number; channel: string; handle: string; label: string | null }>;
}

/** One local day of an author's timeline: their posts by tone and the brand's replies. */
export interface TimelineDay {
  day: string;
  negative: number;
  neutral: number;
  positive: number;
  brandReplies: number;
}

export interface AuthorDetail {
  person: PersonRow & {
    firstSeenAt: number | null;
    followers: number | null;
    accountCreatedAt: number | null;
    analysedAt: number | null;
  };
  features: AuthorFeatures | null;
  /** Oldest first; the newest `limit` posts when the author has more. */
  posts: TimelinePost[];
  postsShown: number;
  /** Per local day (workspace time zone) over the posts shown. */
  series: TimelineDay[];
  history: LabelChange[];
  groups: GroupSummary[];
}

/** Everything the author panel shows, or null when there is no such author. */
export function getAuthorDetail(
  db: Db,
  id: number,
  timezone: string,
  limit = 300,
): AuthorDetail | null {
  const a = db
    .prepare(
      `SELECT id, channel, handle, name, label, score, reasons, posts, last_seen_at AS lastSeenAt, first_seen_at AS firstSeenAt,
         followers, account_created_at AS accountCreatedAt, analysed_at AS analysedAt, features, evidence, is_brand AS isBrand
       FROM authors WHERE id = ?`,
    )
    .get(id) as
    | (Omit<AuthorDetail['person'], 'reasons' | 'why' | 'overridden'> & {
        reasons: string | null;
        features: string | null;
        evidence: string | null;
        isBrand: number;
      })
    | undefined;
  if (!a || a.isBrand) return null;
  const evidence = new Set(a.evidence ? (JSON.parse(a.evidence) as number[]) : []);
  const rows = db
    .prepare(
      `SELECT * FROM (SELECT m.id, m.posted_at AS postedAt, m.text, m.url, m.sentiment, m.complaint, m.insult, m.campaign,
          r.id AS rid, r.posted_at AS rat, r.text AS rtext, ra.handle AS rhandle
        FROM mentions m
        LEFT JOIN mentions r ON r.id = (SELECT x.id FROM mentions x WHERE x.reply_to_key = m.natural_key AND x.is_brand = 1
          ORDER BY x.posted_at LIMIT 1)
        LEFT JOIN authors ra ON ra.id = r.author_id
        WHERE m.author_id = ? AND m.is_brand = 0 ORDER BY m.id DESC LIMIT ?) ORDER BY id`,
    )
    .all(id, limit) as Array<{
    id: number;
    postedAt: number;
    text: string;
    url: string | null;
    sentiment: number | null;
    complaint: number | null;
    insult: number | null;
    campaign: number | null;
    rid: number | null;
    rat: number | null;
    rtext: string | null;
    rhandle: string | null;
  }>;
  const history = (
    db
      .prepare(
        'SELECT at, label, score, by_user AS byUser, data_until AS dataUntil FROM author_label_history WHERE author_id = ? ORDER BY at',
      )
      .all(id) as Array<Omit<LabelChange, 'byUser'> & { byUser: number }>
  ).map((h) => ({ ...h, byUser: h.byUser === 1 }));
  const { features, evidence: _e, isBrand: _b, ...person } = a;
  const posts = rows.map((r) => ({
    id: r.id,
    postedAt: r.postedAt,
    text: r.text,
    url: r.url,
    sentiment: r.sentiment,
    complaint: r.complaint === 1,
    insult: r.insult === 1,
    campaign: r.campaign === 1,
    evidence: evidence.has(r.id),
    reply:
      r.rid !== null
        ? { id: r.rid, postedAt: r.rat ?? 0, text: r.rtext ?? '', handle: r.rhandle }
        : null,
  }));
  return {
    person: {
      ...person,
      label: person.label ?? 'insufficient_history',
      score: person.score ?? 0,
      ...parseReasons(a.reasons),
      overridden: overriddenKeys(db).has(authorKey(a.channel, a.handle)),
    },
    features: features ? (JSON.parse(features) as AuthorFeatures) : null,
    posts,
    postsShown: rows.length,
    series: dailySeries(posts, timezone),
    history,
    groups: listGroups(db, { authorId: id, limit: 20 }).items,
  };
}

/** Coordinated groups, newest first (optionally only those an author belongs to). */
export function listGroups(
  db: Db,
  f: { authorId?: number; limit?: number },
): { items: GroupSummary[]; total: number } {
  // A post of a "same text" group shares its hashtags too: the "same hashtags" group of the
  // very same posts is not shown twice.
  const conds = [
    `NOT (g.kind = 'tags' AND NOT EXISTS (SELECT 1 FROM coordination_members c WHERE c.group_id = g.id
       AND NOT EXISTS (SELECT 1 FROM coordination_members t JOIN coordination_groups tg ON tg.id = t.group_id
         WHERE t.mention_id = c.mention_id AND tg.kind = 'text')))`,
    ...(f.authorId
      ? ['g.id IN (SELECT group_id FROM coordination_members WHERE author_id = ?)']
      : []),
  ];
  const where = `WHERE ${conds.join(' AND ')}`;
  const args = f.authorId ? [f.authorId] : [];
  // The bursts of one text or hashtag set are one campaign: shown once, with all its accounts.
  const groups = db
    .prepare(
      `SELECT x.*, g.shared, m.text FROM (
         SELECT min(g.id) AS id, g.kind, g.key, min(g.first_at) AS firstAt, max(g.last_at) AS lastAt,
           sum(g.posts) AS posts, count(*) AS bursts
         FROM coordination_groups g ${where} GROUP BY g.kind, g.key) x
       JOIN coordination_groups g ON g.id = x.id LEFT JOIN mentions m ON m.id = g.sample_mention_id
       ORDER BY x.lastAt DESC, x.id LIMIT ?`,
    )
    .all(...args, f.limit ?? 100) as Array<
    Omit<GroupSummary, 'members' | 'shared' | 'text'> & {
      key: number;
      shared: string;
      text: string | null;
    }
  >;
  const total = (
    db
      .prepare(`SELECT count(DISTINCT g.kind || g.key) AS n FROM coordination_groups g ${where}`)
      .get(...args) as { n: number }
  ).n;
  const members = db.prepare(
    `SELECT a.id, a.channel, a.handle, a.label FROM coordination_groups g
       JOIN coordination_members c ON c.group_id = g.id JOIN authors a ON a.id = c.author_id
     WHERE g.kind = ? AND g.key = ? GROUP BY a.id ORDER BY min(c.posted_at)`,
  );
  return {
    items: groups.map(({ key, ...g }) => ({
      ...g,
      text: g.text ?? '',
      shared: JSON.parse(g.shared) as string[],
      members: members.all(g.kind, key) as GroupSummary['members'],
    })),
    total,
  };
}

/** One author as the `authors` command prints it (the CLI contract). */
export interface AuthorsCommandRow {
  channel: string;
  handle: string;
  label: string;
  score: number;
  reasons: string[];
  posts: number;
  evidence: number[];
  overridden: boolean;
}

/** Every author as the `authors` command prints them, in the list's default order. */
export function listAllPeople(db: Db): AuthorsCommandRow[] {
  const overridden = overriddenKeys(db);
  return (
    db
      .prepare(
        `SELECT channel, handle, label, score, reasons, posts, evidence FROM authors WHERE ${PEOPLE}
         ORDER BY ${ORDER.rank('DESC')}, id`,
      )
      .all() as Array<{
      channel: string;
      handle: string;
      label: string | null;
      score: number | null;
      reasons: string | null;
      posts: number;
      evidence: string | null;
    }>
  ).map((r) => ({
    channel: r.channel,
    handle: r.handle,
    label: r.label ?? 'insufficient_history',
    score: r.score ?? 0,
    reasons: parseReasons(r.reasons).reasons,
    posts: r.posts,
    evidence: r.evidence ? (JSON.parse(r.evidence) as number[]) : [],
    overridden: overridden.has(authorKey(r.channel, r.handle)),
  }));
}

function dailySeries(posts: TimelinePost[], timezone: string): TimelineDay[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, dateStyle: 'short' });
  const days = new Map<string, TimelineDay>();
  const dayOf = (t: number): TimelineDay => {
    const day = fmt.format(t);
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, negative: 0, neutral: 0, positive: 0, brandReplies: 0 }));
    return d;
  };
  for (const p of posts) {
    const d = dayOf(p.postedAt);
    if (p.sentiment === -1) d.negative++;
    else if (p.sentiment === 1) d.positive++;
    else d.neutral++;
    if (p.reply) dayOf(p.reply.postedAt).brandReplies++;
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
