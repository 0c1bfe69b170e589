/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { addEvent } from '../../main/core/db/timeline-events-repo';
import { buildReport } from '../../main/core/reports/model';
import { launchChromium, OUTPUT } from '../browser/harness';
import { cli } from '../helpers/cli';
import { seedCrisis } from '../helpers/crisis-seed';
import { workspaceDeps } from '../helpers/workspace';

const HOUR = 3_600_000;

/** Non-white pixels of an inline SVG chart drawn onto a canvas inside the page. */
async function inkedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate(async (chartId) => {
    const el = document.getElementById(chartId) as unknown as SVGSVGElement;
    const { width, height } = el.getBoundingClientRect();
    const img = new Image();
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(new XMLSerializer().serializeToString(el))))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width);
    canvas.height = Math.round(height);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4)
      if ((px[i] ?? 255) + (px[i + 1] ?? 255) + (px[i + 2] ?? 255) < 720) n++;
    return n;
  }, id);
}

describe('post-crisis report', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let file: string;
  let crisisId: string;
  let onset: number;
  beforeAll(async () => {
    env = workspaceDeps();
    const t = seedCrisis(env.db);
    file = env.ws.path;
    const c = JSON.parse((await cli(['crises', '--workspace', file, '--json'])).stdout) as {
      episodes: Array<{ id: string; start: string }>;
    };
    const episode = c.episodes.find(
      (e) => Math.abs(Date.parse(e.start) / 3_600_000 - t.start) < 8,
    )!;
    crisisId = episode.id;
    // What the user adds in the app, through the real API: events (one removed again) and
    // the hand-marked items and crisis type of this episode.
    onset = Date.parse(episode.start);
    const call = async (m: string, input: unknown) => {
      const r = await callMethod(env.deps, m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as { id: number };
    };
    await call('events.add', { at: onset + 3 * HOUR, label: 'Comunicado en la web' });
    await call('events.add', { at: onset + 7.5 * HOUR, label: 'Refund announced', action: true });
    await call('events.add', {
      at: onset + 30 * HOUR,
      label: 'CEO called customers',
      action: true,
      note: '40 calls',
    });
    const wrong = await call('events.add', {
      at: onset + 2 * HOUR,
      label: 'Typo event',
      action: true,
    });
    await call('events.remove', { id: wrong.id });
    await call('reports.annotate', {
      crisisId,
      crisisType: 'preventable',
      item: { key: 'committee', checked: true, note: 'Committee met at 10:00 with the CEO' },
    });
    await call('reports.annotate', { crisisId, item: { key: 'lessons', checked: false } });
    env.deps.session.close();
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
    const hours = (ms: number) => `${Math.round((ms / HOUR) * 10) / 10} h`;
    expect(m.playbook.find((x) => x.item === 'first_response')?.value).toBe(
      hours(firstReply - (m.phases.onset as number)),
    );
    // events and time to the first action, against the table itself
    const events = db
      .prepare(
        'SELECT label, at, is_action FROM timeline_events WHERE removed_at IS NULL AND at >= ? AND at < ? ORDER BY at',
      )
      .all(m.from, m.to) as Array<{ label: string; at: number; is_action: number }>;
    expect(m.events.map((e) => e.label)).toEqual(events.map((e) => e.label));
    expect(m.events.map((e) => e.label)).not.toContain('Typo event');
    const firstAction = (
      db
        .prepare(
          'SELECT min(at) AS n FROM timeline_events WHERE is_action = 1 AND removed_at IS NULL AND at >= ?',
        )
        .get(m.phases.onset) as { n: number }
    ).n;
    expect(firstAction).toBe(onset + 7.5 * HOUR);
    const action = m.playbook.find((x) => x.item === 'action');
    expect(action?.value).toBe(hours(firstAction - (m.phases.onset as number)));
    expect(action?.measured).toContain('Refund announced');
    // strategies seen: every brand post since onset in the period, by its words
    const since = (like: string) =>
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM mentions WHERE is_brand = 1 AND ${inRange} AND posted_at >= ? AND text LIKE ?`,
          )
          .get(m.from, m.to, m.phases.onset, like) as { n: number }
      ).n;
    expect(m.scct.type).toBe('preventable');
    expect(m.scct.replies).toBe(since('%'));
    const seen = Object.fromEntries(m.scct.seen.map((x) => [x.strategy, x.replies]));
    expect(seen).toEqual({
      apology: since('%lo sentimos%'),
      compensation: since('%devolvemos%'),
      instructing: since('%por MD%'),
    });
    // the sentiment curve: each 24-hour bucket against the mentions themselves
    for (const b of m.sentimentDaily.filter((x) => x.polar > 0).slice(0, 5)) {
      const r = db
        .prepare(
          `SELECT sum(sentiment = 1) AS p, sum(sentiment = -1) AS n FROM mentions WHERE is_brand = 0 AND posted_at >= ? AND posted_at < ? AND posted_at < ?`,
        )
        .get(b.hour * HOUR, (b.hour + 24) * HOUR, m.to) as { p: number; n: number };
      expect(b.net).toBeCloseTo((r.p - r.n) / (r.p + r.n), 10);
    }
    const committee = m.playbook.find((x) => x.item === 'committee');
    expect(committee).toMatchObject({ value: '☑', ok: true, byHand: true });
    expect(m.playbook.find((x) => x.item === 'lessons')).toMatchObject({ value: '☐', ok: false });
    db.close();
    expect(text).toContain('Committee met at 10:00 with the CEO');
    expect(text).toContain('marked by hand');
    // each event's time since onset, as printed in the events table
    for (const e of events)
      expect(text).toContain(`<td class="num">${hours(e.at - (m.phases.onset as number))}</td>`);
    expect(text).toContain('Preventable');
    expect(text).toContain(`<td class="val ok">${action?.value}</td>`);
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
      // styled as users get it: the inlined stylesheet colours the title with the accent
      expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).color)).toBe(
        'rgb(31, 111, 235)',
      );
      for (const id of [
        'summary',
        'timeline',
        'channels',
        'people',
        'key-posts',
        'responses',
        'events',
        'scct',
        'playbook',
      ]) {
        expect(await page.locator(`#${id}`).count(), id).toBe(1);
      }
      // every chart drawn: rasterised in the page, it has ink, and an event mark per event
      for (const id of ['chart-volume', 'chart-sentiment']) {
        const chart = page.locator(`#${id}`);
        expect((await chart.boundingBox())?.height ?? 0, id).toBeGreaterThan(50);
        expect(await inkedPixels(page, id), id).toBeGreaterThan(2000);
        expect(await chart.locator('.event-mark').count(), id).toBe(3);
      }
      expect(await page.locator('table.events tr').count()).toBe(4);
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
    // a user's note can name a customer too
    const db = new Database(file);
    addEvent(
      db,
      {
        at: onset + 9 * HOUR,
        label: 'Called @cliente42 back',
        action: false,
        note: 'and @cliente43',
      },
      1,
    );
    db.close();
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
    expect(text).toContain('Called @… back');
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
