import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../main/core/crises/scenario';
import { buildReport } from '../../main/core/reports/model';
import { MentionWriter } from '../../main/core/db/mention-writer';
import type { MentionInput } from '../../main/core/model/mention';
import { launchChromium, OUTPUT } from '../browser/harness';
import { cli } from '../helpers/cli';
import { workspaceDeps } from '../helpers/workspace';

describe('post-crisis report', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let file: string;
  let crisisId: string;
  beforeAll(async () => {
    env = workspaceDeps();
    const sc = generateScenario(21, {
      days: 42,
      meanPerHour: 10,
      crises: [{ day: 35, size: 8, shape: 'build' }],
    });
    const t = sc.truth[0]!;
    const rows: Array<MentionInput & { analysis: never }> = [];
    let n = 0;
    for (const b of sc.buckets) {
      for (let k = 0; k < b.total; k++) {
        const negative = k < b.negative;
        const inCrisis = b.hour >= t.start && b.hour < t.end;
        const id = `m${n++}`;
        rows.push({
          channel: 'twitter',
          externalId: id,
          postedAt: b.hour * 3_600_000 + k * 1000,
          text: negative
            ? `@acme mi pedido ${n} no llega ${inCrisis ? '#AcmeTimo' : ''}`
            : '@acme gracias',
          authorHandle: `cliente${n % 300}`,
          likes: negative && inCrisis ? n % 50 : 0,
          analysis: {
            lang: 'es',
            sentiment: negative ? -1 : 1,
            score: negative ? -0.8 : 0.8,
            irony: false,
            complaint: negative,
            topic: negative ? 'delivery_delay' : null,
            insult: false,
            toxicity: 0,
            campaign: false,
            version: 1,
          } as never,
        });
        if (negative && inCrisis && k % 4 === 0) {
          rows.push({
            channel: 'twitter',
            externalId: `r${id}`,
            postedAt: b.hour * 3_600_000 + k * 1000 + 20 * 60_000,
            text: 'Lo sentimos, escríbenos por MD',
            authorHandle: 'acme',
            replyToId: id,
            analysis: null as never,
          });
        }
      }
    }
    const w = new MentionWriter(env.db, {
      batchId: null,
      sourceId: null,
      timezone: 'Europe/Madrid',
      now: 1,
    });
    env.db.transaction(() => w.write(rows))();
    file = env.ws.path;
    env.deps.session.close();
    const c = JSON.parse((await cli(['crises', '--workspace', file, '--json'])).stdout) as {
      episodes: Array<{ id: string; start: string }>;
    };
    crisisId = c.episodes.find((e) => Math.abs(Date.parse(e.start) / 3_600_000 - t.start) < 8)!.id;
  });
  afterAll(() => env.cleanup());

  it('writes a self-contained HTML report whose figures match the data, and every section renders offline', async () => {
    const html = env.tmp.path('report.html');
    const r = await cli([
      'report',
      '--workspace',
      file,
      '--crisis',
      crisisId,
      '--out',
      html,
      '--lang',
      'en',
      '--consultant',
      'Consultora Sur',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    // every figure against a direct computation on the same data
    const db = new Database(file, { readonly: true });
    const m = buildReport(db, { crisisId, lang: 'en' });
    const q = (sql: string) => (db.prepare(sql).get(m.from, m.to) as { n: number }).n;
    const inRange = 'posted_at >= ? AND posted_at < ?'; // the report covers [from, to)
    expect(m.totals.mentions).toBe(q(`SELECT count(*) AS n FROM mentions WHERE ${inRange}`));
    expect(m.totals.negative).toBe(
      q(`SELECT count(*) AS n FROM mentions WHERE ${inRange} AND is_brand = 0 AND sentiment = -1`),
    );
    expect(m.totals.complaints).toBe(
      q(`SELECT count(*) AS n FROM mentions WHERE ${inRange} AND is_brand = 0 AND complaint = 1`),
    );
    expect(m.totals.brandReplies).toBe(
      q(`SELECT count(*) AS n FROM mentions WHERE ${inRange} AND is_brand = 1`),
    );
    expect(m.series.reduce((a, x) => a + x.total, 0)).toBe(m.totals.customer);
    expect(m.hashtags[0]).toEqual({
      tag: '#acmetimo',
      n: q(`SELECT count(*) AS n FROM mentions WHERE ${inRange} AND text LIKE '%#AcmeTimo%'`),
    });
    const firstReply = (
      db
        .prepare('SELECT min(posted_at) AS n FROM mentions WHERE is_brand = 1 AND posted_at >= ?')
        .get(m.phases.onset) as { n: number }
    ).n;
    expect(m.playbook.find((x) => x.item === 'first_response')?.value).toBe(
      `${Math.round(((firstReply - (m.phases.onset as number)) / 3_600_000) * 10) / 10} h`,
    );
    db.close();
    for (const v of [
      m.totals.mentions,
      m.totals.negative,
      m.totals.complaints,
      m.totals.brandReplies,
    ])
      expect(text).toContain(`<b>${v}</b>`);
    expect(text).toContain('Consultora Sur');

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        if (!route.request().url().startsWith('file:')) requests.push(route.request().url());
        return route.request().url().startsWith('file:') ? route.continue() : route.abort();
      });
      await page.goto(`file://${html}`);
      for (const id of [
        'summary',
        'timeline',
        'channels',
        'people',
        'key-posts',
        'responses',
        'playbook',
      ]) {
        expect(await page.locator(`#${id}`).count(), id).toBe(1);
      }
      const bars = await page.locator('svg.chart rect').count();
      expect(bars).toBeGreaterThan(10);
      const box = await page.locator('svg.chart').boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(50);
      expect(requests).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('prints the same report to PDF pages that are not blank', async () => {
    const pdf = env.tmp.path('report.pdf');
    const r = await cli(['report', '--workspace', file, '--crisis', crisisId, '--out', pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
    if (!existsSync('/usr/bin/pdftoppm')) return;
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(OUTPUT, 'report-page')]);
    const pages = readdirSync(OUTPUT).filter(
      (f) => f.startsWith('report-page') && f.endsWith('.png'),
    );
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(readFileSync(join(OUTPUT, p)).length, p).toBeGreaterThan(5000);
  });

  it('anonymised: no private handle appears, the brand stays named', async () => {
    const html = env.tmp.path('anon.html');
    expect(
      (
        await cli([
          'report',
          '--workspace',
          file,
          '--crisis',
          crisisId,
          '--out',
          html,
          '--anonymize',
        ])
      ).code,
    ).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/cliente\d+/);
    expect(text).toMatch(/Persona 1/);
  });

  it('refuses bad usage and unknown episodes plainly', async () => {
    expect((await cli(['report', '--workspace', file, '--out', env.tmp.path('x.html')])).code).toBe(
      2,
    );
    expect(
      (await cli(['report', '--workspace', file, '--crisis', 'c1', '--out', env.tmp.path('x.txt')]))
        .code,
    ).toBe(2);
    const r = await cli([
      'report',
      '--workspace',
      file,
      '--crisis',
      'c1',
      '--out',
      env.tmp.path('x.html'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No crisis episode c1/);
  });
});
