import { describe, expect, it } from 'vitest';
import { analyzeText, explainText } from '../../main/core/analysis';

/** Sentences written for these tests, one group per rule family, in Spanish and English. */
const tox = (t: string, lang: 'es' | 'en') => explainText(t, { lang }).explanation.toxicity;
const terms = (t: string, lang: 'es' | 'en') => tox(t, lang).findings.map((f) => f.term);

describe('insults aimed at a group of people', () => {
  it('a group said to be something insulting, or labelled before or after its name', () => {
    expect(terms('Honestly the managers there are brainless', 'en')).toContain('brainless');
    expect(terms('These politicians are pathetic liars', 'en')).toEqual(
      expect.arrayContaining(['are … pathetic']),
    );
    expect(terms('Crazy liberals again', 'en')).toContain('crazy liberals');
    expect(terms('Los políticos son unos chorizos', 'es')).toContain('son … chorizos');
    expect(terms('Otra vez los políticos corruptos de siempre', 'es')).toContain(
      'politicos corruptos',
    );
  });
  it('what is done to a group, or its situation, is not a label on it', () => {
    expect(analyzeText('We will hire people in Madrid', { lang: 'en' }).insult).toBe(false);
    expect(analyzeText('Poor people pay more for transport', { lang: 'en' }).insult).toBe(false);
    expect(analyzeText('Stop the attacks on women', { lang: 'en' }).insult).toBe(false);
    expect(analyzeText('Los trabajadores son muy amables', { lang: 'es' }).insult).toBe(false);
    expect(analyzeText('Hay mucha gente pobre en el barrio', { lang: 'es' }).insult).toBe(false);
  });
});

describe('animal and thing names that insult only when aimed', () => {
  it('count after "you are", "eres", "is a"', () => {
    expect(analyzeText('You are a snake', { lang: 'en' }).insult).toBe(true);
    expect(analyzeText('He is such a joke', { lang: 'en' }).insult).toBe(true);
    expect(analyzeText('Eres un burro', { lang: 'es' }).insult).toBe(true);
    expect(analyzeText('Usted es un farsante', { lang: 'es' }).insult).toBe(true);
  });
  it('do not count as things, or after a bare "you" that starts a verb or object', () => {
    expect(analyzeText('We saw a snake in the garden', { lang: 'en' }).insult).toBe(false);
    expect(analyzeText('Tenemos un burro en la granja', { lang: 'es' }).insult).toBe(false);
    expect(analyzeText('We can offer you the lowest price', { lang: 'en' }).insult).toBe(false);
    expect(analyzeText('Do you lose power to the whole device?', { lang: 'en' }).insult).toBe(
      false,
    );
  });
});

describe('swear words written with symbols, and swearing emoji', () => {
  it('finds masked swear words in both languages', () => {
    expect(terms('What the f*ck is this', 'en')).toContain('fuck');
    expect(terms('Total bullsh!t service', 'en')).toContain('shit');
    expect(terms('Qué p*ta mierda de servicio', 'es')).toContain('puta');
  });
  it('reads the middle finger as an insult', () => {
    expect(tox('Here is my review 🖕', 'en').insult).toBe(true);
    expect(tox('Para vosotros 🖕🖕', 'es').findings.map((f) => f.kind)).toEqual(['insult']);
  });
  it('leaves ordinary symbols alone', () => {
    expect(analyzeText('Save 20% on the 4*5 m rug, only $$ today', { lang: 'en' }).insult).toBe(
      false,
    );
    expect(analyzeText('Pedido #4412 enviado, 5* para el equipo', { lang: 'es' }).insult).toBe(
      false,
    );
  });
});

describe('more insults and crude words of everyday social text', () => {
  it('English', () => {
    for (const t of ['What a dirtbag', 'Such a crybaby', 'Typical sheeple', 'You twit'])
      expect(analyzeText(t, { lang: 'en' }).insult, t).toBe(true);
  });
  it('Spanish', () => {
    for (const t of ['Menudo cenutrio', 'Qué pringado', 'Eres un baboso', 'Me la suda tu opinión'])
      expect(analyzeText(t, { lang: 'es' }).insult, t).toBe(true);
  });
});

describe('hate speech towards immigrants and women (Spanish cues)', () => {
  const hate = (t: string) => explainText(t, { lang: 'es' }).explanation.toxicity.hate;
  it('calls to deport or send a group back, glued slurs, and housework put-downs', () => {
    expect(hate('Que repatrien ya a todos los marroquíes, aquí sobran')).toBe(true);
    expect(hate('Los emigrantes vienen a invadir y a vivir de la paguita')).toBe(true);
    expect(hate('Otro moromierda más en el barrio')).toBe(true);
    expect(hate('Limpiar la casa es cosa de mujeres')).toBe(true);
  });
  it('news and help for the same groups are not hate', () => {
    expect(hate('Los emigrantes marroquíes abren una cooperativa en Almería')).toBe(false);
    expect(hate('Las mujeres del club ganan la liga por tercera vez')).toBe(false);
    expect(hate('Campaña de ayuda a los rumanos afectados por la riada')).toBe(false);
  });
  it('a hostile word counts only beside the group word, in its clause', () => {
    expect(hate('Hoy menú árabe: sobran motivos para venir')).toBe(false);
    expect(hate('Las mujeres voluntarias salieron a limpiar la playa')).toBe(false);
    expect(hate('Emigrantes: envíos gratis fuera del país')).toBe(false);
    expect(hate('Fuera los inmigrantes de aquí, sobran')).toBe(true);
    expect(hate('Sobran los inmigrantes en este barrio')).toBe(true);
    expect(hate('Las mujeres a fregar')).toBe(true);
    expect(hate('Que deporten a los emigrantes ya')).toBe(true);
  });
  it('cerdo and rata insult only when aimed', () => {
    expect(analyzeText('Solomillo de cerdo al punto, 12 €', { lang: 'es' }).insult).toBe(false);
    expect(analyzeText('Hemos visto una rata en el almacén', { lang: 'es' }).insult).toBe(false);
    expect(analyzeText('Eres una rata', { lang: 'es' }).insult).toBe(true);
    expect(analyzeText('Eres un cerdo', { lang: 'es' }).insult).toBe(true);
  });
});
