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

  it('each row shows its two lines of text whole: nothing is cut by the row below', async () => {
    // A narrow window: long posts wrap to the two lines a row has room for.
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(demo.url);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').nth(5).waitFor();
    // A row's text box shrinks to the room the row leaves it: when that is not a whole number
    // of lines, the last line shows cut in half.
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.mention-text')].map((t) => ({
        text: t.innerText.slice(0, 50),
        lines: t.clientHeight / parseFloat(getComputedStyle(t).lineHeight),
      })),
    );
    expect(lines.filter((l) => Math.abs(l.lines - Math.round(l.lines)) > 0.1)).toEqual([]);
    expect(lines.filter((l) => Math.round(l.lines) === 2).length).toBeGreaterThan(0);
  });
});
