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

  it('a complaint that trails off with "..." stays a complaint (only praise is damped)', () => {
    expect(s('Not a happy camper...', 'en')).toBe(-1);
    expect(s('The app crashed again and I lost my order...', 'en')).toBe(-1);
    expect(s('Otra vez sin respuesta, qué mal servicio...', 'es')).toBe(-1);
    expect(rules('Not a happy camper...', 'en')).not.toContain(
      'post cut off with "..." (a shared headline)',
    );
  });

  it('dots inside a post are not a cut-off end', () => {
    expect(s('Fans welcome... the new stadium plan', 'en')).toBe(1);
  });
});

describe('sentiment: a possibility is not a verdict', () => {
  it('"may", "might", "could" before praise soften it, in both languages', () => {
    expect(s('The update is interesting', 'en')).toBe(1);
    expect(s('The update might be interesting', 'en')).toBe(0);
    expect(s('El sitio es cómodo', 'es')).toBe(1);
    expect(s('El sitio quizás sea cómodo', 'es')).toBe(0);
    expect(s('Con esto podría ganar', 'es')).toBe(0);
    expect(rules('They could win the cup this year', 'en')).toContain('hedged by "could"');
    expect(s('If the update is interesting I will try it', 'en')).toBe(0);
  });

  it('the month May is no hedge, and strong words still decide', () => {
    expect(rules('Opening in May with an interesting menu', 'en')).not.toContain('hedged by "may"');
    expect(s('Opening in May with an interesting menu', 'en')).toBe(1);
    expect(s('The service may be terrible, never again', 'en')).toBe(-1);
    // Criticism under a hedge still finds fault.
    expect(s('You may be upset', 'en')).toBe(-1);
    expect(rules('The fix might be useless', 'en')).not.toContain('hedged by "might"');
    expect(s('Este sitio podría ser el mejor de la ciudad, ¡una maravilla!', 'es')).toBe(1);
  });
});

describe('sentiment: evaluative words VADER lacks', () => {
  it('praise and scorn words of reviews and posts count', () => {
    expect(s('That show was phenomenal, the cast is genius', 'en')).toBe(1);
    expect(s('The final was unforgettable', 'en')).toBe(1);
    expect(s('The sequel was a letdown, underwhelming', 'en')).toBe(-1);
    expect(s('Atrocious support and a mediocre app', 'en')).toBe(-1);
  });
});
