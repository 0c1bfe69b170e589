import { describe, expect, it } from 'vitest';
import { explainText } from '../../main/core/analysis';

const s = (t: string, lang: string) => explainText(t, { lang }).analysis.sentiment;
const rules = (t: string, lang: string) =>
  explainText(t, { lang }).explanation.sentiment.terms.map((x) => x.rule ?? '');

describe('sentiment: events and headlines are reported, not judged', () => {
  it('a word that names an occasion, a contest or a prize does not praise on its own', () => {
    expect(s('The county fair opens on Saturday with a parade and a concert', 'en')).toBe(0);
    expect(s('Festival tickets go on sale this Friday', 'en')).toBe(0);
    expect(s('Awards night at the town hall on Thursday', 'en')).toBe(0);
    expect(rules('Festival tickets go on sale this Friday', 'en')).toContain(
      'names an occasion or a prize (reports an event)',
    );
  });

  it('the opinion about an occasion still decides the verdict', () => {
    expect(s('Loved the festival, best weekend of the year', 'en')).toBe(1);
    expect(s('What an amazing festival!', 'en')).toBe(1);
    expect(s('The festival was a disaster, never again', 'en')).toBe(-1);
    expect(s('Our bakery won a prize at the regional fair, so proud of the team!', 'en')).toBe(1);
  });

  it('a post cut off with "..." weighs its words less, in both languages', () => {
    expect(s('Fans welcome the new stadium plan', 'en')).toBe(1);
    expect(s('Fans welcome the new stadium plan ...', 'en')).toBe(0);
    expect(s('Residents hope the new bridge opens soon…', 'en')).toBe(0);
    expect(s('El alcalde dice que el plan es bueno para el puerto', 'es')).toBe(1);
    expect(s('El alcalde dice que el plan es bueno para el puerto...', 'es')).toBe(0);
    expect(s('Los vecinos celebran la apertura del nuevo puente…', 'es')).toBe(0);
    expect(rules('Fans welcome the new stadium plan ... https://example.com/a', 'en')).toContain(
      'post cut off with "..." (a shared headline)',
    );
  });

  it('strong words still carry a cut-off post', () => {
    expect(s('Terrible crash on the motorway, three dead and many hurt...', 'en')).toBe(-1);
    expect(s('Horrible accidente en la autopista, tres muertos y muchos heridos...', 'es')).toBe(
      -1,
    );
    expect(s('Vecinos muy contentos con el nuevo puente, ¡una maravilla!...', 'es')).toBe(1);
    expect(s('So happy with the new bridge, just wonderful...', 'en')).toBe(1);
  });

  it('dots inside a post are not a cut-off end', () => {
    expect(s('Fans welcome... the new stadium plan', 'en')).toBe(1);
  });
});
