/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT, useDemo } from './harness';

describe('People on the demo workspace: author detail and coordinated groups', () => {
  const demo = useDemo('es-ES');
  const page = demo.page;

  it('filters and sorts the list from the keyboard, opens an author with timeline and evidence', async () => {
    await page.goto(demo.url);
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people').waitFor();
    // label chip with its count, by keyboard
    await page.getByTestId('filter-escalating').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="people"] tbody tr')].every((r) =>
        /En escalada/.test(r.textContent ?? ''),
      ),
    );
    expect(await page.getByTestId('filter-escalating').innerText()).toMatch(/En escalada \(\d+\)/);
    await page.getByTestId('sort-posts').click();
    const first = page.getByTestId('open-author').first();
    const handle = (await first.innerText()).trim();
    await first.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('author-detail');
    await detail.waitFor();
    await page.getByTestId('chart-author').waitFor();
    expect(await detail.innerText()).toContain(handle);
    expect(await page.getByTestId('label-history').innerText()).toMatch(/En escalada/);
    expect(await page.getByTestId('author-posts').innerText()).toMatch(/respondió/);
    await page.screenshot({ path: join(OUTPUT, 'people-author.png'), fullPage: true });
    // the override buttons: set a label, see it marked as yours, go back to computed
    await detail.getByRole('button', { name: 'Cliente enfadado', exact: true }).click();
    await detail.getByText('(puesta por ti)').waitFor();
    await detail.getByRole('button', { name: 'Volver a la calculada' }).click();
    await detail.getByText('(puesta por ti)').waitFor({ state: 'detached' });
    await page.getByTestId('author-back').click();
    await page.getByTestId('people').waitFor();
    // the filter survived the detail
    expect(await page.getByTestId('filter-escalating').getAttribute('aria-pressed')).toBe('true');
  });

  it('lists the coordinated groups with members that open their detail', async () => {
    await page.getByTestId('tab-groups').click();
    await page.getByTestId('group').first().waitFor();
    const group = page.getByTestId('group').first();
    expect(await group.innerText()).toMatch(/Mismo texto|Mismos hashtags/);
    await page.screenshot({ path: join(OUTPUT, 'people-groups.png'), fullPage: true });
    const member = group.locator('button').first();
    const name = (await member.innerText()).trim();
    await member.click();
    await page.getByTestId('author-detail').waitFor();
    expect(await page.getByTestId('author-detail').locator('h2').innerText()).toContain(name);
    expect(demo.errors).toEqual([]);
  });
});
