import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { OutputOf } from '../../main/core/api/contract';
import { workspaceDeps } from '../helpers/workspace';
import { importPosts, POSTS } from './scenario';

describe('people handlers on a fresh workspace', () => {
  let env: ReturnType<typeof workspaceDeps>;
  const idOf = (handle: string) =>
    (env.db.prepare('SELECT id FROM authors WHERE handle = ?').get(handle) as { id: number }).id;
  async function ok<M extends 'people.list' | 'people.get' | 'people.groups'>(
    method: M,
    input: unknown,
  ): Promise<OutputOf<M>> {
    const r = await callMethod(env.deps, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as OutputOf<M>;
  }
  beforeAll(async () => {
    env = workspaceDeps();
    await importPosts(env, POSTS);
  });
  afterAll(() => env.cleanup());

  it('people.list filters by label, channel and handle, sorts, and counts every label', async () => {
    const all = await ok('people.list', {});
    expect(all.total).toBe(9);
    expect(all.counts).toMatchObject({ agitator: 4, escalating: 1, angry_customer: 1 });
    expect(all.channels).toEqual({ twitter: 9 });
    expect(all.items[0]?.label).toBe('agitator'); // most agitator-like first
    const agitators = await ok('people.list', { label: 'agitator' });
    expect(agitators.items.map((p) => p.handle).sort()).toEqual(['agi', 'clon1', 'clon2', 'clon3']);
    expect(agitators.total).toBe(4);
    const clones = await ok('people.list', { q: '@CLON', sort: 'handle', dir: 'asc' });
    expect(clones.items.map((p) => p.handle)).toEqual(['clon1', 'clon2', 'clon3']);
    expect(clones.counts).toEqual({ agitator: 3 });
    const byPosts = await ok('people.list', { sort: 'posts', dir: 'desc', limit: 2 });
    expect(byPosts.items.map((p) => p.posts)).toEqual([4, 4]);
    expect((await ok('people.list', { channel: 'facebook' })).items).toEqual([]);
    expect(await callMethod(env.deps, 'people.list', { sort: 'followers' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await callMethod(env.deps, 'people.list', { channel: 'myspace' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('people.get shows the timeline, brand replies, evidence, history and thresholds', async () => {
    const eva = await ok('people.get', { id: idOf('eva') });
    expect(eva.person).toMatchObject({ handle: 'eva', label: 'escalating', posts: 4 });
    expect(eva.posts.map((p) => p.text.slice(0, 12))).toHaveLength(4);
    const replied = eva.posts.filter((p) => p.reply);
    expect(replied).toHaveLength(1);
    expect(replied[0]?.reply).toMatchObject({
      handle: 'acme',
      text: expect.stringMatching(/cupón/),
    });
    expect(eva.posts.some((p) => p.evidence)).toBe(true);
    expect(eva.features).toMatchObject({ compensationMentioned: true, repliedByBrand: true });
    expect(eva.history).toEqual([
      expect.objectContaining({
        label: 'escalating',
        byUser: false,
        dataUntil: Date.parse('2026-03-05T18:00:00Z'),
      }),
    ]);
    expect(eva.series).toEqual([
      { day: '2026-03-04', negative: 2, neutral: 0, positive: 0, brandReplies: 1 },
      { day: '2026-03-05', negative: 2, neutral: 0, positive: 0, brandReplies: 0 },
    ]);
    expect(eva.thresholds.minHistory).toBe(3);
    expect(eva.timezone).toBe('Europe/Madrid');

    // an override is a label change by the user, recorded with its date
    env.clock.advance(60_000);
    expect(
      (
        await callMethod(env.deps, 'people.override', {
          channel: 'twitter',
          handle: 'eva',
          label: 'agitator',
        })
      ).ok,
    ).toBe(true);
    const after = await ok('people.get', { id: idOf('eva') });
    expect(after.person).toMatchObject({ label: 'agitator', overridden: true });
    expect(after.history.map((h) => [h.label, h.byUser])).toEqual([
      ['escalating', false],
      ['agitator', true],
    ]);
  });

  it('people.get refuses a bad id and says when the author does not exist', async () => {
    expect(await callMethod(env.deps, 'people.get', { id: -3 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await callMethod(env.deps, 'people.get', {})).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await callMethod(env.deps, 'people.get', { id: 424242 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/Author 424242/) },
    });
    // the brand's own account is not a person to judge
    expect(await callMethod(env.deps, 'people.get', { id: idOf('acme') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('people.groups lists who posted the same thing within minutes, with members', async () => {
    const g = await ok('people.groups', {});
    expect(g.total).toBe(1);
    expect(g.items[0]).toMatchObject({
      kind: 'text',
      posts: 3,
      bursts: 1,
      firstAt: Date.parse('2026-03-06T20:00:00Z'),
      lastAt: Date.parse('2026-03-06T20:04:00Z'),
      text: expect.stringMatching(/^Acme es un timo/),
      shared: ['#acmetimo'],
    });
    expect(g.items[0]?.members.map((m) => m.handle)).toEqual(['clon1', 'clon2', 'clon3']);
    expect((await ok('people.groups', { authorId: idOf('ana') })).items).toEqual([]);
    const clon = await ok('people.get', { id: idOf('clon2') });
    expect(clon.groups).toHaveLength(1);
    expect(await callMethod(env.deps, 'people.groups', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await callMethod(env.deps, 'people.groups', { authorId: 'clon1' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
