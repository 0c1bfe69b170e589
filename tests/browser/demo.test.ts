/// <reference lib="dom" />
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../helpers/workspace';
import { launchChromium, OUTPUT, requireBuild, ROOT, startServe } from './harness';

describe('the demo workspace in the browser', () => {
  let tmp: TempDir;
  let serve: { url: string; port: number; proc: ChildProcess };
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    requireBuild();
    tmp = tempDir();
    const ws = tmp.path('demo.atalaya');
    copyFileSync(join(ROOT, 'resources/demo.atalaya'), ws);
    serve = await startServe(ws);
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'es-ES', acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    serve?.proc.kill('SIGTERM');
    tmp?.cleanup();
  });

  it('opens on a Today panel that says what needs attention, in Spanish', async () => {
    await page.goto(serve.url);
    await page.getByTestId('today').waitFor();
    expect(await page.getByTestId('today').innerText()).toMatch(/quejas siguen sin respuesta/);
    await page.getByTestId('chart-volume').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'demo-overview.png'), fullPage: true });
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
});
