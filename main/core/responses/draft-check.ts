import { detectLanguage, detectToxicity, prepare } from '../analysis';
import { PhraseMatcher } from '../analysis/phrase-matcher';
import { englishLexicon } from '../analysis/lexicons/en';
import { scoreSentiment, wordValence } from '../analysis/sentiment';
import type { Prepared } from '../analysis/text';
import { draftFindings } from './draft-lexicon';

export type WarningKind =
  | 'insult'
  /** Hostility towards a group (immigrants, women…), a group slur, misogynist abuse. */
  | 'hate'
  | 'profanity'
  | 'threat'
  | 'legal_threat'
  | 'blame'
  | 'sarcasm'
  | 'dismissive'
  | 'shouting'
  /** Only ever a note: exclamation runs in a friendly draft. */
  | 'emphasis'
  /** Only ever a note: capitals in a friendly draft ("THANK YOU SO MUCH"), excited rather than angry. */
  | 'capitals'
  /** Only ever a note: a strongly negative word beside "you" in a draft with no warning. */
  | 'harsh';

export interface DraftWarning {
  kind: WarningKind;
  reason: string;
  hint: string;
}

type Lang = 'es' | 'en';

const CUES: Record<'legal_threat' | 'blame' | 'sarcasm' | 'dismissive', string[]> = {
  legal_threat: [
    // "abogado" and "demanda" alone are everyday words ("tu abogado", "mucha demanda").
    'nuestros abogados',
    'nuestro abogado',
    'nuestro departamento legal',
    'una demanda',
    'demandar',
    'demandaremos',
    'denunciaremos',
    'acciones legales',
    'via judicial',
    'nos vemos en el juzgado',
    'nos veremos en los tribunales',
    'our lawyer',
    'our lawyers',
    'our attorneys',
    'our legal department',
    'sue you',
    'legal action',
    'our legal team',
    'see you in court',
    'defamation',
    'difamacion',
    'cease and desist',
  ],
  blame: [
    'es culpa suya',
    'es tu culpa',
    'culpa tuya',
    'deberia haber',
    'deberias haber',
    'tendria que haber',
    'tendrias que haber',
    'usted no leyo',
    'no leiste',
    'como dice claramente',
    'si hubiera leido',
    'si hubieras leido',
    'your fault',
    'you should have',
    'you failed to',
    'as clearly stated',
    'if you had read',
    'you didnt read',
    'user error',
  ],
  sarcasm: [
    'como ya le dijimos',
    'como ya te dijimos',
    'por enesima vez',
    // Condescension is aimed at the reader: "obviously you…", not "obviously we'll refund it".
    'obviamente tu',
    'obviamente usted',
    'obviamente no has',
    'obviamente no ha',
    'evidentemente no has',
    'evidentemente no ha',
    'que sorpresa',
    'enhorabuena por fin',
    'as we already told you',
    'for the hundredth time',
    'obviously you',
    'you obviously',
    'obviously your',
    'clearly you',
    'congratulations on finally',
    'good luck with that',
    'nice try',
    'suerte con eso',
    'yeah right',
    'bless your heart',
    'ok boomer',
    'boo hoo',
    'cry me a river',
    'cry more',
    // "sí, claro" and "lo que tú digas" are polite on their own ("¡Sí, claro! Escríbenos");
    // together, or before "y yo soy…", they mock.
    'si claro lo que tu digas',
    'si claro y yo',
    'vaya genio',
    'menudo genio',
  ],
  dismissive: [
    'no es nuestro problema',
    'no es problema nuestro',
    'no podemos hacer nada',
    'no hay nada que hacer',
    'si no le gusta',
    'si no te gusta',
    'vayase a otra',
    'vete a otra',
    'no nos interesa',
    'not our problem',
    'nothing we can do',
    'deal with it',
    'if you dont like it',
    'go elsewhere',
    'take your business elsewhere',
    'we dont care',
    'calm down',
    'calmese',
    'tranquilizate',
    'who cares',
    'get over it',
    'thats your problem',
    'that is your problem',
    'not my problem',
    'tough luck',
    'me da igual',
    'es tu problema',
    'es su problema',
    'ese es tu problema',
    'alla tu',
    'alla usted',
    'te aguantas',
    'aguantate',
    'haberlo pensado antes',
  ],
};

const MATCHERS = Object.fromEntries(
  Object.entries(CUES).map(([k, list]) => [
    k,
    new PhraseMatcher(
      list.map((c): [string, string] => [c, c]),
      false,
    ),
  ]),
) as Record<keyof typeof CUES, PhraseMatcher<string>>;

const TEXT: Record<WarningKind, Record<Lang, { reason: string; hint: string }>> = {
  hate: {
    es: {
      reason:
        'Discurso de odio: ataca a un colectivo o se burla de él, o de una mujer por serlo ({terms}).',
      hint: 'Nunca generalices ni hagas chistes sobre inmigrantes, mujeres ni ningún grupo; responde solo sobre el caso concreto.',
    },
    en: {
      reason: 'Hate speech: attacks or mocks a group, or a woman for being one ({terms}).',
      hint: 'Never generalise or joke about immigrants, women or any group; answer only about the case in hand.',
    },
  },
  insult: {
    es: {
      reason: 'Insulta, descalifica o manda callar al cliente ({terms}).',
      hint: 'Quita el calificativo o la orden («cállate», «aprende a leer») y habla del problema: «Entendemos tu enfado; vamos a revisar tu caso».',
    },
    en: {
      reason: 'Insults, belittles or tells the customer off ({terms}).',
      hint: 'Drop the label or the put-down (“shut up”, “learn to read”) and talk about the problem: “We understand you are upset; let us look into your case.”',
    },
  },
  profanity: {
    es: {
      reason: 'Contiene palabrotas, aunque vayan abreviadas o disimuladas ({terms}).',
      hint: 'Una marca nunca dice palabrotas en público, tampoco con asteriscos ni en siglas (ptm, wtf); reformula con calma.',
    },
    en: {
      reason: 'Contains profanity, even abbreviated or masked ({terms}).',
      hint: 'A brand never swears in public, not with asterisks nor in abbreviations (wtf, f*ck); rephrase calmly.',
    },
  },
  threat: {
    es: {
      reason: 'Suena a amenaza ({terms}).',
      hint: 'No respondas a una agresión con otra; ofrece un canal privado: «Escríbenos por MD y lo resolvemos».',
    },
    en: {
      reason: 'Reads as a threat ({terms}).',
      hint: 'Never answer aggression with aggression; offer a private channel: “Send us a DM and we will sort it out.”',
    },
  },
  legal_threat: {
    es: {
      reason: 'Amenaza con acciones legales en público ({terms}).',
      hint: 'Si hay un tema legal, trátalo en privado; en público, escucha y ofrece ayuda.',
    },
    en: {
      reason: 'Threatens legal action in public ({terms}).',
      hint: 'Handle legal matters privately; in public, listen and offer help.',
    },
  },
  blame: {
    es: {
      reason: 'Culpa al cliente ({terms}).',
      hint: 'Explica qué pasó sin acusar: «Vemos que el pedido se hizo sin X; te ayudamos a corregirlo».',
    },
    en: {
      reason: 'Blames the customer ({terms}).',
      hint: 'Explain what happened without accusing: “We can see the order was placed without X; let us help fix it.”',
    },
  },
  sarcasm: {
    es: {
      reason: 'Tono sarcástico, condescendiente o burlón ({terms}).',
      hint: 'El sarcasmo se lee como desprecio; di lo mismo de forma literal y amable.',
    },
    en: {
      reason: 'Sarcastic, condescending or mocking tone ({terms}).',
      hint: 'Sarcasm reads as contempt; say the same thing plainly and kindly.',
    },
  },
  dismissive: {
    es: {
      reason: 'Despacha al cliente sin ayudarle ({terms}).',
      hint: 'Aunque no dependa de vosotros, ofrece un siguiente paso concreto.',
    },
    en: {
      reason: 'Dismisses the customer without helping ({terms}).',
      hint: 'Even if it is not in your hands, offer a concrete next step.',
    },
  },
  shouting: {
    es: {
      reason: 'Parece que gritas ({terms}).',
      hint: 'Escribe en minúsculas normales y con un solo signo de exclamación como mucho.',
    },
    en: {
      reason: 'Reads as shouting ({terms}).',
      hint: 'Use normal case and one exclamation mark at most.',
    },
  },
  emphasis: {
    es: {
      reason: 'Varios signos de exclamación seguidos ({terms}) suenan exagerados en una marca.',
      hint: 'Con uno basta: «¡Gracias por escribirnos!».',
    },
    en: {
      reason: 'Several exclamation marks in a row ({terms}) read as over-excited from a brand.',
      hint: 'One is enough: “Thanks for getting in touch!”',
    },
  },
  capitals: {
    es: {
      reason:
        'Escrito en mayúsculas ({terms}): aunque el tono es amable, en una marca se lee como un grito.',
      hint: 'Escribe en minúsculas normales; el agradecimiento se nota igual: «¡Muchas gracias!».',
    },
    en: {
      reason:
        'Written in capitals ({terms}): the tone is friendly, but from a brand it reads as shouting.',
      hint: 'Use normal case; the thanks comes through just as well: “Thank you so much!”',
    },
  },
  harsh: {
    es: {
      reason:
        'Palabras muy duras junto a «tú/usted» ({terms}): pueden leerse como un ataque al cliente.',
      hint: 'Habla del problema, no de la persona: «El pedido llegó dañado» en vez de calificar al cliente o lo que hizo.',
    },
    en: {
      reason:
        'Very harsh words beside “you” ({terms}): they may read as an attack on the customer.',
      hint: 'Describe the problem, not the person: “the parcel arrived damaged” rather than judging the customer or what they did.',
    },
  },
};

// Who a harsh word is aimed at: the reader, as its owner ("your awful review", "tu queja") or as
// what is said of them ("you are", "eres"). The object pronouns (te, os, ti) are left out: there the
// reader is mostly the one something happened to ("si te han estafado", "te insultaron").
const SECOND_PERSON = new Set([
  'your',
  'youre',
  'yourself',
  'ur',
  'tu',
  'eres',
  'usted',
  'vosotros',
  'sois',
]);
// "you" itself describes the reader only before a verb of being or seeming ("you are a disgrace");
// "you hate waiting" is what the reader feels, and right after "you" a word may be either.
const YOU = new Set(['you', 'u']);
const YOU_ARE = new Set(['are', 're', 'were', 'look', 'sound', 'seem', 'act']);
// A draft that apologises or sympathises uses harsh words about what happened, not the reader:
// "we are sorry you had a terrible experience", "tu viaje fue horrible, lo sentimos".
const SYMPATHY = new Set([
  'sorry',
  'apologise',
  'apologize',
  'apologies',
  'unfortunately',
  'understand',
  'lamentamos',
  'sentimos',
  'siento',
  'lamento',
  'disculpa',
  'disculpas',
  'perdon',
  'entendemos',
  'comprendemos',
]);
/** VADER's "strongly negative" end of the −4..4 scale: horrible, pathetic, hate, awful. */
const HARSH_VALENCE = -2.5;
/** How many words after "you" a harsh word still describes the reader. */
const HARSH_REACH = 3;

/**
 * The strongly negative words that follow "you"/"your" closely in its clause, in a draft with no
 * apology: "your pathetic review", "you are a disgrace", "eres patético". Before "you" they are mostly
 * about something else: "we hate to hear about the service you received".
 */
function harshWords(p: Prepared, lang: Lang): string[] {
  const valence = lang === 'en' ? (w: string) => englishLexicon().get(w) : wordValence;
  if (p.words.some((w) => SYMPATHY.has(w))) return [];
  const out: string[] = [];
  p.words.forEach((w, i) => {
    const you = YOU.has(w);
    if (!you && !SECOND_PERSON.has(w)) return;
    if (you && !YOU_ARE.has(p.words[i + 1] as string)) return;
    for (let k = i + 1; k <= i + HARSH_REACH && p.clause[k] === p.clause[i]; k++) {
      const x = p.words[k] as string;
      // "you are killing it" is praise.
      if (x === 'killing' && p.words[k + 1] === 'it') continue;
      const v = valence(x);
      if (v !== undefined && v <= HARSH_VALENCE) out.push(x);
    }
  });
  return [...new Set(out)];
}

function warn(kind: WarningKind, lang: Lang, terms: string[]): DraftWarning {
  const t = TEXT[kind][lang];
  return { kind, reason: t.reason.replace('{terms}', terms.slice(0, 4).join(', ')), hint: t.hint };
}

/** What the checker found: warnings (do not post it like this) and notes (worth a second look). */
export interface DraftReview {
  warnings: DraftWarning[];
  /**
   * Lower-severity remarks a brand should still see: today only exclamation runs ("!!!") in a
   * friendly or neutral draft, which read as over-excited rather than as shouting.
   */
  notes: DraftWarning[];
}

/**
 * The draft-reply checker: what in a brand's reply would read badly in public — insults,
 * profanity, threats (plain or legal), blaming the customer, sarcasm, dismissiveness and
 * shouting. Each warning says why and suggests a calmer way, in the draft's language.
 */
export function reviewReply(text: string, opts: { lang?: 'auto' | 'es' | 'en' } = {}): DraftReview {
  const detected = opts.lang && opts.lang !== 'auto' ? opts.lang : detectLanguage(text).lang;
  const lang: Lang = detected === 'en' ? 'en' : 'es';
  const p = prepare(text);
  const out: DraftWarning[] = [];
  const notes: DraftWarning[] = [];
  const tox = detectToxicity(p, text);
  // Hate first: the words that made it hate ("deport" + "immigrants"), in the draft's language.
  const hate = tox.findings
    .filter((f) => f.kind === 'hate')
    .map((f) => [...f.term.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(' + '));
  // What a brand must not post beyond what flags a customer's mention (draft-lexicon.ts).
  const extra = draftFindings(p, text, lang);
  const more = (kind: WarningKind) => extra.filter((f) => f.kind === kind).map((f) => f.term);
  hate.push(...more('hate'));
  if (hate.length) out.push(warn('hate', lang, [...new Set(hate)]));
  const named = new Set<string>();
  for (const kind of ['insult', 'threat', 'profanity'] as const) {
    const terms = tox.findings
      .filter((f) =>
        kind === 'insult' ? f.kind === 'insult' || f.kind === 'slur' : f.kind === kind,
      )
      .map((f) => f.term);
    terms.push(...more(kind));
    // A word already named as an insult is not repeated as profanity ("gilipollitas").
    const fresh = [...new Set(terms)].filter((t) => !named.has(t));
    fresh.forEach((t) => named.add(t));
    if (fresh.length) out.push(warn(kind, lang, fresh));
  }
  for (const kind of Object.keys(MATCHERS) as Array<keyof typeof CUES>) {
    const terms = [...new Set(MATCHERS[kind].match(p.words).map((m) => m.value))];
    terms.push(...more(kind));
    if (terms.length) out.push(warn(kind, lang, [...new Set(terms)]));
  }
  // Hashtags, handles and links are names, not tone: "#BLACKFRIDAY" or "@ACME_HELP" is not shouting.
  const prose = text.replace(/https?:\/\/\S+|www\.\S+|[#@][\p{L}\p{N}_.]+/gu, ' ');
  const letters = prose.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  // Codes (booking refs, airports, MQM) are short or carry digits: only long capital words count.
  const capsWords = (prose.match(/(?<![\p{L}\d])\p{Lu}{4,}(?![\p{L}\d])/gu) ?? []).filter(
    (w) => !/^(DM|MD|URL|FAQ|IBAN|NIF|DNI|OK|USA|UE|EU)$/.test(w),
  );
  const caps = (letters.length >= 12 && upper / letters.length > 0.5) || capsWords.length >= 4;
  const runs = text.match(/[!?¡¿]{3,}/g) ?? [];
  // "???" reads as impatience whatever surrounds it; "!!!" is shouting in a capitalised, hostile
  // or negative draft, and over-excitement in a friendly one ("Thanks so much!!!") — a note.
  const impatient = runs.filter((r) => /[?¿]/.test(r));
  const excited = runs.filter((r) => !/[?¿]/.test(r));
  const sentiment = scoreSentiment(p, lang, null).sentiment;
  // Capitals in a friendly draft with nothing else wrong ("THANK YOU SO MUCH!!!") are
  // over-excitement, like "!!!" there: a note. Hostile, negative or neutral capitals shout.
  const friendly = sentiment === 1 && out.length === 0 && impatient.length === 0;
  const shouting = caps && !friendly;
  const shouted = [
    ...impatient,
    ...(shouting || out.length > 0 || sentiment === -1 ? excited : []),
  ];
  if (shouting || shouted.length > 0) {
    const terms = [...capsWords.slice(0, 3), ...shouted.slice(0, 1)];
    out.push(warn('shouting', lang, terms.length ? terms : ['CAPS']));
  } else if (caps)
    notes.push(warn('capitals', lang, capsWords.length ? capsWords.slice(0, 3) : ['CAPS']));
  else if (excited.length > 0) notes.push(warn('emphasis', lang, excited.slice(0, 1)));
  // Below the warnings: a very negative word beside "you" ("your awful review") is worth a second
  // look, not a stop — "you" and "horrible" also meet in replies that are fine.
  if (out.length === 0) {
    const harsh = harshWords(p, lang);
    if (harsh.length) notes.push(warn('harsh', lang, harsh));
  }
  return { warnings: out, notes };
}

/** The warnings alone (see reviewReply for the notes too). */
export function checkReply(
  text: string,
  opts: { lang?: 'auto' | 'es' | 'en' } = {},
): DraftWarning[] {
  return reviewReply(text, opts).warnings;
}
