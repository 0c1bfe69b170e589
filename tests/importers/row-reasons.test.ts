import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { RejectedRow } from '../../main/core/model/mention';
import {
  readRowReason,
  rowReason,
  ROW_REASON_TEMPLATES,
} from '../../main/core/sources/importers/row-reasons';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import { cli } from '../helpers/cli';
import { workspaceDeps } from '../helpers/workspace';

const FIXTURE = join(__dirname, '../fixtures/importers/malformed-rows.csv');

/** The renderer's own words for a row reason (row-reason-text.ts), in a real i18next. */
async function sayer(lng: 'en' | 'es') {
  const t = await i18next.createInstance().init({
    lng,
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
  });
  return (r: RejectedRow) =>
    r.key ? t(`sources.rowReasons.${r.key}`, { ...r.params, defaultValue: r.reason }) : r.reason;
}

describe('rows an import cannot read say why in the UI language', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('the app gets a key per reason and says it in Spanish and English; the CLI keeps English', async () => {
    const path = env.tmp.path('malformed-rows.csv');
    copyFileSync(FIXTURE, path);
    const r = await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    if (!r.ok) throw new Error(r.error.message);
    const summary = r.value as { imported: number; errors: RejectedRow[] };
    expect(summary.imported).toBe(1);
    expect(summary.errors.map((e) => [e.line, e.key, e.params])).toEqual([
      [3, 'noText', { column: 'text' }],
      [4, 'dateNotUnderstood', { value: 'ayer por la tarde' }],
      [5, 'noDate', { column: 'date' }],
      [6, 'lastQuoteNeverCloses', {}],
    ]);
    const sayEs = await sayer('es');
    expect(summary.errors.map(sayEs)).toEqual([
      'sin texto en la columna “text”',
      'no se entiende la fecha “ayer por la tarde”',
      'sin fecha en la columna “date”',
      'el último registro tiene un campo entre comillas que no se cierra (¿un archivo cortado?)',
    ]);
    const sayEn = await sayer('en');
    expect(summary.errors.map(sayEn)).toEqual([
      'no text in column “text”',
      'date “ayer por la tarde” not understood',
      'no date in column “date”',
      'the last record has a quoted field that never closes (a cut file?)',
    ]);

    // The command line prints and returns the English sentences, with the contract's fields only.
    const ws = env.tmp.path('cli.atalaya');
    await cli(['workspace', 'create', ws, '--brand', 'Acme']);
    const out = await cli(['import', FIXTURE, '--workspace', ws, '--json']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { errors: Array<Record<string, unknown>> };
    expect(json.errors.map((e) => Object.keys(e).sort())).toEqual(
      Array(4).fill(['file', 'line', 'reason']),
    );
    expect(json.errors.map((e) => e['reason'])).toEqual([
      'no text in column "text"',
      'date "ayer por la tarde" not understood',
      'no date in column "date"',
      'the last record has a quoted field that never closes (a cut file?)',
    ]);
  });

  it('every reason reads back to its key and values, and both languages have its words', () => {
    const sample = {
      n: 12,
      column: 'texto',
      value: '31/02',
      message: 'Unexpected token',
      detail: '[]',
      id: '99',
    };
    for (const [key, template] of Object.entries(ROW_REASON_TEMPLATES)) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(names.map((n) => [n, sample[n as keyof typeof sample]]));
      const text = rowReason(key as keyof typeof ROW_REASON_TEMPLATES, params);
      expect(readRowReason(text), text).toEqual({ key, params });
      for (const m of [en, es]) {
        const said = (m.sources.rowReasons as Record<string, string>)[key];
        expect(said, key).toBeTruthy();
        expect([...(said ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]).sort(), key).toEqual(
          [...names].sort(),
        );
      }
    }
    // words no template spells (older or unknown reasons) stay as they are
    expect(readRowReason('something else went wrong')).toBe(null);
  });
});
