import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { correctionAccuracyText } from '../../renderer/src/features/mentions/correction-accuracy';
import { resources } from '../../renderer/src/i18n/resources';

async function ui(lng: 'en' | 'es') {
  const i = i18next.createInstance();
  await i.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i;
}
/** Spanish writes "0 %" with a no-break space. */
const plain = (s: string): string => s.replace(/\u00a0/g, ' ');

describe('accuracy on the corrected mentions', () => {
  it('one correction reads in the singular, without a learned figure (nothing else to learn from)', async () => {
    const [en, es] = await Promise.all([ui('en'), ui('es')]);
    const one = { corrected: 1, baseRight: 0, learnedRight: 0 };
    expect(correctionAccuracyText(en.t, one, 'en')).toBe(
      'On your 1 corrected mention Atalaya alone was right on 0%.',
    );
    expect(plain(correctionAccuracyText(es.t, one, 'es'))).toBe(
      'En tu 1 mención corregida Atalaya acertaba sola en el 0 %.',
    );
    const four = { corrected: 4, baseRight: 1, learnedRight: 3 };
    expect(plain(correctionAccuracyText(es.t, four, 'es'))).toBe(
      'En tus 4 menciones corregidas Atalaya acertaba sola en el 25 %; con lo aprendido de ellas, en el 75 % (cada una comprobada con un modelo entrenado sin ella).',
    );
    expect(correctionAccuracyText(en.t, four, 'en')).toMatch(
      /^On your 4 corrected mentions .* 75%/,
    );
  });
});
