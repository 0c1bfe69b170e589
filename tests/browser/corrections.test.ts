/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemo, OUTPUT } from './harness';

describe('correcting a mention in the browser', () => {
  const demo = useDemo('en-GB');
  const page = demo.page;

  it('shows how accuracy on the corrected mentions changes, and what the workspace model did', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').first().waitFor();
    const detail = page.getByTestId('mention-detail');
    const group = detail.getByRole('group', { name: 'Correct the analysis' });
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('mention-row').nth(i).click();
      await group.waitFor();
      await group.getByRole('button', { name: 'Negative' }).click();
      await detail.getByText(`Your corrections (${i + 1} on sentiment)`).waitFor();
    }
    const status = await detail.getByTestId('correction-status').innerText();
    expect(status).toMatch(/Your corrections \(3 on sentiment\)/);
    // 3 of the 20 the workspace model needs: the status does not claim they tune anything yet
    expect(status).toMatch(/start tuning the analysis once there are 20\./);
    expect(status).not.toMatch(/now tune/);
    expect(status).toMatch(/On your 3 corrected mentions Atalaya alone was right on \d+ ?%/);
    // The opened mention's explanation now says what the workspace model did to it.
    await page.getByTestId('mention-row').nth(5).click();
    await detail.getByTestId('learned').waitFor();
    expect(await detail.getByTestId('learned').innerText()).toMatch(
      /once there are 20 \(so far 3\)/,
    );
    await page.screenshot({ path: join(OUTPUT, 'mention-corrected.png'), fullPage: true });
    expect(demo.errors).toEqual([]);
  });

  it('insult corrections show their own count and accuracy, and the explanation says what they do', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').first().waitFor();
    const detail = page.getByTestId('mention-detail');
    const group = detail.getByRole('group', { name: 'Correct the analysis' });
    for (let i = 0; i < 2; i++) {
      await page
        .getByTestId('mention-row')
        .nth(10 + i)
        .click();
      await group.waitFor();
      await group.getByRole('button', { name: /^(It is an insult|Not an insult)$/ }).click();
      await detail.getByText(`Your corrections (${i + 1} of insults)`).waitFor();
    }
    const status = await detail.getByTestId('correction-status').innerText();
    expect(status).toMatch(/On your 2 corrected mentions Atalaya alone was right on \d+ ?%/);
    expect(status).toMatch(/\(2 of insults\) start tuning the analysis once there are 20\./);
    await page.getByTestId('mention-row').nth(14).click();
    await detail.getByTestId('learned-insult').waitFor();
    expect(await detail.getByTestId('learned-insult').innerText()).toMatch(
      /corrections of insults once there are 20 \(so far 2\)/,
    );
    await page.screenshot({ path: join(OUTPUT, 'mention-insult-corrected.png'), fullPage: true });
    expect(demo.errors).toEqual([]);
  });
});
