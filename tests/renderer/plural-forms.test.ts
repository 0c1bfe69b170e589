import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { withAllPluralForms } from '../../renderer/src/i18n/plural-forms';
import { resources } from '../../renderer/src/i18n/resources';

async function ui(lng: 'en' | 'es') {
  const i = i18next.createInstance();
  await i.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i;
}

describe('plural forms of the UI text', () => {
  it('a million new mentions reads in Spanish too (Spanish says "many" for exact millions)', async () => {
    const es = await ui('es');
    for (const count of [1, 2, 999_999, 1_000_000, 2_000_000]) {
      const said = es.t('sources.summary', {
        count,
        file: 'x.jsonl',
        format: 'jsonl',
        imported: count.toLocaleString('es'),
        duplicates: '0',
        rejected: '0',
      });
      expect(said, String(count)).toMatch(count === 1 ? /mención nueva/ : /menciones nuevas/);
    }
    expect(es.t('today.unanswered', { count: 1_000_000, n: '1.000.000', since: 'ayer' })).toMatch(
      /quejas siguen sin respuesta/,
    );
    // the Reports card's count of a period (it read "1 menciones" / "1 mentions")
    const period = (count: number) => ({ count, mentions: String(count), customer: '1' });
    expect(es.t('reports.period.count', period(1))).toMatch(/^1 mención en estos días/);
    expect(es.t('reports.period.count', period(1_000_000))).toMatch(/menciones en estos días/);
    const en = await ui('en');
    expect(en.t('reports.period.count', period(1))).toMatch(/^1 mention in these days/);
    expect(en.t('reports.period.count', period(2))).toMatch(/^2 mentions in these days/);
    expect(en.t('sources.summary', { count: 1_000_000, imported: '1,000,000' })).toMatch(
      /new mentions/,
    );
  });

  it('fills only the forms a language lacks, from its _other form, at any depth', () => {
    const m = {
      a: { n_one: 'one', n_other: 'other', x: 'x' },
      k_one: '1',
      k_other: 'n',
      k_many: 'm',
    };
    expect(withAllPluralForms(m, 'es')).toEqual({
      a: { n_one: 'one', n_other: 'other', n_many: 'other', x: 'x' },
      k_one: '1',
      k_other: 'n',
      k_many: 'm',
    });
    expect(withAllPluralForms(m, 'en')).toEqual(m);
  });
});
