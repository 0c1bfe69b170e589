/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

describe('the demo workspace in the browser', () => {
  const demo = useDemo('es-ES');
  const page = demo.page;

  it('opens on a Today panel that says what needs attention, in Spanish', async () => {
    await page.goto(demo.url);
    await page.getByTestId('today').waitFor();
    expect(await page.getByTestId('today').innerText()).toMatch(/quejas siguen sin respuesta/);
    await page.getByTestId('chart-volume').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'demo-overview.png'), fullPage: true });
    // Every figure's table fits its card: a long hashtag pushed the growth column out of sight.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid^="figure-"]')]
        .filter((card) => {
          const table = card.querySelector('table');
          return table && table.getBoundingClientRect().right > card.getBoundingClientRect().right;
        })
        .map((card) => card.dataset['testid']),
    );
    expect(overflowing).toEqual([]);
  });

  it('shows the crisis with its band, the people and the report download', async () => {
    await page.getByTestId('nav-crises').click();
    await page.getByTestId('episode').first().waitFor();
    expect(await page.getByTestId('episode').first().innerText()).toMatch(/#lumbretimo/);
    await page.getByTestId('chart-crises').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'demo-crises.png'), fullPage: true });
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people').waitFor();
    expect(await page.getByTestId('people').innerText()).toMatch(/Agitador/);
    await page.screenshot({ path: join(OUTPUT, 'demo-people.png') });
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-episodes').locator('button').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-episodes').locator('button').first().click(),
    ]);
    const path = await download.path();
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/Informe post-crisis · Viajes Lumbre/);
    expect(html).toMatch(/Manual LetsBonus/);
  });

  it('names exported files in Spanish', async () => {
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-mentions').getByRole('button', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('menciones.csv');
    await page.getByTestId('nav-overview').click();
    const [kpis] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-kpis').getByRole('button', { name: /JSON/ }).click(),
    ]);
    expect(kpis.suggestedFilename()).toMatch(
      /^indicadores_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.json$/,
    );
  });

  it('says why a feed address was refused in Spanish, not in the schema language', async () => {
    await page.getByTestId('nav-sources').click();
    const url = page.getByTestId('feed-url');
    await url.waitFor();
    // the browser accepts this address (type=url); the core's schema refuses it
    await url.fill(`https://viajes-lumbre.example/${'a'.repeat(2100)}`);
    await page.getByRole('button', { name: 'Añadir feed' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(
      /no se han aceptado \(dirección del feed\): puede tener como mucho 2048 caracteres\. Corrígelos/,
    );
    expect(text).not.toMatch(/Too big|expected|characters/);
    await url.fill('ftp://viajes-lumbre.example/rss.xml');
    await page.getByRole('button', { name: 'Añadir feed' }).click();
    await page
      .getByRole('alert')
      .getByText(/la dirección de un feed empieza por http:\/\/ o https:\/\//)
      .waitFor();
    await page.screenshot({ path: join(OUTPUT, 'demo-feed-refused-es.png'), fullPage: true });
  });
});
