/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

describe('undoing a correction in the browser', () => {
  const demo = useDemo('en-GB');
  const page = demo.page;

  it('a corrected sentiment goes back to the automatic one, from the keyboard', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').nth(0).click();
    const detail = page.getByTestId('mention-detail');
    const group = detail.getByRole('group', { name: 'Correct the analysis' });
    await group.waitFor();
    const pressed = () => group.locator('button[aria-pressed="true"]').innerText();
    const automatic = await pressed();
    expect(['Negative', 'Neutral', 'Positive']).toContain(automatic);
    // An analysed mention nobody corrected offers nothing to undo.
    expect(await detail.getByTestId('corrected-fields').count()).toBe(0);
    const other = automatic === 'Negative' ? 'Positive' : 'Negative';
    await group.getByRole('button', { name: other }).click();
    const fields = detail.getByTestId('corrected-fields');
    await fields.getByText('You set: sentiment.').waitFor();
    expect(await pressed()).toBe(other);

    await page.screenshot({ path: join(OUTPUT, 'mention-correction-to-undo.png'), fullPage: true });
    const undo = fields.getByRole('button', { name: 'Undo correction' });
    expect(await undo.getAttribute('title')).toBe('Back to the automatic analysis');
    await undo.focus();
    await page.keyboard.press('Enter');
    const status = detail.getByTestId('uncorrect-status');
    await status
      .getByText('Correction undone: sentiment back to the automatic analysis.')
      .waitFor();
    await fields.waitFor({ state: 'detached' });
    expect(await pressed()).toBe(automatic);
    expect(await detail.getByTestId('correction-status').count()).toBe(0);
    // The button is gone with the corrections: focus is on what happened, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'uncorrect-status',
    );
    await page.screenshot({ path: join(OUTPUT, 'mention-uncorrected.png'), fullPage: true });
    // Reopened, the mention reads the automatic verdict back from the store.
    await page.getByTestId('mention-row').nth(1).click();
    await page.getByTestId('mention-row').nth(0).click();
    await group.waitFor();
    expect(await pressed()).toBe(automatic);
    expect(await detail.getByTestId('corrected-fields').count()).toBe(0);
    expect(demo.errors).toEqual([]);
  });
});
