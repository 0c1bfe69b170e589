import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { analysePeople } from '../../main/core/people/authors';
import { workspaceDeps } from '../helpers/workspace';
import { at, importPosts, POSTS, type Post } from './scenario';

/** Everything a verdict or a group consists of, by handle, to compare two analyses. */
function snapshot(db: ReturnType<typeof workspaceDeps>['db']) {
  const authors = db
    .prepare(
      'SELECT handle, label, score, reasons, features, evidence FROM authors WHERE is_brand = 0 AND posts > 0 ORDER BY handle',
    )
    .all();
  const groups = db
    .prepare(
      `SELECT g.kind, g.key, g.first_at, g.last_at, g.members, g.posts, g.sample_mention_id, g.shared,
         (SELECT group_concat(a.handle || '@' || c.mention_id, ',') FROM (SELECT * FROM coordination_members WHERE group_id = g.id ORDER BY mention_id) c
          JOIN authors a ON a.id = c.author_id) AS who
       FROM coordination_groups g ORDER BY g.kind, g.key, g.first_at`,
    )
    .all();
  return { authors, groups };
}

const analysedAt = (db: ReturnType<typeof workspaceDeps>['db']) =>
  new Map(
    (
      db.prepare('SELECT handle, analysed_at AS t FROM authors WHERE is_brand = 0').all() as Array<{
        handle: string;
        t: number;
      }>
    ).map((r) => [r.handle, r.t]),
  );

const MORE: Post[] = [
  // a fourth account joins the clones within minutes: the whole group changes
  {
    id: 'c4',
    date: at(6, 20, 7),
    author: 'clon4',
    text: 'Acme es un timo, no compréis nada en Acme, difundid #AcmeTimo!!',
  },
  // ana writes again
  {
    id: 'a4',
    date: at(8, 9),
    author: 'ana',
    text: '@acme el pedido 44123 ha llegado roto, quiero la devolución',
  },
  // the brand answers the fan: the fan's reaction-to-reply features change
  { id: 'r9', date: at(5, 10), author: 'acme', text: '¡Gracias a ti!', reply_to: 's3' },
];

describe('incremental people analysis', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('recomputes only the authors new mentions touch, and agrees with a full recompute', async () => {
    // the import handler brings the analysis up to date after each import
    env.clock.set(1000);
    await importPosts(env, POSTS);
    expect(
      env.db.prepare("SELECT meta.value FROM meta WHERE key = 'people_full_pass'").get(),
    ).toBeUndefined();
    expect(analysePeople(env.db, 1500).recomputed).toEqual([]); // nothing changed since
    env.clock.set(2000);
    const batch = await importPosts(env, MORE);
    const stamps = analysedAt(env.db);
    // the new posts' authors, the accounts of the group clon4 joined, and whom the brand answered
    expect(
      [...stamps]
        .filter(([, t]) => t === 2000)
        .map(([h]) => h)
        .sort(),
    ).toEqual(['ana', 'clon1', 'clon2', 'clon3', 'clon4', 'fan']);
    for (const h of ['eva', 'agi', 'once', 'otrahelp']) expect(stamps.get(h), h).toBe(1000);
    expect(
      env.db.prepare('SELECT count(*) AS n FROM author_label_history WHERE at = 2000').get(),
    ).toEqual({ n: 1 }); // only clon4 got a first label; the others kept theirs
    const incremental = snapshot(env.db);
    expect(incremental.groups).toHaveLength(1);
    expect(incremental.groups[0]).toMatchObject({ kind: 'text', members: 4, posts: 4 });
    expect(
      env.db.prepare("SELECT reasons FROM authors WHERE handle = 'clon1'").get(),
    ).toMatchObject({ reasons: expect.stringContaining('as 3 other accounts') });

    analysePeople(env.db, 3000, { full: true });
    expect(snapshot(env.db)).toEqual(incremental);

    // undo the second import: the same authors are recomputed and the group shrinks back
    expect((await callMethod(env.deps, 'sources.undo', { batchId: batch })).ok).toBe(true);
    const back = analysePeople(env.db, 4000);
    expect(back.full).toBe(false);
    expect(back.recomputed.map((v) => v.handle).sort()).toEqual([
      'ana',
      'clon1',
      'clon2',
      'clon3',
      'fan',
    ]);
    const afterUndo = snapshot(env.db);
    expect(afterUndo.groups[0]).toMatchObject({ members: 3 });
    analysePeople(env.db, 5000, { full: true });
    expect(snapshot(env.db)).toEqual(afterUndo);
  });

  it("a corrected post recomputes only its author; the user's label survives re-analysis", async () => {
    await importPosts(env, POSTS);
    analysePeople(env.db, 1000);
    const id = (
      env.db.prepare("SELECT id FROM mentions WHERE external_id = 's1'").get() as { id: number }
    ).id;
    expect((await callMethod(env.deps, 'mentions.correct', { id, sentiment: -1 })).ok).toBe(true);
    expect(analysePeople(env.db, 2000).recomputed.map((v) => v.handle)).toEqual(['fan']);

    const o = await callMethod(env.deps, 'people.override', {
      channel: 'twitter',
      handle: '@agi',
      label: 'angry_customer',
    });
    expect(o.ok).toBe(true);
    analysePeople(env.db, 9000, { full: true });
    expect(
      env.db.prepare("SELECT label, reasons FROM authors WHERE handle = 'agi'").get(),
    ).toMatchObject({
      label: 'angry_customer',
      reasons: expect.stringContaining('computed: agitator'),
    });
  });
});
