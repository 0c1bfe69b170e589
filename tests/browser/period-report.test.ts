/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT, useDemo } from './harness';

/** The demo holds February and the first days of March 2026 (Europe/Madrid). */
describe('a report for a chosen period, from the Reports page', () => {
  const demo = useDemo('en-GB');
  const page = demo.page;
  const card = () => page.getByTestId('period-report');

  const download = async (click: () => Promise<void>) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };

  it('says when the chosen days hold no mention, refuses a reversed period, and offers the month with data', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-reports').click();
    await card().waitFor();
    expect(await page.getByTestId('period-preset').inputValue()).toBe('lastMonth');
    await page.getByTestId('period-from').fill('2026-06-01');
    await page.getByTestId('period-to').fill('2026-06-30');
    const empty = page.getByTestId('period-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(
      /No mentions from 1\s–\s30 Jun 2026, so there is nothing to report.*mentions from 2 Feb\s–\s6 Mar 2026/s,
    );
    expect(await page.getByTestId('period-preset').inputValue()).toBe('custom');
    expect(await page.getByTestId('period-generate').isDisabled()).toBe(true);

    await page.getByTestId('period-from').fill('2026-03-10');
    await page.getByTestId('period-to').fill('2026-03-01');
    expect(await page.getByTestId('period-problem').innerText()).toMatch(
      /The period starts after it ends/,
    );
    expect(await page.getByTestId('period-generate').isDisabled()).toBe(true);

    await page.getByTestId('period-from').fill('2026-06-01');
    await page.getByTestId('period-to').fill('2026-06-30');
    await empty.waitFor();
    await page.screenshot({ path: join(OUTPUT, 'reports-period-empty.png'), fullPage: true });
    await empty.getByRole('button', { name: 'Use March 2026' }).click();
    expect(await page.getByTestId('period-from').inputValue()).toBe('2026-03-01');
    expect(await page.getByTestId('period-to').inputValue()).toBe('2026-03-31');
    await card()
      .getByText(/mentions in these days/)
      .waitFor();
  });

  it('generates February from the keyboard with its steps shown, and lists it with HTML and PDF', async () => {
    await page.getByTestId('period-from').fill('2026-02-01');
    await page.getByTestId('period-to').fill('2026-02-28');
    await card()
      .getByText(/1\s–\s28 Feb 2026 \(28 days\)/)
      .waitFor();
    const counted = await card()
      .getByText(/mentions in these days/)
      .innerText();
    const mentions = Number(
      /([\d,]+) mentions in these days/.exec(counted)?.[1]?.replace(/,/g, ''),
    );
    expect(mentions).toBeGreaterThan(2000);
    await page.getByLabel('Prepared by').fill('Consultora Sur');

    // every step line the page shows while the report is made
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { steps: string[] }).steps = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="period-progress"]');
        const text = p?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('period-generate').focus();
    await page.keyboard.press('Enter');
    const done = page.getByTestId('period-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/The report for 1\s–\s28 Feb 2026 is ready/);
    const steps = await page.evaluate(() => (window as unknown as { steps: string[] }).steps);
    expect(steps.length, steps.join(' | ')).toBeGreaterThan(0);
    expect(steps.join(' | ')).toMatch(/Step \d of 8: /);

    const row = page.getByTestId('stored-report').first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Period\s+1\s–\s28 Feb 2026/);
    expect(await row.getAttribute('class')).toBe('row-new');
    await page.screenshot({ path: join(OUTPUT, 'reports-period.png'), fullPage: true });

    const html = await download(() => row.getByRole('button', { name: 'HTML' }).click());
    expect(html.name).toBe('Viajes-Lumbre-2026-02-01-2026-02-28-en.html');
    const text = html.body.toString('utf8');
    expect(text).toContain('<h1>Period report · Viajes Lumbre</h1>');
    expect(text).toMatch(
      /Period: 1\s–\s28 February 2026 · local dates and times \(Europe\/Madrid\)/,
    );
    expect(text).toContain(
      `<div><b>${mentions}</b>mentions<span class="muted prev">previous period: `,
    );
    expect(text).toContain('Consultora Sur');

    const pdf = await download(() => row.getByRole('button', { name: 'PDF' }).click());
    expect(pdf.name).toBe('Viajes-Lumbre-2026-02-01-2026-02-28-en.pdf');
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
    if (!existsSync('/usr/bin/pdftoppm')) return;
    const file = join(OUTPUT, 'period-report.pdf');
    writeFileSync(file, pdf.body);
    for (const f of readdirSync(OUTPUT).filter((f) => f.startsWith('period-page')))
      rmSync(join(OUTPUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUTPUT, 'period-page')]);
    const pages = readdirSync(OUTPUT).filter((f) => f.startsWith('period-page'));
    expect(pages.length).toBeGreaterThan(0);
    expect(demo.errors).toEqual([]);
  });
});

describe('the period report in Spanish', () => {
  const demo = useDemo('es-ES');
  const page = demo.page;

  it('says an empty period in Spanish, takes the month with data and stores its report', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-reports').click();
    const card = page.getByTestId('period-report');
    await card.getByRole('heading', { name: 'Informe de un periodo' }).waitFor();
    expect(await page.getByTestId('period-preset').locator('option').allInnerTexts()).toEqual([
      'El mes pasado',
      'Últimos 30 días',
      'Este trimestre',
      'Fechas elegidas',
    ]);
    await page.getByTestId('period-from').fill('2026-06-01');
    await page.getByTestId('period-to').fill('2026-06-30');
    const empty = page.getByTestId('period-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(
      /No hay menciones del 1–30 jun 2026.*menciones del 2 feb\s–\s6 mar 2026/s,
    );
    await empty.getByRole('button', { name: 'Usar marzo de 2026' }).click();
    await card.getByText(/1–31 mar 2026 \(31 días\) · [\d.]+ menciones en estos días/).waitFor();
    expect(await page.getByTestId('period-partial').innerText()).toMatch(
      /Los datos del espacio de trabajo van del 2 feb\s–\s6 mar 2026/,
    );
    await page.getByTestId('period-generate').click();
    await page
      .getByTestId('period-done')
      .getByText(/El informe del 1–31 mar 2026 está listo/)
      .waitFor();
    const row = page.getByTestId('stored-report').first();
    expect(await row.innerText()).toMatch(/Periodo\s+1–31 mar 2026/);
    await row.getByRole('button', { name: 'Vista previa' }).click();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    expect(await frame.locator('h1').innerText()).toBe('Informe del periodo · Viajes Lumbre');
    expect(await frame.locator('#summary').innerText()).toMatch(/periodo anterior: \d+/);
    expect(await frame.locator('#coverage').innerText()).toMatch(
      /cubren solo del 2 de febrero\s–\s6 de marzo de 2026/,
    );
    await page.screenshot({ path: join(OUTPUT, 'reports-period-es.png'), fullPage: true });
    expect(demo.errors).toEqual([]);
  });
});
