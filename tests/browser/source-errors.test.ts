/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../feeds/feed-server';
import { OUTPUT, runCli, useNewWorkspace } from './harness';

const UNMAPPED = readFileSync(join(__dirname, '../fixtures/importers/unmapped-columns.csv'));

/** What the app says, per UI language, when a file or a feed cannot be read. */
const WORDS = {
  'en-GB': {
    import: 'Import',
    addFeed: 'Add feed',
    refused:
      /^ventas\.csv was not imported: it is a table with the columns "cuando", "quien", "que", but none of them reads as the text or date\. Say which column holds them in the column mapping\.$/,
    feedAlert:
      /could not be read as a feed\. The address is a web page \(“Panadería Sol”\), not a feed\. Open it in a browser and copy the address of its RSS or Atom link\./,
    feedRow: /^The address is a web page \(“Panadería Sol”\), not a feed\./,
    hint: /^The file is still here: say which columns hold the text and the date/,
    ready: 'Files ready to import',
    previewError: /^it is a table with the columns .* in the column mapping\.$/,
    imported: /ventas\.csv \(csv\): 2 new mentions/,
  },
  'es-ES': {
    import: 'Importar',
    addFeed: 'Añadir feed',
    refused:
      /^No se ha importado ventas\.csv: es una tabla con las columnas "cuando", "quien", "que", pero ninguna se lee como texto o fecha\. Indica qué columna es cada una en la correspondencia de columnas\.$/,
    feedAlert:
      /como fuente\. La dirección es una página web \(«Panadería Sol»\), no un feed\. Ábrela en el navegador y copia la dirección de su enlace RSS o Atom\./,
    feedRow: /^La dirección es una página web \(«Panadería Sol»\), no un feed\./,
    hint: /^El archivo sigue aquí: indica abajo qué columnas tienen el texto y la fecha/,
    ready: 'Archivos listos para importar',
    previewError: /^es una tabla con las columnas .* en la correspondencia de columnas\.$/,
    imported: /ventas\.csv \(csv\): 2 menciones nuevas/,
  },
} as const;

for (const [locale, w] of Object.entries(WORDS)) {
  const lang = locale.slice(0, 2);
  describe(`a file or a feed Atalaya cannot read, said in the app's words (${locale})`, () => {
    let feeds: Awaited<ReturnType<typeof startFeedServer>>;
    beforeAll(async () => {
      feeds = await startFeedServer({
        '/tienda.html': (_req, res) =>
          res
            .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
            .end('<!doctype html><html><head><title>Panadería Sol</title></head></html>'),
      });
    });
    afterAll(() => feeds?.close());
    const { page } = useNewWorkspace(locale, (tmp) => {
      const ws = tmp.path('sol.atalaya');
      expect(runCli(['workspace', 'create', ws, '--brand', 'Panadería Sol']).code).toBe(0);
      return ws;
    });

    it('a refused table names the column mapping, not the command line', async () => {
      await page.getByTestId('nav-sources').click();
      await page
        .locator('input[type=file]')
        .first()
        .setInputFiles({ name: 'ventas.csv', mimeType: 'text/csv', buffer: UNMAPPED });
      await page.getByRole('button', { name: w.import, exact: true }).click();
      const line = page.getByTestId('import-result').locator('p.error-text');
      await line.waitFor();
      const text = await line.innerText();
      expect(text).toMatch(w.refused);
      expect(text).not.toMatch(/--map|--format|=COLUMN/);
      await page.screenshot({
        path: join(OUTPUT, `source-errors-refused-${lang}.png`),
        fullPage: true,
      });
    });

    it('the refused file waits in its mapping preview: map the columns and import, no second drop', async () => {
      const mapping = page.getByTestId('mapping');
      await mapping.waitFor();
      expect(await page.getByTestId('refused-hint').innerText()).toMatch(w.hint);
      expect(await page.getByRole('list', { name: w.ready }).innerText()).toMatch(/ventas\.csv/);
      // the preview is open already, saying the same reason, with the focus on the text column
      expect(await page.getByTestId('preview-error').innerText()).toMatch(w.previewError);
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-testid') === 'map-text',
      );
      await page.getByTestId('map-text').selectOption('que');
      await page.getByTestId('map-date').selectOption('cuando');
      await page.getByTestId('preview-rows').getByText('el pan llegó frío').waitFor();
      await page.screenshot({
        path: join(OUTPUT, `source-errors-mapping-${lang}.png`),
        fullPage: true,
      });
      await page.getByRole('button', { name: w.import, exact: true }).click();
      const result = page.getByTestId('import-result').filter({ hasText: w.imported });
      await result.waitFor();
      expect(await page.getByTestId('mapping').count()).toBe(0);
    });

    it('a web page offered as a feed: the alert and the failing feed say what to do', async () => {
      await page.getByTestId('feed-url').fill(feeds.url('/tienda.html'));
      await page.getByRole('button', { name: w.addFeed }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(w.feedAlert);
      expect(await alert.innerText()).not.toMatch(/Not a feed/);
      await page.screenshot({
        path: join(OUTPUT, `source-errors-feed-${lang}.png`),
        fullPage: true,
      });

      // Added anyway, the feed is fetched at once and keeps its error, in the same words.
      await page.getByTestId('add-anyway').click();
      const error = page.getByTestId('feed-error');
      await error.waitFor({ timeout: 15_000 });
      expect(await error.innerText()).toMatch(w.feedRow);
      await page.screenshot({
        path: join(OUTPUT, `source-errors-feed-row-${lang}.png`),
        fullPage: true,
      });
    });
  });
}
