import { describe, expect, it } from 'vitest';
import { checkReply, reviewReply } from '../../main/core/responses/draft-check';
import { cli } from '../helpers/cli';

/** Drafts written for this test: replies a community manager must not post, and firm, polite ones. */
const BAD = [
  ['es', 'Eres un idiota, aprende a leer las condiciones'],
  ['es', 'Si no te gusta, vete a otra tienda. No es nuestro problema'],
  ['es', 'Como ya te dijimos por enésima vez, el pedido salió ayer'],
  ['es', 'Es culpa suya por no leer el correo. Deberías haber revisado la dirección'],
  ['es', 'Nuestros abogados ya preparan una demanda por difamación'],
  ['es', 'NO VAMOS A DEVOLVER NADA!!!'],
  ['es', 'Vete a la mierda, pesado'],
  ['es', 'Os vais a enterar, sinvergüenzas'],
  ['es', 'Sí, claro, y yo soy el Papa. Vaya genio'],
  ['es', 'Me da igual tu queja, si no te gusta vete a otra tienda'],
  ['en', 'You are a moron, read the terms'],
  ['en', 'Not our problem. Deal with it.'],
  ['en', 'As we already told you, it is your fault for entering the wrong address'],
  ['en', 'Our legal team will see you in court'],
  ['en', 'STOP SPAMMING US WITH THIS NONSENSE!!!'],
  ['en', 'Obviously you did not read the instructions. Good luck with that.'],
  // Abbreviated, masked and inflected swearing; contempt; telling off; threats; hate and jokes
  // about a group (the families the checker adds to the mention flag, draft-lexicon.ts).
  ['en', 'That refund request is funny af'],
  ['en', 'ffs, we already answered you'],
  ['en', 'Just fvck off with the refund talk'],
  ['en', 'Stop being a d1ckhead'],
  ['en', 'Move your @ss and read the email'],
  ['en', 'smh, read the FAQ'],
  ['en', 'Learn to read, the dates are on the page'],
  ['en', 'What a fraud you are'],
  ['en', 'Your review is laughable'],
  ['en', 'Sounds clueless, the manual explains it'],
  ['en', 'Idiotic jerks like you never read the terms'],
  ['en', 'Nobody asked for your opinion'],
  ['en', 'Get over yourself, it is a five euro fee'],
  ['en', 'Piss off with your refund'],
  ['en', 'Keep complaining and you will regret it'],
  ['en', 'We know where you live'],
  ['en', 'Why do women always complain? Because they can'],
  ['es', 'Callaos ya, pesados'],
  ['es', 'Cállense y esperen su turno'],
  ['es', 'Vete a tomar por culo con tu reembolso'],
  ['es', 'Vete a freír espárragos'],
  ['es', 'Aprende a leer, está en la web'],
  ['es', 'Eres un tontito, lee el correo'],
  ['es', 'Menudos gilipollitas'],
  ['es', 'Vaya chiste de queja'],
  ['es', 'Qué asco de clientes'],
  ['es', 'Ptm, otra queja más'],
  ['es', 'Es una m1erda de queja'],
  ['es', 'Sois unas put@s'],
  ['es', 'Te vas a arrepentir de esta reseña'],
  ['es', 'Sabemos dónde vives'],
  ['es', '¿Por qué las mujeres no saben aparcar? Porque no'],
  ['es', 'Odio a los inmigrantes que escriben quejas'],
  ['es', 'Malditos árabes, siempre reclamando'],
  ['es', 'Tú eres mi perra, ¿vale?'],
  ['es', 'Mueve el culo y lee el correo'],
  // Calling the customer mad or vermin, and wishing them harm.
  ['en', 'You have lost your mind if you expect a refund'],
  ['en', 'Only suckers pay for the express option, and you did'],
  ['en', 'What an immature and sickening review'],
  ['es', 'Eres un inmaduro y un asqueroso'],
  ['en', 'People who write reviews like this should be shot'],
  ['es', 'Se te ha ido la cabeza con esta queja'],
  ['es', 'Estás trastornado si crees que te lo devolvemos'],
  ['es', 'Sois unos parásitos y unos chupasangres'],
  ['es', 'Ojalá te mueras esperando el reembolso'],
  ['es', 'En qué se parecen las mujeres a tu pedido. En que nunca llegan'],
  ['es', 'Friega tú la devolución, como mujer que eres'],
  ['es', '¿Por qué las mujers se quejan tanto? Porque sí'],
] as const;

const GOOD = [
  // Words that describe a thing or a condition, not the reader.
  ['en', 'If you live with a mental disorder, our staff can book you a quiet slot.'],
  ['en', 'What happened to your order is sickening, and we are fixing it today.'],
  ['en', 'The feature is still immature; a fix ships next week.'],
  ['es', 'El olor que describes es repugnante, lo sentimos: te cambiamos el producto.'],
  ['es', 'Hemos borrado los mensajes asquerosos que te enviaron.'],
  [
    'es',
    'Hola Ana, sentimos mucho el retraso. Escríbenos por MD con tu número de pedido y lo revisamos hoy mismo.',
  ],
  [
    'es',
    'Entendemos tu enfado. No podemos reembolsar billetes no reembolsables, pero sí cambiarte la fecha sin coste.',
  ],
  [
    'es',
    'Gracias por avisarnos. Ya hemos pasado tu caso al equipo de envíos y te contamos en cuanto sepamos algo.',
  ],
  ['es', 'Lamentamos lo ocurrido con la reserva. Te llamamos esta tarde para solucionarlo.'],
  ['es', '¡Sí, claro! Escríbenos por DM'],
  ['es', 'Haremos lo que tú digas: cambio o reembolso'],
  ['es', 'Nos da igual el día, te lo cambiamos'],
  [
    'en',
    'Hi Bob, we are sorry for the delay. Please DM us your order number and we will check it today.',
  ],
  [
    'en',
    'We understand your frustration. We cannot refund this fare, but we can move your trip at no cost.',
  ],
  ['en', 'Thanks for flagging this. Our team is on it and we will update you within 24 hours.'],
  ['en', 'Our policy does not allow refunds after 30 days; here is what we can offer instead.'],
  // Firm or friendly replies that share words with the families above.
  ['en', 'What a great photo, thanks for sharing!'],
  ['en', 'Such a lovely message, thank you'],
  ['en', 'Our POS terminal was down for an hour; we are sorry'],
  ['en', 'Please update the app to version 4.1 and restart it'],
  ['en', 'The AF-200 model ships on Monday'],
  ['en', 'We hate to hear that women were charged twice; refunds are on the way'],
  ['en', 'Who asked you to pay the fee? Please DM us their name'],
  ['en', 'Punch your order number into the form and we will check it'],
  ['en', 'Your courier is coming for you at 9'],
  ['en', 'Assess the damage and send us a photo'],
  ['es', '¡Ya verás qué bien te queda!'],
  ['es', 'Vete a la sección de ofertas, ahí está el modelo'],
  ['es', 'Si no tienes ni idea de qué talla elegir, te ayudamos'],
  ['es', 'Vaya, sentimos mucho el retraso'],
  ['es', 'Menuda sorpresa nos has dado, ¡gracias!'],
  ['es', 'Sabemos que es frustrante; te llamamos hoy'],
  ['es', 'Buenas tardes, ya está resuelto'],
  ['es', 'Mi perra también adora este pienso; te mandamos otra muestra'],
  ['es', 'Luchamos contra el odio a las mujeres en redes: gracias por avisar'],
  ['es', 'Ahora que los refugiados pueden volver a sus casas, el envío es gratis'],
  [
    'es',
    'Las familias de refugiados tienen un 20 % de descuento; lamentamos la violación de su privacidad en el formulario',
  ],
  ['es', '¿Sabes leer el código QR? Si no, te lo mandamos por correo'],
  ['en', 'Mental health matters: take all the time you need, your booking will wait'],
  ['en', 'If the app has lost your settings, log out and back in'],
  ['es', 'Tu salud mental es lo primero: tómate el tiempo que necesites'],
  ['es', 'Si la cabeza de la plancha se suelta, te mandamos otra'],
] as const;

/** The draft gets no warning and exactly one note, of this kind; returns the note. */
function onlyNote(t: string, lang: 'es' | 'en', kind: string) {
  const r = reviewReply(t, { lang });
  expect(r.warnings, t).toEqual([]);
  expect(
    r.notes.map((n) => n.kind),
    t,
  ).toEqual([kind]);
  return r.notes[0];
}

describe('draft-reply checker', () => {
  it('flags insulting, threatening, blaming, sarcastic, dismissive and shouting drafts in both languages', () => {
    const missed = BAD.filter(([lang, t]) => checkReply(t, { lang }).length === 0);
    expect(missed).toEqual([]);
  });
  it('stays quiet on polite, firm replies', () => {
    const noisy = GOOD.map(([lang, t]) => [t, checkReply(t, { lang })] as const).filter(
      ([, w]) => w.length > 0,
    );
    expect(noisy).toEqual([]);
  });
  it('precision and recall on the written sets, per language', () => {
    for (const lang of ['en', 'es'] as const) {
      const bad = BAD.filter(([l]) => l === lang).map(([, t]) => t);
      const good = GOOD.filter(([l]) => l === lang).map(([, t]) => t);
      const warned = (t: string) => checkReply(t, { lang }).length > 0;
      const tp = bad.filter(warned).length;
      const fp = good.filter(warned).length;
      const precision = tp / Math.max(1, tp + fp);
      const recall = tp / bad.length;
      expect(bad.length, lang).toBeGreaterThanOrEqual(20);
      expect(good.length, lang).toBeGreaterThanOrEqual(10);
      expect({ lang, precision, recall }).toEqual({ lang, precision: 1, recall: 1 });
    }
  });
  it('names each new family in its reason, in the draft language', () => {
    const reason = (t: string, lang: 'es' | 'en', kind: string) =>
      checkReply(t, { lang }).find((w) => w.kind === kind)?.reason ?? '';
    expect(reason('ffs, we already answered you', 'en', 'profanity')).toMatch(
      /abbreviated or masked \(ffs\)/,
    );
    expect(reason('Es una m1erda de queja', 'es', 'profanity')).toMatch(
      /abreviadas o disimuladas \(m1erda\)/,
    );
    expect(reason('Callaos ya, pesados', 'es', 'insult')).toMatch(/manda callar.*callaos/);
    expect(reason('Learn to read, the dates are on the page', 'en', 'insult')).toMatch(
      /tells the customer off \(learn to read\)/,
    );
    expect(reason('Malditos árabes, siempre reclamando', 'es', 'hate')).toMatch(
      /Discurso de odio.*malditos \+ arabes/,
    );
    expect(reason('¿Por qué las mujeres no saben aparcar? Porque no', 'es', 'hate')).toMatch(
      /chiste sobre «mujeres»/,
    );
    expect(reason('Why do women always complain? Because they can', 'en', 'hate')).toMatch(
      /mocks a group.*joke about “women”/,
    );
    expect(checkReply('Vete a tomar por culo', { lang: 'es' })[0]?.hint).toMatch(/cállate/);
    expect(checkReply('Why do women complain? Because', { lang: 'en' })[0]?.hint).toMatch(
      /joke about/,
    );
  });
  it('capitals in a friendly draft are a note; in a neutral or hostile one, shouting', () => {
    for (const [lang, t] of [
      ['en', 'THANK YOU SO MUCH FOR YOUR KIND WORDS'],
      ['es', 'MUCHAS GRACIAS POR TU RESEÑA, NOS ENCANTA'],
    ] as const) {
      const note = onlyNote(t, lang, 'capitals');
      expect(note?.hint).toMatch(lang === 'es' ? /minúsculas/ : /normal case/);
    }
    expect(checkReply('THANK YOU FOR NOTHING, IDIOT', { lang: 'en' }).map((w) => w.kind)).toContain(
      'shouting',
    );
  });
  it('names the kind and gives a hint in the draft language', () => {
    const [w] = checkReply('Es culpa suya por no leer el correo');
    expect(w).toMatchObject({
      kind: 'blame',
      reason: expect.stringMatching(/Culpa al cliente/),
      hint: expect.stringMatching(/sin acusar/),
    });
    expect(checkReply('This is your fault', { lang: 'en' })[0]?.hint).toMatch(/without accusing/);
  });
  it('everyday words that only sound legal or sarcastic are not warnings', () => {
    for (const [lang, t] of [
      ['es', 'Hay mucha demanda estos días; tu pedido sale el lunes.'],
      ['es', 'Si lo prefieres, puedes consultarlo con tu abogado.'],
      ['es', '¡Enhorabuena por la boda! Te mandamos el regalo hoy.'],
      ['en', 'Congratulations on your new home! Your sofa ships Monday.'],
      ['en', 'Your lawyer can ask us for the invoice at any time.'],
      ['en', "He'll call you tomorrow morning about the refund."],
    ] as const)
      expect(checkReply(t, { lang }), t).toEqual([]);
    expect(checkReply('Si sigue así, le pondremos una demanda', { lang: 'es' })[0]?.kind).toBe(
      'legal_threat',
    );
    expect(
      checkReply('Congratulations on finally reading the email', { lang: 'en' })[0]?.kind,
    ).toBe('sarcasm');
  });
  it('"!!!" in a friendly draft is a note (over-excited), in a hostile or negative one shouting', () => {
    for (const [lang, t] of [
      ['en', 'Thanks so much for the lovely photo!!!'],
      ['es', '¡¡¡Muchas gracias por la foto, nos encanta!!!'],
    ] as const) {
      const note = onlyNote(t, lang, 'emphasis');
      expect(note?.hint).toMatch(lang === 'es' ? /Con uno basta/ : /One is enough/);
    }
    for (const [lang, t] of [
      ['en', 'Your refund was rejected, this is terrible!!!'],
      ['es', 'Eso es culpa tuya!!!'],
      ['en', 'Did you even read our email???'],
      ['es', '¿¿¿Has leído el correo???'],
    ] as const) {
      const r = reviewReply(t, { lang });
      expect(
        r.warnings.map((w) => w.kind),
        t,
      ).toContain('shouting');
      expect(r.notes, t).toEqual([]);
    }
  });
  it('a very negative word right after "you" is a note (harsh), not a warning; an apology excuses it', () => {
    for (const [lang, t, word] of [
      ['en', 'You are dead to us after that review', 'dead'],
      ['en', 'Your attitude is horrible', 'horrible'],
      ['es', 'Tu queja es patética', 'patetica'],
      ['es', 'Tu actitud es horrible', 'horrible'],
    ] as const) {
      const note = onlyNote(t, lang, 'harsh');
      expect(note?.reason, t).toContain(word);
      expect(note?.hint).toMatch(lang === 'es' ? /Habla del problema/ : /Describe the problem/);
    }
    for (const [lang, t] of [
      ['en', 'We are sorry you had a horrible trip; a refund is on its way'],
      ['en', 'We hate to see you go; DM us and we will find an option'],
      ['en', 'You are killing it, thanks for the photo'],
      ['en', 'Have you been in contact with the fraud department?'],
      ['es', 'Tu experiencia fue horrible, lo sentimos mucho'],
      ['es', 'Lamentamos que tu viaje fuera terrible; te devolvemos el importe'],
      // The reader as the one something happened to, or feeling something.
      ['es', 'Si te han estafado, denúncialo y escríbenos.'],
      ['en', 'You hate waiting, we know. Your parcel ships today.'],
    ] as const)
      expect(reviewReply(t, { lang }), t).toEqual({ warnings: [], notes: [] });
  });
  it('hate towards a group or a woman is its own warning, with the words that made it hate', () => {
    const es = checkReply('Fuera los inmigrantes, son una plaga', { lang: 'es' });
    expect(es[0]).toMatchObject({
      kind: 'hate',
      reason: expect.stringMatching(/Discurso de odio.*fuera \+ inmigrantes/),
      hint: expect.stringMatching(/Nunca generalices/),
    });
    const en = checkReply('Send them back, immigrants are vermin', { lang: 'en' });
    expect(en.map((w) => w.kind)).toEqual(['hate', 'insult']);
    expect(en[0]?.reason).toMatch(/Hate speech.*immigrants/);
    expect(
      checkReply('Hijo de puta, devuélveme el dinero', { lang: 'es' }).map((w) => w.kind),
    ).not.toContain('hate');
  });
  it('capitals in hashtags, handles and links are names, not shouting', () => {
    expect(
      checkReply(
        'Happy #BLACKFRIDAY from @ACME_HELP, see #SALE #DEALS at https://ACME.COM/OFFERS',
        {
          lang: 'en',
        },
      ),
    ).toEqual([]);
    expect(
      checkReply('Feliz #NAVIDAD de parte de @TIENDA_OFICIAL y #REBAJAS #ENERO', { lang: 'es' }),
    ).toEqual([]);
    expect(checkReply('PLEASE STOP WRITING TO US ABOUT THIS', { lang: 'en' })[0]?.kind).toBe(
      'shouting',
    );
    expect(checkReply('DEJEN DE ESCRIBIRNOS POR ESTO', { lang: 'es' })[0]?.kind).toBe('shouting');
  });
  it('brushing the customer off or mocking them, and condescension aimed at the reader', () => {
    const kinds = (t: string, lang: 'es' | 'en') => checkReply(t, { lang }).map((w) => w.kind);
    expect(kinds('Who cares, get over it', 'en')).toEqual(['dismissive']);
    expect(kinds('Me da igual, haberlo pensado antes', 'es')).toEqual(['dismissive']);
    expect(kinds('Boo hoo, yeah right', 'en')).toEqual(['sarcasm']);
    expect(kinds('Sí, claro, lo que tú digas', 'es')).toEqual(['sarcasm']);
    expect(kinds('You obviously skipped the email', 'en')).toEqual(['sarcasm']);
    expect(kinds('Obviamente no has leído el correo', 'es')).toEqual(['sarcasm']);
    // Said of the brand's own actions, "obviously" is not condescending; solving "your problem" is the job.
    expect(kinds('Obviously we will refund the second charge today', 'en')).toEqual([]);
    expect(kinds('Ya hemos resuelto tu problema con la factura', 'es')).toEqual([]);
  });
  it('check-reply CLI: one draft as JSON, and a JSON Lines batch in order', async () => {
    const one = await cli(['check-reply', 'Not our problem. Deal with it.', '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual({
      warnings: [
        expect.objectContaining({
          kind: 'dismissive',
          reason: expect.any(String),
          hint: expect.any(String),
        }),
      ],
    });
    const batch = await cli(
      ['check-reply', '--json'],
      [
        '{"id":1,"text":"Eres un idiota"}',
        '{"id":2,"text":"Gracias, lo revisamos hoy","lang":"es"}',
        'nope',
      ].join('\n'),
    );
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id?: number; warnings?: unknown[]; error?: string });
    expect(lines[0]).toMatchObject({
      id: 1,
      warnings: [expect.objectContaining({ kind: 'insult' })],
    });
    expect(lines[1]).toEqual({ id: 2, warnings: [] });
    expect(lines[2]).toHaveProperty('error');
  });
  it('check-reply CLI adds "notes" only when there are some', async () => {
    const r = await cli(['check-reply', 'Thanks for the feedback!!!', '--lang', 'en', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      warnings: [],
      notes: [expect.objectContaining({ kind: 'emphasis', reason: expect.stringMatching(/!!!/) })],
    });
    const text = await cli(['check-reply', 'Thanks for the feedback!!!', '--lang', 'en']);
    expect(text.stdout).toMatch(/No warnings[\s\S]*note \(emphasis\)/);
  });
});
