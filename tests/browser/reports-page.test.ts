/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

describe('the Reports page on the demo workspace', () => {
  const demo = useDemo('en-GB');
  const page = demo.page;

  const download = async (click: () => Promise<void>) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };

  it('shows the demo episode prepared: crisis type chosen, events and hand-marked items', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('prepare').first().click();
    await page.getByTestId('crisis-type').waitFor();
    expect(await page.getByRole('radio', { name: /Preventable/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('crisis-type').innerText()).toMatch(/Recommended: .*Apology/);
    await page.getByTestId('event').first().waitFor();
    expect(await page.getByTestId('event').count()).toBe(3);
    expect(await page.getByTestId('hand-committee').getByRole('checkbox').isChecked()).toBe(true);
  });

  it('adds an event, removes it and undoes the removal; marks an item by hand', async () => {
    const form = page.getByTestId('event-form');
    await form.getByLabel('What happened').fill('Vouchers sent by email');
    await form.getByLabel('A concrete action').check();
    await form.getByRole('button', { name: 'Add event' }).click();
    await page.getByTestId('event').nth(3).waitFor();
    const added = page.getByTestId('event').filter({ hasText: 'Vouchers sent by email' });
    expect(await added.innerText()).toMatch(/action/);
    await added.getByRole('button').click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Removed “Vouchers sent by email”' })
      .waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="event"]').length === 3,
    );
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="event"]').length === 4,
    );
    const lessons = page.getByTestId('hand-lessons');
    await lessons.getByLabel('Note').fill('Supplier contracts now include a cancellation clause');
    await lessons.getByRole('checkbox').check();
    await page.waitForFunction(() =>
      Boolean(
        (
          document.querySelector(
            '[data-testid="hand-lessons"] input[type="checkbox"]',
          ) as HTMLInputElement | null
        )?.checked,
      ),
    );
    await page.screenshot({ path: join(OUTPUT, 'reports-prepare.png'), fullPage: true });
  });

  it('generates a report that carries them, lists it, previews it styled and exports HTML and PDF', async () => {
    await page.getByLabel('Prepared by').fill('Consultora Sur');
    const html = await download(() =>
      page.getByRole('button', { name: 'Download report' }).first().click(),
    );
    const text = html.body.toString('utf8');
    expect(html.name).toMatch(/^Viajes-Lumbre-c\d+-.*\.html$/);
    for (const s of [
      'Vouchers sent by email',
      'Supplier contracts now include a cancellation clause',
      '<b>Preventable.</b>',
      'marked by hand',
      'Consultora Sur',
    ])
      expect(text.includes(s), s).toBe(true);
    const row = page.getByTestId('stored-report').first();
    await row.waitFor();
    expect(await page.getByTestId('stored-report').count()).toBe(1);
    await row.getByRole('button', { name: 'Preview' }).click();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await frame.locator('#playbook').waitFor();
    // the linked stylesheet applied: headings in the accent colour, charts drawn
    expect(await frame.locator('h1').evaluate((h) => getComputedStyle(h).color)).toBe(
      'rgb(31, 111, 235)',
    );
    expect(await frame.locator('#chart-volume .event-mark').count()).toBe(4);
    await page.screenshot({ path: join(OUTPUT, 'reports-stored.png'), fullPage: true });
    const again = await download(() => row.getByRole('button', { name: 'HTML' }).click());
    expect(again.body.equals(html.body)).toBe(true);
    const pdf = await download(() => row.getByRole('button', { name: 'PDF' }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('exports daily KPIs and authors from the app', async () => {
    const kpis = await download(() => page.getByTestId('export-kpis-csv').click());
    expect(kpis.name).toBe('Viajes-Lumbre-kpis.csv');
    const lines = kpis.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^day,customer_mentions,positive,neutral,negative,net_sentiment/);
    expect(lines.length).toBeGreaterThan(30);
    await page
      .getByRole('status')
      .filter({ hasText: /rows exported to Viajes-Lumbre-kpis\.csv/ })
      .waitFor();
    const authors = await download(() => page.getByTestId('export-authors-json').click());
    const list = JSON.parse(authors.body.toString('utf8')) as Array<{ label: string }>;
    expect(list.some((a) => a.label === 'agitator')).toBe(true);
  });

  it('shows the same events, folded, on the Crises page episode', async () => {
    await page.getByTestId('nav-crises').click();
    const episode = page.getByTestId('episode').first();
    await episode.locator('summary', { hasText: 'Timeline events' }).click();
    await episode.getByTestId('event').nth(3).waitFor();
    expect(await episode.getByTestId('event').count()).toBe(4);
    await page.screenshot({ path: join(OUTPUT, 'crises-events.png'), fullPage: true });
  });
});
