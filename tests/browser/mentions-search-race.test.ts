/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { useDemo } from './harness';

/**
 * The menu's link changes the address at the click, but the browser delivers its hashchange as
 * a later task — under load, after the user has typed. These tests type in the same task as
 * the click, so that event always comes after the words, as it does on a busy machine.
 */
describe('a search typed straight after clicking the Mentions menu', () => {
  const demo = useDemo('en-GB');
  const { page } = demo;

  /** Waits until every listed mention contains `term` and the address carries it. */
  const searched = (term: string) =>
    page.waitForFunction(
      (t) => {
        const rows = [...document.querySelectorAll('[data-testid="mention-row"]')];
        const input = document.querySelector<HTMLInputElement>('[data-testid="search"]');
        return (
          rows.length > 0 &&
          rows.every((r) => (r.textContent ?? '').toLowerCase().includes(t.toLowerCase())) &&
          input?.value === t &&
          new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('q') === t
        );
      },
      term,
      { timeout: 10_000 },
    );

  it('is kept when the menu is clicked on Mentions itself; the menu still clears the other filters', async () => {
    await page.goto(`${demo.url}#/mentions?q=Lisboa&sentiment=1`);
    await searched('Lisboa');
    const hashAtClick = await page.evaluate(() => {
      document.querySelector<HTMLElement>('[data-testid="nav-mentions"]')?.click();
      const hash = window.location.hash;
      const input = document.querySelector<HTMLInputElement>('[data-testid="search"]');
      if (!input) throw new Error('no search box');
      // what typing does: React reads the new value from the input event
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
        input,
        'Porto',
      );
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return hash;
    });
    expect(hashAtClick).toBe('#/mentions');
    await searched('Porto');
    expect(await page.getByTestId('filter-sentiment').inputValue()).toBe('');
    // the words stay after the address settles
    await page.waitForTimeout(500);
    expect(await page.getByTestId('search').inputValue()).toBe('Porto');
  });

  it('searches when the menu is clicked on another page and the words are typed at once', async () => {
    await page.goto(`${demo.url}#/overview`);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('search').fill('gracias');
    await searched('gracias');
    // and clicking the menu with nothing typed since still starts over
    await page.getByTestId('nav-mentions').click();
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('[data-testid="search"]')?.value === '',
    );
    expect(demo.errors).toEqual([]);
  });
});
