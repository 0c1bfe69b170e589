/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

describe('importing a generic CSV of tweets from the Sources page', () => {
  const demo = useDemo('es-ES');
  const page = demo.page;

  it('the preview says the rows are X (Twitter) and why; choosing a channel overrides it', async () => {
    await page.goto(`${demo.url}#/sources`);
    await page.getByTestId('file-input').setInputFiles({
      name: 'tweets-scraped.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(__dirname, '../fixtures/importers/tweets-scraped.csv')),
    });
    await page.getByTestId('preview').click();
    const hint = page.getByTestId('channel-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toBe(
      'Canal: X (Twitter) — columnas propias de sus exportaciones: tweet_id, screen_name, retweet_count, favorite_count, in_reply_to_status_id. Elige otro canal abajo para cambiarlo.',
    );
    await page.screenshot({ path: join(OUTPUT, 'import-channel-hint.png'), fullPage: true });
    await page.getByTestId('channel').selectOption('news');
    expect(await hint.innerText()).toBe('Canal: Noticias, el elegido abajo, para todas las filas.');
    await page.getByTestId('channel').selectOption('');
    await page.getByTestId('import').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toMatch(/3 menciones nuevas/);
    expect(demo.errors).toEqual([]);
  });
});
