/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT, useDemo } from './harness';

describe('the Crises page on the demo workspace', () => {
  const s = useDemo('en-GB');

  it('explains the episode: what fired and why, how it spread, who drove it', async () => {
    const { page } = s;
    await page.goto(`${s.url}#/crises`);
    const ep = page.getByTestId('episode').first();
    await ep.waitFor();
    await page.getByTestId('chart-crises').waitFor();
    const text = await ep.innerText();
    expect(text).toMatch(/High/);
    expect(text).toMatch(/The alert would have fired at .*, 2 hours after the start\./);
    expect(text).toMatch(/Why it fired/);
    const volume = await ep.getByTestId('signal-negative_volume').innerText();
    expect(volume).toMatch(
      /Negative volume · \d+ negative mentions in the peak hour where [\d.]+ are usual; the alert threshold was [\d.]+ an hour/,
    );
    const hijack = await ep.getByTestId('signal-hashtag_hijack').innerText();
    expect(hijack).toMatch(
      /Hashtag hijack · the new hashtag #lumbretimo grew \d+× its usual rate \(alert from 5×\) with 100 % negative mentions \(alert from 50 %\)/,
    );
    expect(text).toMatch(/Spread: 3 channels, in the order they joined/);
    const spread = await ep.getByTestId('spread').locator('li').allInnerTexts();
    expect(spread.map((l) => l.split(' · ')[0])).toEqual(['X (Twitter)', 'Facebook', 'Reviews']);
    const authors = await ep.getByTestId('top-authors').locator('li').allInnerTexts();
    expect(authors).toHaveLength(5);
    expect(authors[0]).toMatch(/^@agitador\d+ · X \(Twitter\) · Agitator · \d+ negative mentions$/);
    await page.screenshot({ path: join(OUTPUT, 'crises-page.png'), fullPage: true });
    expect(s.errors).toEqual([]);
  });

  it('the sensitivity preset changes what is found: high also flags the smaller hashtag', async () => {
    const { page } = s;
    const ep = page.getByTestId('episode').first();
    expect(await ep.getByTestId('signal-hashtag_hijack').count()).toBe(1);
    await page.getByLabel('Sensitivity').selectOption('high');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="signal-hashtag_hijack"]').length === 2,
    );
    expect(await page.getByText(/Low: only clear crises/).isVisible()).toBe(true);
    await page.getByLabel('Sensitivity').selectOption('medium');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="signal-hashtag_hijack"]').length === 1,
    );
  });

  it('a notification click (#/crises?episode=ID) opens that episode, keyboard-focused', async () => {
    const { page } = s;
    await page.evaluate(() => (window.location.hash = '/overview'));
    await page.getByTestId('today').waitFor();
    await page.evaluate(() => (window.location.hash = '/crises?episode=c492154'));
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-labelledby') === 'ep-c492154',
    );
    expect(await page.locator('article.episode.selected').count()).toBe(1);
    expect(s.errors).toEqual([]);
  });
});
