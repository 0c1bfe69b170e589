/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT, runCli, useNewWorkspace } from './harness';

/** A listening-tool export whose one complaint has no author: every screen names it in Spanish. */
describe('channels and authors in Spanish on every screen', () => {
  const { page } = useNewWorkspace('es-ES', (tmp) => {
    const ws = tmp.path('sol.atalaya');
    expect(runCli(['workspace', 'create', ws, '--brand', 'Panadería Sol']).code).toBe(0);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    writeFileSync(
      tmp.path('escucha.csv'),
      'Fecha,Autor,Texto,Enlace\n' +
        `${hourAgo},,"Mi pedido a Panadería Sol no ha llegado, llevo dos semanas esperando y nadie responde",https://x.com/i/web/status/77\n` +
        `${hourAgo},@pepe,"Gracias Panadería Sol, el pan de hoy estaba buenísimo",https://x.com/pepe/status/78\n` +
        ['las magdalenas', 'la atención', 'el pan de centeno']
          .map(
            (w, i) =>
              `${hourAgo},@ana,"Me encanta ${w} de Panadería Sol",https://x.com/ana/status/8${i}\n`,
          )
          .join(''),
    );
    const imported = runCli(['import', tmp.path('escucha.csv'), '--workspace', ws]);
    expect(imported.code, imported.stderr).toBe(0);
    return ws;
  });

  it('the complaint queue says "1 queja" and names the channel and the missing author', async () => {
    await page.getByTestId('nav-responses').click();
    const item = page.getByTestId('queue-item');
    await item.waitFor();
    expect(await page.getByTestId('queue-count').innerText()).toBe('1 queja espera respuesta.');
    const meta = await item.innerText();
    expect(meta).toMatch(/^anónimo · X \(Twitter\) ·/);
    expect(meta).not.toMatch(/@—|twitter/);
    await page.screenshot({ path: join(OUTPUT, 'channel-names-queue-es.png'), fullPage: true });
  });

  it('the Overview channel figure and the Mentions channel filter name channels, not ids', async () => {
    await page.getByTestId('nav-overview').click();
    const figure = page.getByTestId('figure-channels');
    await figure.waitFor();
    expect(await figure.locator('p.muted').first().innerText()).toBe('X (Twitter): 5 (1 negativa)');
    expect(await page.getByText('de 1 queja publicada en el periodo').count()).toBe(1);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').first().waitFor();
    const options = await page
      .getByTestId('filter-channel')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.textContent ?? ''));
    expect(options).toContain('X (Twitter)');
    expect(options).toContain('Reseñas');
    expect(options).not.toContain('twitter');
    expect(options).not.toContain('reviews');
  });

  it('People names the channel and shows no agitator score for someone not judged yet', async () => {
    await page.getByTestId('nav-people').click();
    const row = page.getByRole('row').filter({ hasText: '@pepe' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]).toMatch(/^@pepe X \(Twitter\)$/);
    // one post: not judged, so no score is shown beside "Historial insuficiente"
    expect(cells[1]).toMatch(/^Historial insuficiente/);
    expect(cells[2]).toBe('—');
    // three posts: judged, and its score is written with a decimal comma
    const ana = await page
      .getByRole('row')
      .filter({ hasText: '@ana' })
      .getByRole('cell')
      .allInnerTexts();
    expect(ana[2]).toMatch(/^\d,\d\d$/);
    const options = await page
      .getByTestId('people-channel')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.textContent ?? ''));
    expect(options).toContain('X (Twitter) (2)');
  });
});
