/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT, useDemo } from './harness';

const DAY_FIRST = /· \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\b/;
const US = /· [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/;

/** The first listed mention's line of author, channel and date. */
const firstMeta = async (page: ReturnType<typeof useDemo>['page']): Promise<string> => {
  const meta = page.getByTestId('mention-row').first().locator('.mention-meta');
  await meta.waitFor();
  return meta.innerText();
};

describe('dates in English on a British system', () => {
  const demo = useDemo('en-GB');
  it('are day first with a 24-hour clock, not US', async () => {
    await demo.page.goto(`${demo.url}#/mentions`);
    const meta = await firstMeta(demo.page);
    expect(meta).toMatch(DAY_FIRST);
    expect(meta).not.toMatch(US);
    await demo.page.screenshot({ path: join(OUTPUT, 'dates-en-gb.png') });
  });
});

describe('dates in English on a US system', () => {
  const demo = useDemo('en-US');
  it('stay US', async () => {
    await demo.page.goto(`${demo.url}#/mentions`);
    expect(await firstMeta(demo.page)).toMatch(US);
  });
});

describe('dates in English chosen on a Spanish system', () => {
  const demo = useDemo('es-ES');
  it('keep the system’s day-first order', async () => {
    await demo.page.goto(`${demo.url}#/mentions`);
    await demo.page.getByTestId('language').first().selectOption('en');
    await demo.page.getByText('Review suggestions').waitFor();
    expect(await firstMeta(demo.page)).toMatch(DAY_FIRST);
  });
});
