import { TOXIC } from './lexicons/cues';
import { AIMED_LABELS, MORE_TOXIC } from './lexicons/insults';
import { noteText, type Note } from './notes';
import { PhraseMatcher } from './phrase-matcher';
import { wordValence } from './sentiment';
import type { Prepared } from './text';

export type ToxicKind = 'insult' | 'profanity' | 'threat' | 'slur' | 'hate';

export interface ToxicFinding {
  kind: ToxicKind;
  term: string;
  severity: number;
  /** Whether the insult points at someone: "eres/sois/you are", a second person, or an @mention. */
  targeted: boolean;
  /** Why a `hate` finding is hate, as a key a UI translates (its `term` is the English). */
  note?: Note;
}

export interface ToxicityResult {
  insult: boolean;
  /** Hate speech: a slur or hostility aimed at a group (immigrants, women, …) or a misogynist slur aimed at a woman. */
  hate: boolean;
  toxicity: number;
  severity: 0 | 1 | 2 | 3;
  findings: ToxicFinding[];
}

const SINGLE = new Map<string, { severity: number; kind: ToxicKind }>();
const multi: Array<[string, { term: string; severity: number; kind: ToxicKind }]> = [];
for (const [term, severity, kind] of [...TOXIC, ...MORE_TOXIC]) {
  if (term.includes(' ')) multi.push([term, { term, severity, kind }]);
  else SINGLE.set(term, { severity, kind });
}
const MULTI = new PhraseMatcher(multi, false);

const TARGET =
  / (eres|sois|son|es un|es una|you are|youre|ur|you|u|te|os|vosotros|ustedes|tu|your|callate|calla|vete|largate|jodete|shut|@) /;

// "you are …", "she is …", "eres …", "sois unos …": a strongly negative word aimed at someone.
const AIMED = new Set([
  'you',
  'youre',
  'ur',
  'u',
  'eres',
  'sois',
  'son',
  'es',
  'estas',
  'estais',
  'are',
  'is',
]);
const SUBJECT_BEFORE = new Set([
  'you',
  'she',
  'he',
  'they',
  'ella',
  'el',
  'ellos',
  'ellas',
  'usted',
  'ustedes',
  'tu',
  'vosotros',
]);
const FILLER = new Set([
  'a',
  'an',
  'the',
  'so',
  'such',
  'just',
  'really',
  'very',
  'un',
  'una',
  'unos',
  'unas',
  'muy',
  'tan',
  'mas',
  'more',
  'most',
  'total',
  'complete',
  'walking',
  'talking',
  'de',
  'too',
  'far',
  'pretty',
  'kinda',
  'quite',
  'truly',
  'utterly',
  'absolutely',
  'totally',
  'completely',
  'extremely',
  'incredibly',
  'being',
  'little',
  'big',
  'real',
  'absolute',
  'utter',
  'bunch',
  'of',
  'tremendo',
  'tremenda',
  'menudo',
  'menuda',
  'pedazo',
]);

const CONTRACTED = new Set(['hell', 'shell', 'ill', 'well']);

const COMPOUND_SWEAR =
  /fuck|shit|bitch|cunt|asshole|nigg|motherf|gilipoll|hijoputa|hijueputa|idiot|moron|retard|mierd/;

// Feelings are not insults: "you're disappointed", "estás enfadado".
const FEELINGS = new Set([
  'disappointed',
  'upset',
  'frustrated',
  'sad',
  'angry',
  'annoyed',
  'worried',
  'confused',
  'sorry',
  'tired',
  'unhappy',
  'concerned',
  'stressed',
  'scared',
  'afraid',
  'hurt',
  'mad',
  'furious',
  'uncomfortable',
  'suspicious',
  'skeptical',
  'nervous',
  'anxious',
  'decepcionado',
  'decepcionada',
  'enfadado',
  'enfadada',
  'molesto',
  'molesta',
  'triste',
  'preocupado',
  'preocupada',
  'frustrado',
  'frustrada',
  'cansado',
  'cansada',
  'harto',
  'harta',
  'disgustado',
  'disgustada',
  'dolido',
  'dolida',
]);

// What a person "is" that describes a situation, an action or a state rather than labels
// them: "you are wrong", "he is lying", "she is dead", "they are at war".
const NOT_A_LABEL = new Set([
  'guilty',
  'innocent',
  'culpable',
  'wrong',
  'bad',
  'poor',
  'war',
  'bomb',
  'dead',
  'sick',
  'ill',
  'alone',
  'lost',
  'late',
  'trouble',
  'problem',
  'mal',
  'malo',
  'mala',
  'enfermo',
  'enferma',
  'muerto',
  'muerta',
  'equivocado',
  'equivocada',
  'problema',
  'broken',
  'harsh',
  'injury',
]);
// Words that label a person only when aimed at one ("you are crazy", "eres un payaso"); on
// their own they describe prices or weather ("crazy deals", "un frío loco").
const LABELS_WHEN_AIMED = new Set([
  'silly',
  'unstable',
  'lazy',
  'dishonest',
  'disturbed',
  'evil',
  'vago',
  'vaga',
  'falso',
  'falsa',
  'crazy',
  'insane',
  'clueless',
  'hopeless',
  'incompetent',
  'embarrassment',
  'failure',
  'weak',
  'fat',
  'loco',
  'loca',
  'locos',
  'ridiculo',
  'ridicula',
  'patetico',
  'patetica',
  'incompetente',
  'incompetentes',
  'verguenza',
  'desastre',
  'fracasado',
  'fracasada',
  'pig',
  'pigs',
  'swine',
  'snake',
  'snakes',
  'rat',
  'rats',
  'animal',
  'animals',
  'parasite',
  'parasites',
  'vermin',
  'cancer',
  'plague',
  'sheep',
  'puppet',
  'animales',
  'bestia',
  'bestias',
  'parasito',
  'parasitos',
  'lacra',
  'lacras',
  'plaga',
  'borrego',
  'borregos',
  'titere',
  ...AIMED_LABELS,
]);
// Things, not people: "this is a disaster" describes, "he is a disaster" labels.
const NOT_A_PERSON = new Set([
  'this',
  'it',
  'that',
  'there',
  'what',
  'which',
  'here',
  'esto',
  'eso',
  'esta',
  'ese',
  'aquello',
  'lo',
  'que',
  'thing',
  'idea',
  'story',
  'plan',
  'system',
  'service',
  'app',
  'order',
  'product',
  'policy',
  'process',
  'situation',
  'everything',
  'all',
  'servicio',
  'pedido',
  'producto',
  'todo',
]);
const ARTICLE = new Set(['a', 'an', 'un', 'una', 'such']);

// People spoken of as a group: "liberals are brainless", "los políticos son unos chorizos", and
// with a label before or (in Spanish) after them: "crazy liberals", "políticos corruptos".
const PEOPLE_ES = new Set([
  'gente',
  'progres',
  'rojos',
  'peperos',
  'podemitas',
  'socialistas',
  'comunistas',
  'feministas',
  'politicos',
  'periodistas',
  'hombres',
  'mujeres',
  'tios',
  'tias',
  'votantes',
  'inmigrantes',
  'migrantes',
  'musulmanes',
  'empleados',
  'trabajadores',
]);
const PEOPLE = new Set([
  'people',
  'liberals',
  'libs',
  'leftists',
  'lefties',
  'democrats',
  'dems',
  'republicans',
  'conservatives',
  'progressives',
  'socialists',
  'communists',
  'trumpers',
  'feminists',
  'politicians',
  'journalists',
  'men',
  'women',
  'guys',
  'fans',
  'voters',
  'supporters',
  'immigrants',
  'migrants',
  'muslims',
  'staff',
  'employees',
  'agents',
  ...PEOPLE_ES,
]);
// Before a group these describe their situation, not what they are ("illegal immigrants" is a
// legal status; "poor people", "old men").
const NOT_A_GROUP_LABEL = new Set(['illegal', 'poor', 'old', 'young', 'ilegales', 'pobres']);

const ADJECTIVE = /(ful|ous|ive|ent|ant|ble|ic|less|ish|[^c]y)$/;

function groupInsults(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const g = words[i] as string;
    if (!PEOPLE.has(g)) continue;
    const before = words[i - 1] ?? '';
    const after = words[i + 1] ?? '';
    if (LABELS_WHEN_AIMED.has(before)) out.push(`${before} ${g}`);
    else if (!NOT_A_GROUP_LABEL.has(before) && !NOT_A_LABEL.has(before) && !FEELINGS.has(before)) {
      // Only adjectives describe the group ("violent", "dangerous", "hateful"); a verb or a noun
      // before it says what is done to it or about it ("hate people", "attack women").
      const v = ADJECTIVE.test(before) ? wordValence(before) : undefined;
      if (v !== undefined && v <= -2) out.push(`${before} ${g}`);
      // Spanish puts the label after the noun; English "drives conservatives crazy" does not.
      else if (PEOPLE_ES.has(g) && LABELS_WHEN_AIMED.has(after)) out.push(`${g} ${after}`);
    }
  }
  return out;
}

function aimedInsults(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!AIMED.has(w)) continue;
    const prev = words[i - 1] ?? '';
    // "is"/"are"/"es"/"son" count after a person ("she is", "usted es"), or after a name
    // when a label follows ("Smith is a liar") — never after "this/it/that".
    if (
      (w === 'is' || w === 'are' || w === 'es' || w === 'son') &&
      !SUBJECT_BEFORE.has(prev) &&
      !PEOPLE.has(prev) &&
      (NOT_A_PERSON.has(prev) || !ARTICLE.has(words[i + 1] ?? ''))
    )
      continue;
    for (let k = i + 1; k <= i + 4 && k < words.length; k++) {
      const x = words[k] as string;
      if (FILLER.has(x)) continue;
      if (LABELS_WHEN_AIMED.has(x)) {
        out.push(`${w} … ${x}`);
        break;
      }
      // "-ing"/"-ed" forms are what someone does or suffers ("lying", "broken"), not a label.
      if (NOT_A_LABEL.has(x) || FEELINGS.has(x) || /(ing|ed)$/.test(x)) break;
      // After a bare "you" a word is a vocative label ("you clown") or, far more often, a verb
      // or an object ("you lose power", "offer you the lowest price"): only labels count there.
      if (w === 'you' || w === 'u') break;
      const v = wordValence(x);
      if (v !== undefined && v <= -1.5) out.push(`${w} … ${x}`);
      break;
    }
  }
  return out;
}

// Spanish words whose sense depends on where they stand: "puta/puto" before a noun is an
// intensifier ("la puta vida", "puto día"), as a noun it is a slur ("eres una puta", "calla,
// puta"); "mi perra" is a dog.
const SENSES = new Set(['puta', 'puto', 'putas', 'putos', 'perra', 'perras', 'perrita', 'zorra']);
// After these the word is a noun aimed at someone, whatever follows.
const NOUN_BEFORE = new Set([
  'eres',
  'sois',
  'es',
  'son',
  'esa',
  'esas',
  'ese',
  'esos',
  'esta',
  'estas',
  'muy',
  'callate',
  'calla',
  'maldita',
  'maldito',
  'pinche',
  'vieja',
  'viejo',
  'asquerosa',
  'asqueroso',
  'como',
  'otra',
  'otro',
]);
// After the word these still make it a noun ("puta de mierda", "zorra asquerosa").
const NOUN_AFTER = new Set([
  'de',
  'que',
  'y',
  'o',
  'e',
  'mal',
  'barata',
  'asquerosa',
  'asqueroso',
  'perra',
  'zorra',
  'puta',
  'feminazi',
  'loca',
  'cualquiera',
  'arrastrada',
  'sucia',
  'hdp',
  'te',
]);
const POSSESSIVE = new Set(['mi', 'tu', 'su', 'mis', 'tus', 'sus', 'nuestra', 'vuestra']);

const EXPLETIVE_BEFORE = new Set(['hostia', 'joder', 'cago', 'coño', 'cono', 'mierda', 'carajo']);
const OBJECT_PRONOUN = new Set(['te', 'lo', 'la', 'los', 'las', 'me', 'os', 'le', 'les']);

function wordSense(p: Prepared, i: number): 'noun' | 'intensifier' | 'pet' | 'expletive' {
  const w = p.words[i] as string;
  const prev = p.words[i - 1] ?? '';
  const next = p.clause[i + 1] === p.clause[i] ? (p.words[i + 1] ?? '') : '';
  // "hijo de (la gran / mil) puta", "hijo de perra", "me cago en la puta", "hostia puta",
  // "la puta que te parió", "puta madre": swearing, not a word for a woman.
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const x = p.words[k] as string;
    if (x === 'hijo' || x === 'hijos' || x === 'hija' || x === 'hijas' || x === 'hijo(a)')
      return 'expletive';
  }
  if (EXPLETIVE_BEFORE.has(prev) || (prev === 'la' && p.words[i - 2] === 'en')) return 'expletive';
  if (next === 'madre' || (next === 'que' && OBJECT_PRONOUN.has(p.words[i + 2] ?? '')))
    return 'expletive';
  if (w.startsWith('perr') && POSSESSIVE.has(prev) && !NOUN_AFTER.has(next) && next !== 'vida')
    return 'pet';
  if (NOUN_BEFORE.has(prev) && prev !== 'muy') return 'noun';
  if (prev === 'de' && (p.words[i - 2] === 'hijo' || p.words[i - 2] === 'hijos')) return 'noun';
  if (!next || NOUN_AFTER.has(next)) return 'noun';
  // Only "puta/puto" work as intensifiers; "perra" only in "perra vida", "zorra" never.
  if (!w.startsWith('put') && next !== 'vida') return 'noun';
  return 'intensifier';
}

// Groups that hate speech targets, and what makes a post about them hostile.
const GROUPS = new Set([
  'inmigrante',
  'inmigrantes',
  'inmigracion',
  'migrante',
  'migrantes',
  'refugiado',
  'refugiados',
  'ilegales',
  'indocumentados',
  'extranjeros',
  'africanos',
  'subsaharianos',
  'musulmanes',
  'islamistas',
  'islam',
  'arabes',
  'negros',
  'negras',
  'gitanos',
  'mujeres',
  'feministas',
  'feminazis',
  'feminazi',
  'manteros',
  'menas',
  'emigrantes',
  'marroquies',
  'magrebies',
  'rumanos',
  'haitianos',
  'irregulares',
  'arabe',
  'musulman',
  'immigrants',
  'immigrant',
  'immigration',
  'migrants',
  'refugees',
  'illegals',
  'muslims',
  'islam',
  'women',
  'feminists',
  'blacks',
]);
const HOSTILE = new Set([
  'invasion',
  'invasores',
  'invaden',
  'plaga',
  'escoria',
  'basura',
  'ratas',
  'parasitos',
  'delincuentes',
  'criminales',
  'violadores',
  'terroristas',
  'salvajes',
  'animales',
  'bestias',
  'hordas',
  'fuera',
  'deportar',
  'deportacion',
  'deportarlos',
  'deporten',
  'deportan',
  'deportado',
  'deportados',
  'repatriar',
  'repatrien',
  'repatriarlos',
  'repatriados',
  'repatriacion',
  'repatriaciones',
  'expulsen',
  'expulsarlos',
  'invadir',
  'invadiendo',
  'paguita',
  'paguitas',
  'mantenidos',
  'expulsar',
  'expulsion',
  'echarlos',
  'largo',
  'lacra',
  'chusma',
  'gentuza',
  'invasion',
  'invaders',
  'invading',
  'infestation',
  'vermin',
  'parasites',
  'savages',
  'animals',
  'rapists',
  'criminals',
  'deport',
  'deportation',
  'scum',
  'filth',
]);
const HOSTILE_PHRASES = new PhraseMatcher<string>(
  [
    'que se vayan',
    'que se larguen',
    'a su pais',
    'a su puto pais',
    'vuelvan a su',
    'fuera de espana',
    'no los queremos',
    'send them back',
    'go back to',
    'not welcome',
    'ban them',
    'a fregar',
    'a la cocina',
    've a la cocina',
    'vete a la cocina',
    'cosa de mujeres',
    'a planchar',
    'sobran los',
    'sobran las',
    'callate y friega',
    'kit de limpieza',
    'nos roban el trabajo',
    'te roban el trabajo',
    'vienen a invadir',
    'a sus paises',
    'fuera del pais',
    'make me a sandwich',
    'back in the kitchen',
    'get back to the kitchen',
    'back to the kitchen',
  ].map((x): [string, string] => [x, x]),
  false,
);
// Slurs that are hate speech by themselves: against a group, or misogynist when aimed.
const HATE_SLURS = new Set([
  'sudaca',
  'sudacas',
  'panchito',
  'panchitos',
  'negrata',
  'negratas',
  'moro',
  'moros',
  'moromierda',
  'moromierdas',
  'maricon',
  'maricones',
  'feminazi',
  'feminazis',
  'malfollada',
  'malfolladas',
  'calientapollas',
  'nigger',
  'niggers',
  'wetback',
  'wetbacks',
  'beaner',
  'spic',
  'raghead',
  'towelhead',
  'chink',
  'kike',
  'faggot',
  'fag',
  'tranny',
]);
const MISOGYNIST = new Set([
  'puta',
  'putas',
  'zorra',
  'zorras',
  'perra',
  'perras',
  'guarra',
  'guarras',
  'golfa',
  'furcia',
  'ramera',
  'fulana',
  'bitch',
  'bitches',
  'whore',
  'whores',
  'slut',
  'sluts',
  'skank',
  'hoe',
  'hoes',
  'cunt',
]);

function isFeminineInsult(term: string): boolean {
  const m = /^(.+)a(s?)$/.exec(term);
  return m !== null && SINGLE.has(`${m[1]}o${m[2]}`);
}

// How many words apart a hostile word and a group word may stand and still go together.
const HATE_REACH = 3;
const HATE_GLUE = new Set(
  'a al de del el la los las un una unos unas todos todas ya esos esas estos estas the all these those them'.split(
    ' ',
  ),
);
const KITCHEN = new Set(['cocina', 'fregar', 'kitchen', 'sandwich']);

/** The group words hate speech targets (read-only; the draft checker adds to them). */
export const HATE_GROUPS: ReadonlySet<string> = GROUPS;

/** The reason a post reads as hate speech, or null. */
function detectHate(p: Prepared, findings: ToxicFinding[]): Note | null {
  for (const f of findings) {
    if (HATE_SLURS.has(f.term)) return { key: 'groupSlur', params: { word: f.term } };
    if (MISOGYNIST.has(f.term) && f.kind !== 'profanity')
      return { key: 'misogynistSlur', params: { word: f.term } };
    // "eres una estúpida", "cállate, pendeja": an insult in the feminine aimed at a woman.
    if (f.kind === 'insult' && f.targeted && isFeminineInsult(f.term))
      return { key: 'insultToWoman', params: { word: f.term } };
  }
  const groupAt = groupPositions(p, [GROUPS]);
  const kitchenWord = p.words.some((w) => KITCHEN.has(w));
  const group = groupAt.length ? p.words[groupAt[0] as number] : undefined;
  if (!group && !kitchenWord) return null;
  const matches = HOSTILE_PHRASES.match(p.words);
  if (!group) {
    // "a fregar", "back to the kitchen": sending a woman back to housework is misogynist abuse.
    const kitchen = matches.find((m) => /cocina|fregar|kitchen|sandwich/.test(m.value));
    return kitchen ? { key: 'misogynistPutDown', params: { word: kitchen.value } } : null;
  }
  const hostile = hostilityAt(p, groupAt, [HOSTILE], matches);
  if (hostile) return hostile;
  const insult = findings.find(
    (f) => f.kind === 'insult' || f.kind === 'slur' || f.kind === 'threat',
  );
  if (insult) return { key: 'insultAboutGroup', params: { word: insult.term, group } };
  return null;
}

function groupPositions(p: Prepared, groups: Array<ReadonlySet<string>>): number[] {
  const at: number[] = [];
  p.words.forEach((w, i) => {
    if (groups.some((g) => g.has(w))) at.push(i);
  });
  return at;
}

/** A hostile word or phrase beside one of the group words at `groupAt`, in its clause. */
function hostilityAt(
  p: Prepared,
  groupAt: number[],
  hostile: Array<ReadonlySet<string>>,
  matches: Array<{ start: number; length: number; value: string }>,
): Note | null {
  if (!groupAt.length) return null;
  // A hostile word counts only beside a group word, in its clause: "fuera los inmigrantes" is
  // hostile, "Emigrantes: envíos gratis fuera del país" and "menú árabe: sobran motivos" are not.
  // Distance counts words that carry meaning: "repatrien ya a todos los marroquíes" is one apart.
  const apart = (a: number, b: number) => {
    let n = 0;
    for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++)
      if (!HATE_GLUE.has(p.words[k] as string)) n++;
    return n + 1;
  };
  const near = (i: number) =>
    groupAt.find((g) => p.clause[g] === p.clause[i] && apart(g, i) <= HATE_REACH);
  for (let i = 0; i < p.words.length; i++) {
    const w = p.words[i] as string;
    const g = hostile.some((h) => h.has(w)) ? near(i) : undefined;
    if (g !== undefined)
      return { key: 'groupHostility', params: { word: w, group: p.words[g] as string } };
  }
  for (const m of matches) {
    const g = near(m.start) ?? near(m.start + m.length - 1);
    if (g !== undefined)
      return { key: 'groupHostility', params: { word: m.value, group: p.words[g] as string } };
  }
  return null;
}

/**
 * Hostility towards a group with more cues than the mention flag uses (the draft checker holds a
 * brand's own reply to a stricter standard): extra group words, hostile words and phrases.
 */
export function groupHostility(
  p: Prepared,
  extra: {
    groups: ReadonlySet<string>;
    hostile: ReadonlySet<string>;
    phrases: PhraseMatcher<string>;
  },
): string | null {
  const groupAt = groupPositions(p, [GROUPS, extra.groups]);
  if (!groupAt.length) return null;
  const note = hostilityAt(
    p,
    groupAt,
    [HOSTILE, extra.hostile],
    [...HOSTILE_PHRASES.match(p.words), ...extra.phrases.match(p.words)],
  );
  return note && noteText(note);
}

// Swear words written with symbols so filters miss them ("f*ck", "sh!t", "a$$hole", "b*tch"):
// read from the text as typed, since tokens split at the symbols.
const MASKED: Array<[RegExp, string, ToxicKind, number]> = [
  [
    /\bf[*#@$%!]{1,3}c?k(?:ing|in|ed|er|ers|s)?\b|\bf[*]{2,4}(?:ing|ed)?\b/i,
    'fuck',
    'profanity',
    2,
  ],
  [/\bsh[*#@$%!1]t(?:ty|s)?\b|\bbullsh[*#@$%!1]t\b|\bbull\$hit\b/i, 'shit', 'profanity', 1],
  [/\bb[*#@$%!1]{1,2}t?ch(?:es)?\b|\bbitc[*]/i, 'bitch', 'slur', 3],
  [/\ba[*$]{2}(?:hole|holes|es)?\b|\bdumba\$\$/i, 'ass', 'profanity', 2],
  [/\bp[u*][$*]{2}y\b/i, 'pussy', 'profanity', 2],
  [/\bc[*]nts?\b/i, 'cunt', 'slur', 3],
  [/\bd[*]mn\b/i, 'damn', 'profanity', 1],
  [/\bp[*]ta\b|\bp[*]to\b/i, 'puta', 'profanity', 2],
  [/\bm[*]erda\b/i, 'mierda', 'profanity', 1],
];
// Gestures and faces that swear: the middle finger, the cursing face.
const SWEARING_EMOJI: Record<string, ToxicKind> = { '🖕': 'insult', '🤬': 'profanity' };

/**
 * Insults, slurs, profanity and threats (es/en). Every finding says what it matched; an
 * insult, slur or threat — or profanity aimed at someone — makes the post insulting.
 */
export function detectToxicity(p: Prepared, raw?: string): ToxicityResult {
  const findings: ToxicFinding[] = [];
  const targeted = TARGET.test(p.norm) || p.mentions > 0;
  if (raw && /\w[*#@$%!]|[*#@$%!]\w/.test(raw))
    for (const [re, term, kind, severity] of MASKED)
      if (re.test(raw)) findings.push({ kind, term, severity, targeted });
  for (const e of p.emoji) {
    const kind = SWEARING_EMOJI[e];
    if (kind && !findings.some((f) => f.term === e))
      findings.push({ kind, term: e, severity: 2, targeted });
  }
  for (let i = 0; i < p.words.length; i++) {
    const w = p.words[i] as string;
    // "he'll" is not "hell": contractions that spell a swear word once the apostrophe goes.
    const hit = p.apostrophe[i] && CONTRACTED.has(w) ? undefined : SINGLE.get(w);
    if (hit) {
      const sense = SENSES.has(w) ? wordSense(p, i) : null;
      if (sense === 'pet') continue; // "mi perra" is the dog
      if (sense === 'intensifier' || sense === 'expletive')
        findings.push({ kind: 'profanity', term: w, severity: 1, targeted });
      else if (sense === 'noun')
        findings.push({ kind: 'slur', term: w, severity: Math.max(2, hit.severity), targeted });
      else findings.push({ kind: hit.kind, term: w, severity: hit.severity, targeted });
    } else if (w.length > 5 && COMPOUND_SWEAR.test(w))
      // "shitbiscuit", "dumbfuck", "fuckface": swear words glued into new ones.
      findings.push({ kind: 'profanity', term: w, severity: 2, targeted });
  }
  for (const { value: m } of MULTI.match(p.words))
    findings.push({ kind: m.kind, term: m.term, severity: m.severity, targeted });
  for (const a of [...aimedInsults(p.words), ...groupInsults(p.words)])
    findings.push({ kind: 'insult', term: a, severity: 1, targeted: true });
  const hate = detectHate(p, findings);
  if (hate)
    findings.push({ kind: 'hate', term: noteText(hate), severity: 3, targeted: true, note: hate });
  const severity = findings.reduce<number>((a, f) => Math.max(a, f.severity), 0) as 0 | 1 | 2 | 3;
  // Profanity alone counts too: a brand must not post it, and offensive-language sets (OLID)
  // label it offensive. The kind and target of each finding stay in the explanation.
  const insult = findings.length > 0;
  const toxicity = Math.min(
    1,
    findings.reduce<number>((a, f) => a + f.severity * 0.2, 0),
  );
  return {
    insult,
    hate: hate !== null,
    toxicity: Math.round(toxicity * 100) / 100,
    severity,
    findings,
  };
}
