/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { useDemo } from './harness';

describe('Mentions with the keyboard only', () => {
  const demo = useDemo('es-ES');
  const { page } = demo;

  it('Enter opens the focused mention; Escape closes it and leaves the keyboard on its row', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-mentions').click();
    const row = page.getByTestId('mention-row').nth(1);
    await row.waitFor();
    const rowText = await row.innerText();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('explanation').waitFor();
    // the language is named, not given as its code ('und', 'es')
    expect(await page.getByTestId('mention-lang').innerText()).toMatch(
      /^(Español|Inglés|Sin determinar)$/,
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('explanation').waitFor({ state: 'detached' });
    const focused = await page.evaluate(() => ({
      testId: document.activeElement?.getAttribute('data-testid'),
      text: (document.activeElement as HTMLElement | null)?.innerText,
    }));
    expect(focused).toEqual({ testId: 'mention-row', text: rowText });
  });
});
