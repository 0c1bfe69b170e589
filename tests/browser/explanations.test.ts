/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_TEMPLATES } from '../../main/core/analysis/notes';
import { useDemo, OUTPUT } from './harness';

/** Any of the core's English explaining sentences, with whatever words fill them. */
const ENGLISH = Object.values(NOTE_TEMPLATES)
  .filter((s) => s.length > 8) // "phrase", "hashtag", "emoji": the same word in Spanish
  .map(
    (s) =>
      new RegExp(
        s
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/"/g, '["“”]')
          .replace(/\{\w+\}/g, '.+?'),
      ),
  );

describe('a mention explains itself in the UI language', () => {
  const demo = useDemo('es-ES');
  const page = demo.page;

  /** Puts a fixture in the Sources page's file input, as choosing it would. */
  const upload = async (name: string) => {
    await page.goto(`${demo.url}#/sources`);
    await page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: readFileSync(join(__dirname, '../fixtures/importers', name)),
    });
  };

  /**
   * Opens the one mention whose text has `search`, as a user does: the menu, then the words
   * typed at once. From the second search on the menu is clicked on Mentions itself, whose
   * address carries the last search: its hashchange may arrive after the typing and must not
   * clear it (mentions-search-race.test.ts forces that order).
   */
  const open = async (search: string) => {
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('search').fill(search);
    await page.waitForFunction((term) => {
      const rows = document.querySelectorAll('[data-testid="mention-row"]');
      return rows.length === 1 && (rows[0]?.textContent ?? '').includes(term);
    }, search);
    await page.getByTestId('mention-row').first().click();
    const why = page.getByTestId('explanation');
    await why.waitFor();
    return why;
  };

  it('in Spanish the rules, irony and complaint reasons are Spanish; in English, English', async () => {
    await upload('explained-posts.csv');
    await page.getByTestId('import').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toMatch(/4 menciones nuevas/);

    let why = await open('envase');
    let text = await why.innerText();
    expect(text).toContain('bonito');
    expect(text).toMatch(/lo niega “no”, antes de una palabra de contraste/);
    expect(text).toContain('rapidisimo');
    expect(text).toContain('después de una palabra de contraste');
    expect(text).toContain('2 signos de exclamación intensifican la puntuación');
    expect(text).toContain('contraste: lo que sigue a “pero/but” pesa más');
    expect(text).toMatch(/Queja: palabras de un tema sin tono negativo \(puntuación 0,\d+\)/);
    expect(text).toMatch(
      /Puntuación de sentimiento 0,\d+ \(positivo desde 0,3, negativo desde -0,2\)/,
    );
    for (const en of ENGLISH) expect(text).not.toMatch(en);
    // the post's language by its name, not its code
    expect(await page.getByTestId('mention-detail').innerText()).toMatch(/Idioma\s+Español/);
    await page.screenshot({ path: join(OUTPUT, 'mention-explained-es.png'), fullPage: true });

    why = await open('cobrado');
    text = await why.innerText();
    expect(text).toContain('Probable ironía: elogio (“genial”) junto a una queja o un problema');
    expect(text).toMatch(
      /Queja: tono negativo con palabras de reembolso \/ cobro \(cobrad, reembolso.*\); una compra o gestión propia \(.*mi pedido\)/,
    );
    for (const en of ENGLISH) expect(text).not.toMatch(en);

    // insults and hate speech by their Spanish names, the hate finding with its reason
    why = await open('ladrones');
    text = await why.innerText();
    expect(text).toContain('insulto: “ladrones” (gravedad 2 de 3)');
    expect(text).toContain(
      'discurso de odio: hostilidad (“fuera”) hacia un colectivo (“inmigrantes”) (gravedad 3 de 3)',
    );
    for (const en of ENGLISH) expect(text).not.toMatch(en);

    // The same post in English says the core's sentences.
    await page.getByTestId('language').first().selectOption('en');
    why = await open('parcel');
    text = await why.innerText();
    expect(text).toMatch(/pretty \(-?[\d.]+\) — negated by “not”, before a contrast word/);
    expect(text).toMatch(
      /great \(\+[\d.]+\) — emphasised \(capitals or repeated letters\), after a contrast word/,
    );
    expect(text).toContain('2 exclamation marks amplify the score');
    expect(text).toMatch(/Complaint: topic words without a negative tone \(score 0\.\d+\)/);
    await page.screenshot({ path: join(OUTPUT, 'mention-explained-en.png'), fullPage: true });
    expect(demo.errors).toEqual([]);
  });

  it('rows an import could not read say why in the UI language', async () => {
    await upload('malformed-rows.csv');
    await page.getByTestId('preview').click();
    const preview = page.getByTestId('preview-rows');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('date “ayer por la tarde” not understood');
    await page.getByTestId('import').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/1 new mention, 0 already stored, 4 rejected/);
    await result.locator('summary').click();
    const lines = async () => (await result.locator('.error-list li').allInnerTexts()).join('\n');
    expect(await lines()).toBe(
      [
        'malformed-rows.csv:3 no text in column “text”',
        'malformed-rows.csv:4 date “ayer por la tarde” not understood',
        'malformed-rows.csv:5 no date in column “date”',
        'malformed-rows.csv:6 the last record has a quoted field that never closes (a cut file?)',
      ].join('\n'),
    );
    // The same list, and the preview, in Spanish.
    await page.getByTestId('language').first().selectOption('es');
    await result.getByText('Filas que no se han podido leer (4)').waitFor();
    expect(await result.innerText()).toMatch(/1 mención nueva, 0 ya guardadas, 4 rechazadas/);
    expect(await lines()).toBe(
      [
        'malformed-rows.csv:3 sin texto en la columna “text”',
        'malformed-rows.csv:4 no se entiende la fecha “ayer por la tarde”',
        'malformed-rows.csv:5 sin fecha en la columna “date”',
        'malformed-rows.csv:6 el último registro tiene un campo entre comillas que no se cierra (¿un archivo cortado?)',
      ].join('\n'),
    );
    await page.screenshot({ path: join(OUTPUT, 'import-row-reasons-es.png'), fullPage: true });
    expect(demo.errors).toEqual([]);
  });
});
