/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { useDemo } from './harness';

describe('the demo in Spanish', () => {
  const demo = useDemo('es-ES');
  const { page } = demo;

  it('names each reply’s channel, not its id', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-responses').click();
    const items = page.getByTestId('audit-item');
    await items.first().waitFor();
    const metas = await items.evaluateAll((els) =>
      els.map((e) => (e.firstElementChild as HTMLElement | null)?.innerText ?? ''),
    );
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m).toMatch(/^(X \(Twitter\)|Facebook|Instagram|Reseñas) · /);
  });

  it('Today counts people in the singular when there is one', async () => {
    await page.getByTestId('nav-overview').click();
    await page
      .getByText('En la última semana: 1 cliente en escalada y 12 agitadores activos.')
      .waitFor();
  });
});
