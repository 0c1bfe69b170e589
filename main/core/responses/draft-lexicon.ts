import { TOXIC } from '../analysis/lexicons/cues';
import { AIMED_LABELS, MORE_TOXIC } from '../analysis/lexicons/insults';
import { PhraseMatcher } from '../analysis/phrase-matcher';
import { HATE_GROUPS, groupHostility } from '../analysis/toxicity';
import type { Prepared } from '../analysis/text';

/**
 * What the draft checker warns on beyond the mention insult flag: a brand's reply is a shop
 * window, so it is held to a stricter standard than a customer's post. These families never
 * change how mentions are flagged (that is analysis/toxicity.ts); they only add warnings here.
 */
export type DraftKind = 'insult' | 'profanity' | 'threat' | 'hate' | 'dismissive' | 'sarcasm';

export interface DraftFinding {
  kind: DraftKind;
  term: string;
}

/** Single words of the shared lexicon that a brand never writes, whatever their sense. */
/**
 * Words that describe a thing as often as a person ("the smell is repugnant", "an immature
 * feature", "los mensajes asquerosos que te enviaron"): in a draft they are a label only when
 * exclaimed or said of the reader ("what an immature review", "eres un inmaduro"), so the
 * checker leaves them out of its word list even where the mention flag's lexicon has them.
 */
const DESCRIBING = [
  'sickening',
  'immature',
  'inmaduro',
  'inmadura',
  'repugnante',
  'asqueroso',
  'asquerosa',
];

const LEXICON = new Map<string, DraftKind>();
for (const [term, , kind] of [...TOXIC, ...MORE_TOXIC])
  if (!term.includes(' ')) LEXICON.set(term, kind === 'slur' ? 'insult' : kind);
for (const w of DESCRIBING) LEXICON.delete(w);

const PHRASES: Array<[string, DraftKind]> = [
  // Abbreviated swearing and contempt.
  ['ffs', 'profanity'],
  ['wth', 'profanity'],
  ['omfg', 'profanity'],
  ['jfc', 'profanity'],
  ['fml', 'profanity'],
  ['mofo', 'profanity'],
  ['mfer', 'profanity'],
  ['mfers', 'profanity'],
  ['fkin', 'profanity'],
  ['fkn', 'profanity'],
  ['fking', 'profanity'],
  ['fcking', 'profanity'],
  ['fukin', 'profanity'],
  ['fuking', 'profanity'],
  ['fuckn', 'profanity'],
  ['fvck', 'profanity'],
  ['fvcking', 'profanity'],
  ['phuck', 'profanity'],
  ['phucking', 'profanity'],
  ['effin', 'profanity'],
  ['biatch', 'insult'],
  ['azz', 'profanity'],
  ['goddamnit', 'profanity'],
  ['dumbasses', 'insult'],
  ['crappy', 'profanity'],
  // Shaking one's head at the reader.
  ['smh', 'sarcasm'],
  ['ptm', 'profanity'],
  ['ctm', 'profanity'],
  ['alv', 'profanity'],
  ['hpta', 'insult'],
  ['csm', 'profanity'],
  ['ostia', 'profanity'],
  ['ostias', 'profanity'],
  ['jodeos', 'insult'],
  ['tontolaba', 'insult'],
  ['tontopollas', 'insult'],
  ['carapolla', 'insult'],
  ['mamahuevos', 'insult'],
  ['musulmono', 'insult'],
  ['musulmonos', 'insult'],
  ['musulmona', 'insult'],
  ['musulmonas', 'insult'],
  // Vulgar words for the body.
  ['tetas', 'profanity'],
  ['culo', 'profanity'],
  // Political name-calling: mangled names of parties and politicians.
  ['obummer', 'insult'],
  ['obumer', 'insult'],
  ['killary', 'insult'],
  ['hitlery', 'insult'],
  ['shillary', 'insult'],
  ['trumpanzee', 'insult'],
  ['drumpf', 'insult'],
  ['repugnican', 'insult'],
  ['repugnicans', 'insult'],
  ['dumbocrat', 'insult'],
  ['dumbocrats', 'insult'],
  ['demoncrat', 'insult'],
  ['demoncrats', 'insult'],
  ['libturd', 'insult'],
  ['libturds', 'insult'],
  ['podemitas', 'insult'],
  ['perroflauta', 'insult'],
  ['perroflautas', 'insult'],
  ['fachaleco', 'insult'],
  ['fachalecos', 'insult'],
  ['sociatas', 'insult'],
  ['peperos', 'insult'],
  // Contempt for the reader.
  ['clueless', 'insult'],
  ['laughable', 'insult'],
  ['worthless', 'insult'],
  ['pitiful', 'insult'],
  ['pathetically', 'insult'],
  ['dimwitted', 'insult'],
  ['que asco', 'insult'],
  ['dais verguenza', 'insult'],
  ['das verguenza', 'insult'],
  ['dan asco', 'insult'],
  ['me dais pena', 'insult'],
  ['me das pena', 'insult'],
  // Telling the reader off or to go away.
  ['piss off', 'insult'],
  ['bugger off', 'insult'],
  ['sod off', 'insult'],
  ['buzz off', 'insult'],
  ['shove it', 'insult'],
  ['get a grip', 'dismissive'],
  ['get over yourself', 'dismissive'],
  ['nobody asked', 'dismissive'],
  ['no one asked', 'dismissive'],
  ['cry about it', 'sarcasm'],
  ['learn to read', 'insult'],
  ['can you even read', 'insult'],
  ['cant you read', 'insult'],
  ['can you not read', 'insult'],
  ['use your brain', 'insult'],
  ['use your head', 'insult'],
  ['get a clue', 'insult'],
  ['are you stupid', 'insult'],
  ['are you blind', 'insult'],
  ['are you dumb', 'insult'],
  ['whats wrong with you', 'insult'],
  ['shame on', 'insult'],
  ['what is wrong with you', 'insult'],
  ['callaos', 'insult'],
  ['callad', 'insult'],
  ['callense', 'insult'],
  ['callese', 'insult'],
  ['a callar', 'insult'],
  ['cierra el pico', 'insult'],
  ['cerrad la boca', 'insult'],
  ['cierre la boca', 'insult'],
  ['vete a tomar', 'insult'],
  ['idos a tomar', 'insult'],
  ['iros a tomar', 'insult'],
  ['a tomar por culo', 'insult'],
  ['a tomar por saco', 'insult'],
  ['vete a la porra', 'insult'],
  ['vete a freir', 'insult'],
  ['vete al diablo', 'insult'],
  ['vete al infierno', 'insult'],
  ['vete a cagar', 'insult'],
  ['idos a la mierda', 'insult'],
  ['iros a la mierda', 'insult'],
  ['que te zurzan', 'insult'],
  ['que te follen', 'insult'],
  ['que os follen', 'insult'],
  ['aprende a leer', 'insult'],
  ['aprended a leer', 'insult'],
  ['no sabes leer', 'insult'],
  ['usa la cabeza', 'insult'],
  ['que te pasa en la cabeza', 'insult'],
  // Calling someone mad, or vermin; a brand never diagnoses or dehumanises anyone.
  ['mentally unstable', 'insult'],
  ['mentally deranged', 'insult'],
  ['mentally disturbed', 'insult'],
  ['mentally retarded', 'insult'],
  ['mentally impaired', 'insult'],
  ['mental case', 'insult'],
  ['lost your mind', 'insult'],
  ['losing your mind', 'insult'],
  ['lost his mind', 'insult'],
  ['losing his mind', 'insult'],
  ['lost her mind', 'insult'],
  ['losing her mind', 'insult'],
  ['lost their minds', 'insult'],
  ['losing their minds', 'insult'],
  ['suckers', 'insult'],
  ['whoring', 'insult'],
  ['trashy', 'insult'],
  ['abomination', 'insult'],
  ['cowardly', 'insult'],
  ['cockroach', 'insult'],
  ['cockroaches', 'insult'],
  ['leeches', 'insult'],
  ['kookoo', 'insult'],
  ['wingnut', 'insult'],
  ['wing nut', 'insult'],
  ['desequilibrado', 'insult'],
  ['desequilibrada', 'insult'],
  ['desequilibrados', 'insult'],
  ['trastornado', 'insult'],
  ['trastornada', 'insult'],
  ['trastornados', 'insult'],
  ['has perdido la cabeza', 'insult'],
  ['se te ha ido la cabeza', 'insult'],
  ['se te va la cabeza', 'insult'],
  ['parasitos', 'insult'],
  ['chupasangres', 'insult'],
  // Jokes about women told as a riddle without its question mark ("En qué se parecen las mujeres a
  // los semáforos. -En que…"), and putting a woman in her place.
  ['en que se parecen las mujeres', 'hate'],
  ['en que se parece una mujer', 'hate'],
  ['como mujer que eres', 'hate'],
  // Threats.
  ['ill kill', 'threat'],
  ['i will kill', 'threat'],
  ['lock them up', 'threat'],
  ['lock them all up', 'threat'],
  ['jail them', 'threat'],
  ['execute him', 'threat'],
  ['execute her', 'threat'],
  ['execute them', 'threat'],
  ['gonna kill', 'threat'],
  ['slap you', 'threat'],
  ['smack you', 'threat'],
  ['you will regret', 'threat'],
  ['youll regret', 'threat'],
  ['better watch out', 'threat'],
  ['i know where you live', 'threat'],
  ['we know where you live', 'threat'],
  ['dead meat', 'threat'],
  ['te vas a arrepentir', 'threat'],
  ['os vais a arrepentir', 'threat'],
  ['se van a arrepentir', 'threat'],
  ['te rompo', 'threat'],
  ['te parto', 'threat'],
  ['te reviento', 'threat'],
  ['sabemos donde vives', 'threat'],
  ['se donde vives', 'threat'],
  ['cuidado conmigo', 'threat'],
  ['te voy a buscar', 'threat'],
  ['a tiros', 'threat'],
  ['a hostias', 'threat'],
  ['a palos', 'threat'],
  ['should be killed', 'threat'],
  ['should be shot', 'threat'],
  ['should be hanged', 'threat'],
  ['should be executed', 'threat'],
  ['should be lynched', 'threat'],
  ['deserve to die', 'threat'],
  ['deserves to die', 'threat'],
  ['hope you die', 'threat'],
  ['merecen morir', 'threat'],
  ['mereces morir', 'threat'],
  ['ojala te mueras', 'threat'],
  ['ojala se mueran', 'threat'],
  ['habria que matarlos', 'threat'],
  ['habria que fusilarlos', 'threat'],
];
const MATCHER = new PhraseMatcher(PHRASES, false);

// Symbols and digits standing for letters ("sh!t", "b1tch", "@ss", "a$$", "m1erda").
const LEET: Record<string, string> = {
  '1': 'i',
  '!': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/**
 * The word a masked or leetspeak token stands for, if it is a word the lexicon knows: "f*ck",
 * "f**k", "sh!t", "a$$hole", "b1tch", "mierd@". Asterisks stand for any letter; the
 * other symbols for the letters they look like.
 */
function unmaskToken(token: string): string | undefined {
  const t = token.toLowerCase();
  if (!/\p{L}/u.test(t) || !/[*!@$0-9]/.test(t) || t.length < 3 || t.length > 14) return undefined;
  // "wow!!", "4k", "*hugs*" (an action, not a masked word); "@ss" and "$hit" start masked.
  if (/^[\p{L}]+[!]+$/u.test(t) || !/^[\p{L}@$]/u.test(t)) return undefined;
  const leet = t.replace(/[1!3405@$7]/g, (c) => LEET[c] ?? c);
  if (!leet.includes('*')) return LEXICON.has(leet) ? leet : undefined;
  const re = new RegExp(
    `^${leet.replace(/[^*\p{L}]/gu, '').replace(/\*+/g, (s) => `\\p{L}{1,${s.length}}`)}$`,
    'u',
  );
  for (const w of LEXICON.keys()) if (w.length >= 4 && re.test(w)) return w;
  return undefined;
}

// Words whose plural means something else: roosters, a surname ("Butts").
const PLURAL_ELSEWHERE = new Set(['cock', 'butt']);

// Spanish diminutives and plurals of lexicon words: "idiotita", "tontitos", "gilipollitas",
// "pendejetes"; English and Spanish plurals: "jerks", "payasetes".
function baseForm(w: string): string | undefined {
  if (w.length < 5) return undefined;
  const tries: string[] = [];
  const dim = /^(.{3,})(?:it|ill|et|uch)([oa]s?)$/.exec(w);
  if (dim) tries.push(`${dim[1]}${dim[2]}`, `${dim[1]}`);
  // Spanish plurals in -es follow a consonant ("imbéciles", "cabrones"); "tardes" is not "tard".
  if (/[lnrz]es$/.test(w)) tries.push(w.slice(0, -2));
  if (/[^s]s$/.test(w)) tries.push(w.slice(0, -1));
  return tries.find((x) => LEXICON.has(x) && !PLURAL_ELSEWHERE.has(x));
}

// "what a joke", "such a loser", "vaya payaso", "menudo imbécil", "qué asco de gente": a
// label introduced as an exclamation is aimed at whoever is being answered.
const EXCLAIM: Record<string, number> = {
  what: 2,
  such: 2,
  vaya: 1,
  menudo: 1,
  menuda: 1,
  menudos: 1,
  menudas: 1,
  pedazo: 2,
  eres: 2,
  sois: 2,
};
const ARTICLES = new Set(['a', 'an', 'un', 'una', 'unos', 'unas', 'de', 'total', 'complete']);
/** Nouns that are labels only in such an exclamation: "what a joke", "vaya chiste". */
const EXCLAIMED_LABELS = new Set([
  'joke',
  'disgrace',
  'clown',
  'mess',
  'hypocrite',
  'chiste',
  'verguenza',
  'panda',
  'banda',
  'payaso',
  'payasa',
  'chorizo',
  ...DESCRIBING,
]);

const AIMED = new Set(AIMED_LABELS);

function exclaimedLabels(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const reach = EXCLAIM[words[i] as string];
    if (!reach) continue;
    let k = i + 1;
    while (k < words.length && k <= i + reach + 1 && ARTICLES.has(words[k] as string)) k++;
    if (k === i + 1 && (words[i] === 'what' || words[i] === 'such')) continue; // "what happened"
    const x = words[k];
    if (!x) continue;
    if (EXCLAIMED_LABELS.has(x) || LEXICON.get(x) === 'insult' || AIMED.has(x))
      out.push(`${words[i]} … ${x}`);
  }
  return out;
}

// Hostility towards a group, beyond the mention flag's cues (analysis/toxicity.ts): more group
// words, the inflections of its hostile words, and contempt said of a group. Crimes that a group
// may suffer as much as commit ("violan los derechos de los migrantes", "atacan a inmigrantes")
// are left out: proximity cannot tell the victim from the culprit; so is sending them home ("que
// puedan volver a sus casas" is sympathy as often as hostility).
const HATE_CUES = {
  groups: new Set([
    'judios',
    'gitanas',
    'latinos',
    'sudamericanos',
    'musulmana',
    'musulmanas',
    'refugiada',
    'refugiadas',
    'inmigrantas',
    'subsahariano',
    'magrebi',
    'mena',
    'mantero',
    'indocumentado',
    'negritos',
    'jews',
    'arabs',
    'mexicans',
    'gays',
  ]),
  hostile: new Set([
    'malditos',
    'malditas',
    'extingan',
    'exterminar',
    'exterminio',
    'exterminarlos',
    'expulsado',
    'expulsados',
    'expulsadas',
    'expulsemos',
    'echemos',
    'echenlos',
    'plagada',
    'plagado',
    'plagadas',
    'plagados',
    'oleada',
    'avalancha',
    'invadido',
    'invadida',
    'invadidos',
    'invaden',
    'violador',
    'agresores',
    'delinquir',
    'terrorista',
    'yihadista',
    'yihadistas',
    'dementes',
    'inferiores',
    'subhumanos',
    'indeseables',
    'sarnosos',
    'sucios',
    'apestosos',
    'inferior',
    'subhuman',
    'filthy',
    'invade',
    'invaded',
    'invaders',
    'breeding',
    'leeches',
    'infest',
    'infesting',
    'exterminate',
    // A group called invaders or scroungers: "invasores magrebíes", "vienen a invadir".
    'invasores',
    'invadir',
    'invadiendo',
    'invading',
    'paguita',
    'paguitas',
  ]),
  phrases: new PhraseMatcher<string>(
    [
      'no queremos',
      'no los queremos',
      'nos quitan el trabajo',
      'quitarnos el trabajo',
      'a patadas',
      'que se extingan',
      'que se mueran',
      'kick them out',
      'go home',
      'get out of our country',
    ].map((x): [string, string] => [x, x]),
    false,
  ),
};

const ALL_GROUPS: ReadonlySet<string> = new Set([...HATE_CUES.groups, ...HATE_GROUPS]);

// A joke about women (or any group) as a kind: the post opens with a question about them and
// answers it ("¿Por qué las mujeres…? Porque…", "-¿En qué se parece una mujer…? -En que…").
const JOKE_SUBJECTS = new Set([
  'mujer',
  'mujeres',
  'mujers',
  'woman',
  'women',
  ...HATE_CUES.groups,
]);
const JOKE_OPENERS = new Set([
  'por',
  'porque',
  'que',
  'cual',
  'como',
  'en',
  'cuantas',
  'cuantos',
  'cuando',
  'donde',
  'sabes',
  'why',
  'what',
  'whats',
  'how',
]);

function groupJoke(p: Prepared, lang: 'es' | 'en'): string | null {
  if (!JOKE_OPENERS.has(p.words[0] ?? '') || !p.questionClauses.size) return null;
  const question = Math.min(...p.questionClauses);
  // A short punchline answers it ("Porque…", "-Todo", "Las rodillas"); a long text after a
  // question is a discussion, not a joke.
  const answer = p.clause.findIndex((c) => c > question);
  if (answer < 0 || p.words.length - answer > 25) return null;
  for (let i = 0; i < p.words.length && (p.clause[i] as number) <= question; i++) {
    const w = p.words[i] as string;
    if (JOKE_SUBJECTS.has(w)) return lang === 'es' ? `chiste sobre «${w}»` : `joke about “${w}”`;
  }
  return null;
}

// "tú eres mi perra", "es su zorra": calling a woman someone's bitch, whatever the possessive
// (the mention flag reads "mi perra" as the dog, which it is without "eres").
const SLUR_AFTER_BE = new Set(['perra', 'perrita', 'zorra', 'zorrita', 'puta', 'putita']);
const BE = new Set(['eres', 'sois', 'es', 'seras']);
const BETWEEN = new Set(['mi', 'su', 'tu', 'la', 'una', 'mas', 'muy']);

function womanCalledSlur(words: string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    if (!BE.has(words[i] as string)) continue;
    let k = i + 1;
    while (k < words.length && k <= i + 2 && BETWEEN.has(words[k] as string)) k++;
    const w = words[k];
    if (w && SLUR_AFTER_BE.has(w)) return `${words[i]} … ${w}`;
  }
  return null;
}

// "Odio a los árabes": the verb, aimed at a group; "luchamos contra el odio a las mujeres" is the
// noun and the opposite.
const NOUN_BEFORE_ODIO = new Set([
  'el',
  'del',
  'al',
  'un',
  'su',
  'mi',
  'tu',
  'este',
  'ese',
  'de',
  'contra',
  'sin',
]);
const GROUP_GLUE = new Set(['los', 'las', 'a', 'estos', 'estas', 'esos', 'esas', 'todos', 'todas']);

function hatesGroup(words: string[], groups: ReadonlySet<string>): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w !== 'odio' && w !== 'odiamos') continue;
    if (NOUN_BEFORE_ODIO.has(words[i - 1] ?? '') || words[i + 1] !== 'a') continue;
    let k = i + 2;
    while (k < words.length && k <= i + 4 && GROUP_GLUE.has(words[k] as string)) k++;
    const g = words[k];
    if (g && groups.has(g)) return `${w} + ${g}`;
  }
  return null;
}

/** Everything the checker adds to the mention flag's findings, for one draft. */
export function draftFindings(p: Prepared, raw: string, lang: 'es' | 'en'): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const token of raw.split(/[\s,.;:?¿¡()"“”]+/)) {
    const w = unmaskToken(token.replace(/^[!]+|[!]+$/g, ''));
    if (w) out.push({ kind: LEXICON.get(w) as DraftKind, term: token });
  }
  for (const m of MATCHER.match(p.words)) out.push({ kind: m.value, term: m.phrase });
  p.words.forEach((w, i) => {
    if (LEXICON.has(w)) return;
    const base = baseForm(w);
    if (base) out.push({ kind: LEXICON.get(base) as DraftKind, term: w });
    // "stupid af": "as fuck" closes what it intensifies ("the AF-200 model" is a name).
    else if (
      w === 'af' &&
      i > 0 &&
      p.clause[i + 1] !== p.clause[i] &&
      p.clause[i - 1] === p.clause[i]
    )
      out.push({ kind: 'profanity', term: 'af' });
  });
  for (const t of exclaimedLabels(p.words)) out.push({ kind: 'insult', term: t });
  // Named by the words that made it hate, as the mention flag's reasons are ("odio + árabes").
  const hostile = groupHostility(p, HATE_CUES);
  if (hostile)
    out.push({
      kind: 'hate',
      term: [...hostile.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(' + '),
    });
  const hates = hatesGroup(p.words, ALL_GROUPS);
  if (hates) out.push({ kind: 'hate', term: hates });
  const joke = groupJoke(p, lang);
  if (joke) out.push({ kind: 'hate', term: joke });
  const slur = womanCalledSlur(p.words);
  if (slur) out.push({ kind: 'hate', term: slur });
  return out;
}
