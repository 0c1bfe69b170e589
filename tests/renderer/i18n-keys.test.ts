import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('UI text', () => {
  it('Spanish and English have the same keys, none empty', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    for (const k of keys(es)) {
      const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], es);
      expect(String(v).trim(), k).not.toBe('');
    }
  });
  it('placeholders match between languages', () => {
    for (const k of keys(en)) {
      const get = (o: object) =>
        String(k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o));
      const ph = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
      expect(ph(get(es)), k).toEqual(ph(get(en)));
    }
  });
});
