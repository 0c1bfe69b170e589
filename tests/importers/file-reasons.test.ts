import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { ImportFileSummary } from '../../main/core/model/imports';
import {
  FILE_REASON_TEMPLATES,
  fileReason,
  readFileReason,
} from '../../main/core/sources/importers/file-reasons';
import { fileReasonText } from '../../renderer/src/features/sources/row-reason-text';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import { cli } from '../helpers/cli';
import { workspaceDeps } from '../helpers/workspace';

const FIX = join(__dirname, '../fixtures/importers');

async function translator(lng: 'en' | 'es'): Promise<TFunction> {
  return i18next.createInstance().init({
    lng,
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
  });
}

const names = (text: string, re: RegExp): string[] =>
  [...text.matchAll(re)].map((m) => m[1] as string).sort();

describe('a refused file says why in the UI language, as the app user would act on it', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  /** Imports a file through the app's handler, as a picked or dropped file. */
  const refuse = async (path: string): Promise<ImportFileSummary> => {
    const r = await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    if (!r.ok) throw new Error(r.error.message);
    const f = (r.value as { files: ImportFileSummary[] }).files[0];
    expect(f?.status).toBe('refused');
    return f as ImportFileSummary;
  };

  it('a table whose text and date columns cannot be told: the mapping in the app, --map in the CLI', async () => {
    const path = env.tmp.path('ventas.csv');
    copyFileSync(join(FIX, 'unmapped-columns.csv'), path);
    const f = await refuse(path);
    expect(f.key).toBe('tableWithoutFields');
    expect(f.params).toMatchObject({
      kind: 'CSV',
      columns: '"cuando", "quien", "que"',
      fields: 'text or date',
    });
    const reason = { key: f.key, params: f.params, reason: f.reason ?? '' };
    const sayEs = fileReasonText(await translator('es'), 'es', reason);
    expect(sayEs).toBe(
      'es una tabla con las columnas "cuando", "quien", "que", pero ninguna se lee como texto o fecha. Indica qué columna es cada una en la correspondencia de columnas.',
    );
    const sayEn = fileReasonText(await translator('en'), 'en', reason);
    expect(sayEn).toMatch(/none of them reads as the text or date\. .*column mapping\.$/);
    for (const said of [sayEs, sayEn]) expect(said).not.toMatch(/--|=COLUMN/);

    // The command line keeps its English sentence, which names its own flags.
    const ws = env.tmp.path('cli.atalaya');
    await cli(['workspace', 'create', ws, '--brand', 'Acme']);
    const out = await cli(['import', path, '--workspace', ws, '--json']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^ventas\.csv: could not tell the format: looks like CSV .* — pass --format csv --map text=COLUMN,date=COLUMN/,
    );
  });

  it('empty, unknown, damaged JSON and twarc2 counts files each get their key, said in Spanish', async () => {
    const t = await translator('es');
    const cases: Array<[string, string | Buffer, string, RegExp]> = [
      ['vacio.csv', '', 'isEmpty', /^el archivo está vacío\./],
      ['notas.txt', 'hola estas son mis notas\n', 'unknownFormat', /Elige su formato en Formato/],
      [
        'datos.json',
        '[{"msg": "hola", "when": "ayer"}]',
        'fieldsNotFound',
        /^Atalaya no encuentra entre "msg", "when" ninguna columna para texto y fecha\./,
      ],
      ['recuentos.jsonl', '', 'tweetCounts', /no hay nada que importar/],
    ];
    for (const [name, body, key, said] of cases) {
      const path = env.tmp.path(name);
      if (name === 'recuentos.jsonl') copyFileSync(join(FIX, 'twarc2-counts.jsonl'), path);
      else writeFileSync(path, body);
      const f = await refuse(path);
      expect(f.key, name).toBe(key);
      expect(fileReasonText(t, 'es', { ...f, reason: f.reason ?? '' }), name).toMatch(said);
    }
  });

  it('every reason reads back to its key and values, and both languages say it with no CLI flag', () => {
    const sample: Record<string, string> = {
      code: 'EACCES',
      what: 'likes',
      start: 'hola',
      kind: 'CSV',
      columns: '"a", "b"',
      fields: 'text and date',
      format: 'csv',
      pairs: 'text=COLUMN,date=COLUMN',
      line: 'a b c',
      names: '"x"',
      message: 'Unexpected end',
    };
    for (const [key, template] of Object.entries(FILE_REASON_TEMPLATES)) {
      const wanted = names(template, /\{(\w+)\}/g);
      const params = Object.fromEntries(wanted.map((n) => [n, sample[n] ?? n]));
      const text = fileReason(key as keyof typeof FILE_REASON_TEMPLATES, params);
      expect(readFileReason(`notes.txt: ${text}`, 'notes.txt'), text).toEqual({ key, params });
      for (const m of [en, es]) {
        const said = (m.sources.fileReasons as Record<string, string>)[key] ?? '';
        expect(said, key).toBeTruthy();
        // the app's words name only values the core gives, and never the CLI's flags
        for (const n of names(said, /\{\{(\w+)\}\}/g)) expect(wanted, `${key}: ${n}`).toContain(n);
        expect(said, key).not.toMatch(/--\w/);
      }
    }
    expect(readFileReason('something else went wrong')).toBe(null);
  });
});
