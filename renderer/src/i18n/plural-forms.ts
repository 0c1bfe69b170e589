/**
 * Every plural form a language's numbers take, filled from the `_other` form where the
 * messages spell none. Spanish has a third category beside one and other: 'many', for exact
 * multiples of a million (Intl.PluralRules('es').select(1e6) is 'many'), so "1.000.000
 * menciones nuevas" looked up `summary_many`, found none and fell back to the English sentence.
 * The `_other` text reads right there, written in digits.
 */
export function withAllPluralForms<T extends object>(messages: T, lang: string): T {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const fill = (o: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o))
      out[k] = v && typeof v === 'object' ? fill(v as Record<string, unknown>) : v;
    for (const [k, v] of Object.entries(o)) {
      if (!k.endsWith('_other') || typeof v !== 'string') continue;
      const base = k.slice(0, -'_other'.length);
      for (const c of categories) if (!(`${base}_${c}` in out)) out[`${base}_${c}`] = v;
    }
    return out;
  };
  return fill(messages as Record<string, unknown>) as T;
}
