/// <reference lib="dom" />
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../feeds/feed-server';
import { OUTPUT, runCli, useNewWorkspace } from './harness';

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Noticias de Panadería Sol</title><link>https://news.example/</link><description>x</description>
<item><guid>n1</guid><title>Panadería Sol retrasa los pedidos</title><link>https://news.example/1</link><description>Clientes se quejan de retrasos</description><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>
<item><guid>n2</guid><title>Panadería Sol abre tienda</title><link>https://news.example/2</link><description>Nueva tienda en Madrid</description><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>
</channel></rss>`;

/** A shop owner's first minutes with a new workspace, in Spanish. */
describe('first day in a new workspace (Spanish)', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  beforeAll(async () => {
    feeds = await startFeedServer({
      '/rss.xml': (_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(FEED),
      '/tienda.html': (_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end('<!doctype html><html><body><h1>Panadería Sol</h1></body></html>'),
    });
  });
  afterAll(() => feeds?.close());
  const { page } = useNewWorkspace('es-ES', (tmp) => {
    const ws = tmp.path('sol.atalaya');
    expect(runCli(['workspace', 'create', ws, '--brand', 'Panadería Sol']).code).toBe(0);
    return ws;
  });

  it('says the brand profile was saved', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByLabel('Palabras clave').fill('panadería sol, pansol');
    await page.getByTestId('save').click();
    await page.getByRole('status').filter({ hasText: 'Guardado' }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(OUTPUT, 'first-day-settings-saved-es.png') });
  });

  it('says in Spanish which profile values were refused and why', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByLabel('Zona horaria').fill('Madrid');
    await page.getByRole('button', { name: 'Añadir', exact: true }).click();
    await page.getByLabel('Usuario', { exact: true }).fill('mi tienda');
    await page.getByTestId('save').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(
      /no se han aceptado \(cuentas de la marca, zona horaria\): una cuenta no lleva espacios; zona horaria desconocida/,
    );
    expect(text).not.toMatch(/handles\.0|unknown time zone|has no spaces/);
    await page.screenshot({ path: join(OUTPUT, 'first-day-settings-refused-es.png') });
    await page.getByRole('button', { name: 'Deshacer cambios' }).click();
  });

  it('Responses says the brand accounts are missing and leads to Settings; once one is added it stops', async () => {
    await page.getByTestId('nav-responses').click();
    const notice = page.getByTestId('no-handles');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/no conoce las cuentas de la marca/);
    await page.screenshot({ path: join(OUTPUT, 'first-day-no-handles-es.png'), fullPage: true });
    await notice.getByRole('link', { name: /Ajustes/ }).click();
    await page.getByRole('button', { name: 'Añadir', exact: true }).click();
    await page.getByLabel('Usuario', { exact: true }).fill('@pansol');
    await page.getByTestId('save').click();
    await page.getByRole('status').filter({ hasText: 'Guardado' }).waitFor();
    await page.getByTestId('nav-responses').click();
    await page.getByTestId('queue-count').or(page.locator('.empty-state')).first().waitFor();
    expect(await page.getByTestId('no-handles').count()).toBe(0);
  });

  it('tells to drop an X archive as its zip, since tweets.js alone names no account', async () => {
    await page.getByTestId('nav-sources').click();
    await page
      .getByText(/De un archivo de X suelta el zip: tweets\.js solo no dice de qué cuenta es/)
      .waitFor();
  });

  it('a file it cannot read is named once, in red, with where to fix it, not as a row', async () => {
    await page.getByTestId('nav-sources').click();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'ventas.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('cuando;quien;que\n2026-11-20;bob;el pan llegó frío\n'),
      });
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const line = result.locator('p.error-text');
    expect(await line.innerText()).toMatch(/^No se ha importado ventas\.csv: (?!ventas\.csv)/);
    expect(await page.getByTestId('refused-hint').innerText()).toMatch(/El archivo sigue aquí/);
    expect(await result.locator('details').count()).toBe(0);
    await page.screenshot({
      path: join(OUTPUT, 'first-day-import-refused-es.png'),
      fullPage: true,
    });
  });

  it('refuses a web page as a feed, saying why, and adds a real feed under its title with its posts at once', async () => {
    await page.getByTestId('nav-sources').click();
    const url = page.getByTestId('feed-url');
    await url.fill(feeds.url('/tienda.html'));
    await page.getByRole('button', { name: 'Añadir feed' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /No se ha podido leer http:\/\/127\.0\.0\.1:\d+\/tienda\.html como fuente/,
    );
    expect(await page.getByTestId('add-anyway').count()).toBe(1);
    expect(await page.getByTestId('feeds').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'first-day-feed-refused-es.png'), fullPage: true });

    await url.fill(feeds.url('/rss.xml'));
    await url.press('Enter');
    const row = page.getByTestId('feeds').locator('tbody tr');
    await row.filter({ hasText: 'Noticias de Panadería Sol' }).waitFor();
    // fetched right away: its two items are counted without pressing "poll now"
    await page.waitForFunction(
      () => document.querySelector('[data-testid="feeds"] tbody tr td.num')?.textContent === '2',
      undefined,
      { timeout: 15_000 },
    );
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('poll-result').innerText()).toBe(
      '1 feed: 2 menciones nuevas, 0 sin cambios, 0 con error',
    );
    expect(await row.count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT, 'first-day-feed-added-es.png'), fullPage: true });
  });

  it("names a feed's posts that have no author by the feed, not 'anónimo'", async () => {
    await page.getByTestId('nav-mentions').click();
    const rows = page.getByTestId('mention-row');
    await rows.nth(1).waitFor();
    expect(await rows.locator('strong').allInnerTexts()).toEqual([
      'Noticias de Panadería Sol',
      'Noticias de Panadería Sol',
    ]);
    await rows.filter({ hasText: 'retrasa los pedidos' }).click();
    const detail = page.getByTestId('mention-detail');
    await detail.getByText('Panadería Sol retrasa los pedidos').first().waitFor();
    expect(await detail.innerText()).toMatch(/Noticias de Panadería Sol · Noticias · /);
    // the complaint waiting for an answer is named the same way in Responses
    await page.getByTestId('nav-responses').click();
    const queued = page
      .getByTestId('queue-item')
      .filter({ hasText: 'Clientes se quejan de retrasos' });
    await queued.waitFor();
    expect(await queued.locator('strong').first().innerText()).toBe('Noticias de Panadería Sol');
    // with its headline, as in Mentions
    expect(await queued.innerText()).toContain(
      'Panadería Sol retrasa los pedidos — Clientes se quejan de retrasos',
    );
    await page.screenshot({ path: join(OUTPUT, 'first-day-feed-mentions-es.png'), fullPage: true });
  });
});
