import { describe, expect, it } from 'vitest';
import { analyzeText, explainText } from '../../main/core/analysis';

const s = (t: string, lang?: string) => analyzeText(t, lang ? { lang } : {}).sentiment;
const terms = (t: string, lang = 'en') =>
  explainText(t, { lang }).explanation.sentiment.terms.map((x) => x.term);

describe('sentiment: how social posts are written', () => {
  it('a typographic apostrophe keeps the word whole, so the negation still counts', () => {
    expect(analyzeText('I don’t like the new app', { lang: 'en' }).score).toBeLessThan(0);
    expect(s('The update isn’t good', 'en')).toBe(-1);
    expect(s('I don’t like the new app', 'en')).toBe(s("I don't like the new app", 'en'));
  });

  it('contractions that spell another word are not that word ("I\'ll" is not "ill")', () => {
    expect(s("I'll be at the store on Friday", 'en')).toBe(0);
    expect(s('I’ll pick it up tomorrow, he’ll drive', 'en')).toBe(0);
    expect(s("We'll see you at the launch", 'en')).toBe(0);
    expect(terms("He'll call the shop, I'll wait")).not.toContain('hell');
    // Written without the apostrophe, "ill" is still "I'll" unless it follows a word for being sick.
    expect(terms('ill be there at 5')).not.toContain('ill');
    expect(terms('I feel ill after that meal')).toContain('ill');
  });

  it('"super" before another word intensifies or names; "as well" is not praise', () => {
    expect(s('The Super Bowl is on Sunday', 'en')).toBe(0);
    expect(s('The staff were super helpful', 'en')).toBe(1);
    expect(s('We ordered the pizza as well as the pasta', 'en')).toBe(0);
    expect(s('My phone may as well be a brick', 'en')).not.toBe(1);
    expect(terms('The repair went well')).toContain('well');
  });

  it('doubled and mirrored emoticons count, in both languages', () => {
    expect(s('llega mañana el pedido :))', 'es')).toBe(1);
    expect(s('the parcel comes tomorrow (:', 'en')).toBe(1);
    expect(s('otra vez sin cobertura :((', 'es')).toBe(-1);
    expect(s('no signal again :,(', 'en')).toBe(-1);
    expect(s('nos vemos el sábado ^_^', 'es')).toBe(1);
  });

  it('slang where a swear word or a violent verb cheers', () => {
    expect(s('Hell yeah, the new season starts tonight', 'en')).toBe(1);
    expect(
      explainText('I love you guys but HELL NO', { lang: 'en' }).explanation.sentiment.terms.map(
        (t) => t.term,
      ),
    ).toContain('hell no');
    expect(s('The band killed it last night', 'en')).toBe(1);
    expect(s('Our barista is on fire today', 'en')).toBe(1);
    expect(s('Don’t miss the tasting on Saturday', 'en')).toBe(1);
    expect(s('They ran like there’s no tomorrow', 'en')).toBe(0);
  });

  it('a negation inside a set phrase does not reach the next word ("may or may not")', () => {
    expect(s('I may or may not be the happiest person right now', 'en')).toBe(1);
    expect(s('I am not the happiest person right now', 'en')).not.toBe(1);
  });

  it('wanting something "so bad" is longing, not a complaint', () => {
    expect(s('I want that jacket so bad', 'en')).not.toBe(-1);
    expect(s('I need a holiday so badly', 'en')).not.toBe(-1);
    expect(s('The coffee was so bad', 'en')).toBe(-1);
  });

  it('contrast: "yet" contrasts only when it opens a clause; a concession is the weak part', () => {
    // "not here yet": nothing is conceded, the complaint keeps its full weight.
    const notYet = explainText('Terrible service, my parcel is not here yet', { lang: 'en' });
    expect(notYet.explanation.sentiment.terms.find((t) => t.term === 'terrible')?.rule).toBe(
      undefined,
    );
    expect(s('Although the staff were friendly, the room was filthy', 'en')).toBe(-1);
    expect(s('Great food, awful service though', 'en')).toBe(-1);
    expect(s('The delivery was late but the driver was lovely', 'en')).toBe(1);
    expect(s('Aunque el personal fue amable, la habitación estaba sucia y fatal', 'es')).toBe(-1);
    expect(s('La comida llegó tarde, pero estaba buenísima', 'es')).toBe(1);
  });

  it('CAPS stand out only when the post is not all in capitals', () => {
    const shout = (t: string) =>
      explainText(t, { lang: 'en' }).explanation.sentiment.terms.find((x) => x.term === 'good')
        ?.rule ?? '';
    expect(shout('the pizza was GOOD today')).toContain('emphasised');
    expect(shout('THE PIZZA WAS GOOD TODAY')).not.toContain('emphasised');
  });

  it('rare chat acronyms are initials in posts, common ones keep their meaning', () => {
    expect(s('JJ and JT meet in NH on Monday for the VIP launch', 'en')).toBe(0);
    expect(s('that trailer lol', 'en')).toBe(1);
    expect(s('wtf is this update', 'en')).toBe(-1);
  });

  it('social and customer-care vocabulary VADER lacks', () => {
    expect(s('So stoked for the new season', 'en')).toBe(1);
    expect(s('My favourite café in town', 'en')).toBe(1);
    expect(s('Absolutely gutted, the gig is off', 'en')).toBe(-1);
    expect(s('The new update is garbage', 'en')).toBe(-1);
    expect(s('My order never arrived', 'en')).toBe(-1);
    expect(s('I was charged twice for one ticket', 'en')).toBe(-1);
    expect(s('Still no update on my claim', 'en')).toBe(-1);
    expect(s('They hung up on me after an hour', 'en')).toBe(-1);
    expect(s('Great service at the Leeds branch today', 'en')).toBe(1);
  });

  it('an intensifier that is an opinion word alone only strengthens the next one', () => {
    expect(s('The new menu is pretty bad', 'en')).toBe(-1);
    expect(s('That burger was damn good', 'en')).toBe(1);
    expect(s('Bloody brilliant service', 'en')).toBe(1);
    expect(terms('pretty bad')).not.toContain('pretty');
    expect(s('La camisa está bien fea', 'es')).toBe(-1);
    expect(s('El ceviche está bien rico', 'es')).toBe(1);
    expect(terms('bien fea', 'es')).not.toContain('bien');
  });

  it('"never … so" praises instead of denying; "no doubt" and "at least" do not negate', () => {
    expect(s('I have never been so happy with a phone', 'en')).toBe(1);
    expect(s('I was never happy with it', 'en')).toBe(-1);
    expect(s('Without a doubt the best coffee in town', 'en')).toBe(1);
    expect(s('At least the staff were friendly', 'en')).toBe(1);
    expect(s('Nunca tan bien atendido como hoy', 'es')).toBe(1);
  });

  it('irony needs clearly bad facts, not a passing mild word', () => {
    expect(
      analyzeText('Oh great, the app crashed again and I lost all my photos', { lang: 'en' }).irony,
    ).toBe(true);
    const mild = analyzeText('Well done team, can you hold on to the top spot?', { lang: 'en' });
    expect(mild.irony).toBe(false);
    expect(mild.sentiment).toBe(1);
    expect(
      analyzeText('Genial, otra vez el tren con retraso y sin avisar', { lang: 'es' }).irony,
    ).toBe(true);
    expect(
      analyzeText('Qué bien lo pasamos ayer, aunque acabé algo cansada', { lang: 'es' }).irony,
    ).toBe(false);
  });

  it('camel-case hashtags are read as their words, two-word names are not', () => {
    expect(s('Two hours on the phone #WorstServiceEver', 'en')).toBe(-1);
    expect(s('Got my parcel today #NotHappy', 'en')).toBe(-1);
    expect(s('Day 12 of my claim #StillWaiting', 'en')).toBe(-1);
    expect(s('Shopping at #BestBuy today', 'en')).toBe(0);
    expect(s('Otra vez sin luz en el barrio #QueVergüenza', 'es')).toBe(-1);
    expect(s('Me han cobrado la cuota dos veces #NoMeGusta', 'es')).toBe(-1);
    expect(s('Cena con amigos en #CasaLola', 'es')).toBe(0);
  });

  it('thanks closing a request are courtesy, not praise', () => {
    expect(s('Can you check my order status please? Thanks', 'en')).toBe(0);
    expect(s('Thanks for the quick help today', 'en')).toBe(1);
    expect(s('¿Me podéis decir cuándo llega el pedido? Gracias', 'es')).toBe(0);
    expect(s('Gracias por la ayuda de hoy', 'es')).toBe(1);
  });

  it('negation and contrast reach phrases as they reach words', () => {
    expect(s("The servers aren't the best right now", 'en')).not.toBe(1);
    expect(s('Wish you nothing but the best', 'en')).toBe(1);
    expect(s('The hotel looked lovely but I would not recommend it', 'en')).toBe(-1);
    expect(s('El hotel no es de lujo, la verdad', 'es')).not.toBe(1);
    expect(s('La comida fue de lujo, pero el servicio de pena', 'es')).toBe(-1);
    expect(s('Ya no falta nada de nada para el gran día', 'es')).toBe(1);
  });

  it('customer care: what does not work and for how long', () => {
    expect(s("I can't connect to the app since Monday", 'en')).toBe(-1);
    expect(s('The app keeps crashing on my phone', 'en')).toBe(-1);
    expect(s('The engineer never showed up', 'en')).toBe(-1);
    expect(s('Three hours on the phone today', 'en')).toBe(-1);
    expect(s('I am unable to log in', 'en')).toBe(-1);
    expect(s('Samsung, get your act together', 'en')).toBe(-1);
    expect(s('The card reader is not working again', 'en')).toBe(-1);
    expect(s('Another design flaw in the new model', 'en')).toBe(-1);
  });

  it('"but especially", "pero más cuando" add instead of contrasting', () => {
    expect(s('Me gusta correr por la mañana, pero más cuando hace sol', 'es')).toBe(1);
    expect(s('Es bonito pero más caro que el otro', 'es')).not.toBe(1);
    expect(s('I love this café, but especially the cakes', 'en')).toBe(1);
  });
});
