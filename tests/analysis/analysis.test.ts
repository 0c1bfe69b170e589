import { describe, expect, it } from 'vitest';
import { analyzeText, detectLanguage, explainText } from '../../main/core/analysis';
import { cli } from '../helpers/cli';

const s = (t: string, lang?: string) => analyzeText(t, lang ? { lang } : {}).sentiment;

describe('language', () => {
  it('tells Spanish from English on short posts, und when unsure', () => {
    expect(detectLanguage('llevo tres semanas esperando mi pedido').lang).toBe('es');
    expect(detectLanguage('¿Alguien sabe a qué hora abre?').lang).toBe('es');
    expect(detectLanguage('still waiting for my order, nobody answers').lang).toBe('en');
    expect(detectLanguage('ok').lang).toBe('und');
    expect(detectLanguage('Das ist nicht gut und ich bin sehr enttäuscht').lang).toBe('de');
  });
});

describe('sentiment rules', () => {
  it('reads plain polarity in both languages', () => {
    expect(s('Me encanta el nuevo servicio, genial')).toBe(1);
    expect(s('Servicio pésimo, una vergüenza')).toBe(-1);
    expect(s('Love the new app, thanks a lot!')).toBe(1);
    expect(s('This is the worst service ever')).toBe(-1);
    expect(s('Hoy presentan la nueva colección en Madrid')).toBe(0);
  });
  it('negation flips or softens', () => {
    expect(s('no me gusta nada')).toBe(-1);
    expect(s('not good at all')).toBe(-1);
    expect(s('not bad at all')).toBe(1);
  });
  it('negative concord: "no … nada" is not a double negation; "no jodas" stays negative', () => {
    expect(analyzeText('No puedo hacer nada con el pedido').score).toBeLessThanOrEqual(0);
    expect(s('No jodas, otra vez tarde')).toBe(-1);
    expect(s('Terminarán odiándome todos')).toBe(-1);
  });
  it('negation stops at a clause boundary', () => {
    expect(s('No, el servicio fue genial')).toBe(1);
    expect(s('No. The staff were great')).toBe(1);
    expect(s('no fue genial')).not.toBe(1);
    expect(s('it was not great')).not.toBe(1);
  });
  it('discourse markers are not praise', () => {
    expect(s('Bueno, mañana vuelvo a la oficina')).toBe(0);
    expect(s('Lo intenté, pero bueno, es lo que hay')).not.toBe(1);
    expect(s('Well, the parcel arrived on Monday')).toBe(0);
    expect(s('El pan está muy bueno')).toBe(1);
    expect(s('They did it well, really well')).toBe(1);
  });
  it('capitalised names are not opinions', () => {
    expect(s('just got tickets for the Leeds United game and a Super Eagles shirt')).toBe(0);
    expect(s('Mañana juegan los Buenos Aires Lions en el estadio')).toBe(0);
    expect(s('the new menu is super good')).toBe(1);
  });
  it('"like" counts only as a verb; HTML entities are decoded', () => {
    expect(s('It looks like rain on Tuesday')).toBe(0);
    expect(s('I really like the new app')).toBe(1);
    expect(s('Order 4412 &gt;&gt; shipped on Monday')).toBe(0);
  });
  it('praise inside a question is not praise yet; criticism in a question stays', () => {
    expect(s('¿Es bueno el menú del día?')).toBe(0);
    expect(s('Is the new app any good?')).toBe(0);
    expect(s('¿Por qué es tan malo vuestro servicio?')).toBe(-1);
    expect(s('Why is your service so bad?')).toBe(-1);
  });
  it('topic words are not praise ("health care", "interest rates")', () => {
    expect(s('Health care costs and interest rates on the agenda')).toBe(0);
    expect(s('They really care about their customers')).toBe(1);
  });
  it('everyday expressions in both languages', () => {
    expect(s('Menos mal que llegó a tiempo')).toBe(1);
    expect(s('Qué asco de día')).toBe(-1);
    expect(s('Esto es una pesadilla')).toBe(-1);
    expect(s('Felicidades a todo el equipo')).toBe(1);
    expect(s('This company is a joke')).toBe(-1);
    expect(s('So sick of these delays')).toBe(-1);
  });
  it('intensifiers, caps and elongation strengthen', () => {
    expect(analyzeText('muy malo').score).toBeLessThan(analyzeText('malo').score);
    expect(analyzeText('HORRIBLE').score).toBeLessThan(analyzeText('horrible').score);
    expect(analyzeText('buenooo').score).toBeGreaterThan(analyzeText('bueno').score);
  });
  it('contrast: what follows "pero"/"but" decides', () => {
    expect(s('El hotel es bonito pero el servicio es pésimo')).toBe(-1);
    expect(s('The wait was long but the staff were amazing')).toBe(1);
  });
  it('emoji, emoticons and meaningful hashtags count', () => {
    expect(s('otra vez igual 😡')).toBe(-1);
    expect(s('llegó hoy 😍')).toBe(1);
    expect(s('the order arrived :(')).toBe(-1);
    expect(s('@acme cobran de más #timo')).toBe(-1);
    expect(s('order arrived #fail')).toBe(-1);
    expect(s('el pedido ya está aquí 🤩')).toBe(1);
    expect(s('otra vez el mismo error 🤦')).toBe(-1);
  });
  it('customer-care vocabulary is negative', () => {
    expect(s('@acme no contestan al teléfono')).toBe(-1);
    expect(s('@acme still waiting, no response')).toBe(-1);
  });
  it('review stars weigh in', () => {
    expect(analyzeText('Fue normal', { rating: 1 }).sentiment).toBe(-1);
    expect(analyzeText('Fue normal', { rating: 5 }).sentiment).toBe(1);
  });
  it('likely irony is flagged and not counted as praise', () => {
    const a = analyzeText('Genial, otra vez cancelado el vuelo. Gracias por nada');
    expect(a.irony).toBe(true);
    expect(a.sentiment).not.toBe(1);
    const b = analyzeText('Great job, my flight was cancelled again and no refund');
    expect(b.irony).toBe(true);
    expect(b.sentiment).not.toBe(1);
  });
});

describe('complaints and topics', () => {
  const topic = (t: string) => analyzeText(t).topic;
  it('detects complaints and their topic in both languages', () => {
    expect(topic('Llevo tres semanas esperando mi pedido, no me ha llegado')).toBe(
      'delivery_delay',
    );
    expect(topic('Me habéis cobrado dos veces, quiero el reembolso ya')).toBe('refund_billing');
    expect(topic('Cancelaron mi vuelo sin avisar, vergüenza')).toBe('cancellation');
    expect(topic('Una hora esperando, atención al cliente pésima, no contestan')).toBe(
      'customer_service',
    );
    expect(topic('El producto llegó roto y no funciona')).toBe('product_fault');
    expect(topic('I cannot log in to my account, terrible')).toBe('booking_access');
    expect(topic('Way too expensive, overpriced rubbish')).toBe('price');
    expect(topic('Still waiting for my refund, charged twice!')).toBe('refund_billing');
  });
  it('positive or neutral posts about the same topics are not complaints', () => {
    expect(analyzeText('Pedido recibido antes de tiempo, gracias').complaint).toBe(false);
    expect(analyzeText('¿Cuánto cuesta el envío a Canarias?').complaint).toBe(false);
    expect(analyzeText('Refund arrived today, thanks for the quick help!').complaint).toBe(false);
  });
  it('explains the words that decided it', () => {
    const e = explainText('Me habéis cobrado dos veces, quiero el reembolso ya').explanation;
    expect(e.complaint.evidence.map((x) => x.term)).toContain('reembolso');
    expect(e.complaint.reason).toMatch(/refund billing/);
  });
});

describe('insults, threats and campaigns', () => {
  it('flags insults, profanity and threats with severity', () => {
    const a = explainText('Sois unos ladrones y unos inútiles').explanation.toxicity;
    expect(a.insult).toBe(true);
    expect(a.findings.map((f) => f.term)).toEqual(expect.arrayContaining(['ladrones', 'inutiles']));
    expect(explainText('te voy a matar').explanation.toxicity.severity).toBe(3);
    expect(analyzeText('You are a bunch of idiots').insult).toBe(true);
    expect(
      explainText('I will find you, watch your back').explanation.toxicity.findings[0]?.kind,
    ).toBe('threat');
    expect(analyzeText('Gracias por la ayuda, muy amables').insult).toBe(false);
    expect(analyzeText('Thanks for the quick reply').insult).toBe(false);
  });
  it('tells a slur from swearing and a pet ("puta" as intensifier, "mi perra")', () => {
    const tox = (t: string) => explainText(t, { lang: 'es' }).explanation.toxicity;
    const kinds = (t: string) => tox(t).findings.map((f) => `${f.kind}:${f.term}`);
    expect(kinds('Qué puta pereza el lunes')).toEqual(['profanity:puta']);
    expect(kinds('Cállate, puta')).toContain('slur:puta');
    expect(tox('Cállate, puta').hate).toBe(true);
    expect(tox('Me cago en la puta, otra vez sin tren').hate).toBe(false);
    expect(tox('Hijo de puta, devuélveme el dinero').hate).toBe(false);
    expect(tox('Hijo de puta, devuélveme el dinero').insult).toBe(true);
    expect(tox('Le enseñé el vídeo a mi perra').findings).toEqual([]);
    expect(tox('Eres una perra').hate).toBe(true);
  });
  it('hate speech: group slurs, hostility towards a group, misogynist abuse (es/en)', () => {
    const hate = (t: string, lang: string) => explainText(t, { lang }).explanation.toxicity.hate;
    expect(hate('Fuera los inmigrantes, son una plaga', 'es')).toBe(true);
    expect(hate('Puto sudaca, vete a tu país', 'es')).toBe(true);
    expect(hate('Cállate, estúpida', 'es')).toBe(true);
    expect(hate('Las mujeres a fregar', 'es')).toBe(true);
    expect(hate('Send them back, immigrants are vermin', 'en')).toBe(true);
    expect(hate('Go back to the kitchen, woman', 'en')).toBe(true);
    expect(hate('Los inmigrantes abren tiendas en el barrio', 'es')).toBe(false);
    expect(hate('Women in tech meetup tonight, all welcome', 'en')).toBe(false);
    expect(hate('El pedido llegó tarde, qué mierda', 'es')).toBe(false);
  });
  it('labels aimed at someone count; situations and feelings do not', () => {
    const ins = (t: string) => analyzeText(t).insult;
    expect(ins('Smith is a crook')).toBe(true);
    expect(ins('You are crazy')).toBe(true);
    expect(ins('Eres un payaso')).toBe(true);
    expect(ins('Crazy deals this weekend')).toBe(false);
    expect(ins('You are wrong about the date')).toBe(false);
    expect(ins('He is lying about the refund')).toBe(false);
    expect(ins('This is a disaster')).toBe(false);
    expect(ins('What a shitshow of a launch')).toBe(true);
    expect(ins('You absolute dumbfuck')).toBe(true);
  });
  it('Latin American and Spanish insults', () => {
    for (const t of ['Cállate pendeja', 'Qué malparido', 'Sos un forro', 'Eres un soplapollas'])
      expect(analyzeText(t, { lang: 'es' }).insult).toBe(true);
  });
  it('detects calls to action and mass tagging', () => {
    expect(analyzeText('Boicot a @acme, no compréis, difunde').campaign).toBe(true);
    expect(analyzeText('Please RT and spread the word: boycott @acme #scam').campaign).toBe(true);
    expect(analyzeText('Hola @acme, ¿a qué hora abrís?').campaign).toBe(false);
  });
});

describe('analyzeText and explainText agree', () => {
  it('on a spread of posts', () => {
    for (const t of [
      'no me gusta',
      'Genial, gracias por nada',
      'Still waiting for my refund, idiots',
      '',
      '😡😡😡',
      'hola',
    ]) {
      expect(explainText(t).analysis).toEqual(analyzeText(t));
    }
  });
});

describe('score CLI', () => {
  it('answers JSON Lines in order, with errors inline', async () => {
    const input = [
      '{"id":1,"text":"Servicio pésimo, no contestan"}',
      'oops',
      '{"id":"x","text":"Love it!"}',
      '{"id":3}',
    ].join('\n');
    const r = await cli(['score'], input);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({
      id: 1,
      lang: 'es',
      sentiment: 'negative',
      complaint: true,
      topic: 'customer_service',
      insult: false,
    });
    expect(out[1]).toHaveProperty('error');
    expect(out[2]).toMatchObject({ id: 'x', sentiment: 'positive' });
    expect(out[3]).toMatchObject({ id: 3, error: expect.any(String) });
    expect((await cli(['score', '--lang', 'fr'])).code).toBe(2);
  });
});
