import {
  CONTRAST,
  DIMINISHERS,
  EMOJI,
  EMOTICONS,
  HASHTAGS,
  INTENSIFIERS,
  NEGATORS,
  VALENCED_INTENSIFIERS,
} from './lexicons/cues';
import { englishLexicon, EN_PHRASES } from './lexicons/en';
import { ES_LEXICON, ES_PHRASES } from './lexicons/es';
import { noteText, notesText, type Note } from './notes';
import { PhraseMatcher } from './phrase-matcher';
import type { Prepared } from './text';

export interface SentimentTerm {
  term: string;
  weight: number;
  /** The English of `notes`, joined (the workspace model reads it). */
  rule?: string;
  /** What changed this term's weight, as keys a UI translates. */
  notes?: Note[];
}

export interface SentimentResult {
  sentiment: -1 | 0 | 1;
  score: number;
  raw: number;
  terms: SentimentTerm[];
  rules: string[];
  /** `rules` as keys a UI translates. */
  notes: Note[];
}

/** Thresholds on the normalised score: inside ±NEUTRAL_BAND a post is neutral. */
export const NEUTRAL_BAND = 0.3;

/**
 * Where neutral ends, per language. Spanish posts voice displeasure with fewer and milder
 * lexicon words, so a smaller negative score already means negative: −0.2 was chosen on the
 * XLM-T Spanish train split (macro-F1 0.589 → 0.603; −0.25…−0.1 all within 0.001). English has
 * no training split here and keeps the symmetric ±0.3.
 */
export function sentimentThresholds(lang: string): { positive: number; negative: number } {
  return lang === 'es'
    ? { positive: NEUTRAL_BAND, negative: -0.2 }
    : { positive: NEUTRAL_BAND, negative: -NEUTRAL_BAND };
}
/** VADER's normalisation constant: score = raw / sqrt(raw² + ALPHA). */
const ALPHA = 15;

const esExact = new Map<string, number>();
const esStems = new Map<string, number>();
for (const [k, v] of Object.entries(ES_LEXICON)) {
  if (k.endsWith('*')) esStems.set(k.slice(0, -1), v);
  else esExact.set(k, v);
}

/** Valence of one normalised word in the Spanish or English lexicon (undefined if unknown). */
export function wordValence(w: string): number | undefined {
  return esValence(w) ?? englishLexicon().get(w);
}

function esValence(w: string): number | undefined {
  const exact = esExact.get(w);
  if (exact !== undefined) return exact;
  for (let k = Math.min(w.length, 14); k >= 4; k--) {
    const v = esStems.get(w.slice(0, k));
    if (v !== undefined) return v;
  }
  return undefined;
}

// Matched on the word sequence; overlapping matches keep the longest ("no me gusta" wins over
// "me gusta") and the words they cover are not scored again one by one.
const ES_MATCHER = new PhraseMatcher(ES_PHRASES, false);
const EN_MATCHER = new PhraseMatcher(EN_PHRASES, false);

/** What a phrase in a post (not in a hashtag) is weighed by: negation before it, and contrast. */
interface PhraseContext {
  p: Prepared;
  contrast: number[] | null;
  useEs: boolean;
}

function phraseScore(
  words: string[],
  matcher: PhraseMatcher<number>,
  covered: boolean[],
  terms: SentimentTerm[],
  ctx: PhraseContext | null = null,
): number {
  let sum = 0;
  const hits = matcher.match(words).sort((x, y) => y.length - x.length || x.start - y.start);
  for (const h of hits) {
    let free = true;
    for (let k = h.start; k < h.start + h.length; k++) if (covered[k]) free = false;
    if (!free) continue;
    for (let k = h.start; k < h.start + h.length; k++) covered[k] = true;
    if ((h.phrase === 'so bad' || h.phrase === 'so badly') && desireBefore(words, h.start)) {
      // "I want it so bad", "need this so badly": the longing is strong, nothing is bad.
      sum += 1;
      pushTerm(terms, h.phrase, 1, [{ key: 'wantingSoBad' }]);
      continue;
    }
    let weight = h.value;
    const notes: Note[] = [{ key: 'phrase' }];
    const negator = ctx ? negatorBefore(ctx, h.start, covered) : null;
    if (negator) {
      // "aren't the best", "no es para tanto": a negation reaches a phrase as it reaches a word.
      weight *= -0.74;
      notes.push({ key: 'negated', params: { word: negator } });
    }
    const c = ctx?.contrast?.[h.start];
    if (c !== undefined) {
      weight *= c;
      pushContrast(notes, c);
    }
    sum += weight;
    pushTerm(terms, h.phrase, round(weight), notes);
  }
  return sum;
}

/** A negator up to 3 words before `at` in the same clause (2 for Spanish "no"), or null. */
function negatorBefore(ctx: PhraseContext, at: number, covered: boolean[]): string | null {
  const { p, useEs } = ctx;
  if (NEGATORS.has(p.words[at] as string)) return null; // the phrase carries its own ("not happy")
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) {
    if (p.clause[j] !== p.clause[at]) return null;
    const w = p.words[j] as string;
    if (covered[j] && !useEs) continue; // used up by its own phrase ("nothing but")
    if (useEs && ES_CONCORD.has(w)) continue; // "nada de nada": concord, not a negation
    if (NEGATORS.has(w) && !(useEs && w === 'no' && at - j > 2)) return w;
  }
  return null;
}

// Spanish words of negative concord: they agree with a negation rather than add one.
const ES_CONCORD = new Set(['nada', 'nadie', 'ningun', 'ninguna', 'sin']);

/**
 * A camel-case hashtag read as the words it joins: #WorstServiceEver, #NotHappy, #StillWaiting,
 * #QueVergüenza. Two-word tags count only when they start with a negator or an intensifier or
 * form a known phrase: a two-word name (#BestBuy, #LoveIsland) says nothing about the post.
 */
function camelHashtag(
  words: string[],
  valence: (w: string) => number | undefined,
  useEs: boolean,
  useEn: boolean,
): number | undefined {
  if (words.length < 2) return undefined;
  const covered = new Array<boolean>(words.length).fill(false);
  const unused: SentimentTerm[] = [];
  let sum = 0;
  if (useEs) sum += phraseScore(words, ES_MATCHER, covered, unused);
  if (useEn) sum += phraseScore(words, EN_MATCHER, covered, unused);
  const first = words[0] as string;
  const opens = NEGATORS.has(first) || INTENSIFIERS[first] !== undefined;
  if (words.length < 3 && !opens && unused.length === 0) return undefined;
  words.forEach((w, j) => {
    const v = covered[j] ? undefined : valence(w);
    if (!v) return;
    const prev = words[j - 1] ?? '';
    sum += NEGATORS.has(prev) ? v * -0.74 : v * (1 + (INTENSIFIERS[prev] ?? 0));
  });
  return sum === 0 ? undefined : sum;
}

const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'thank you', 'gracias', 'muchas gracias']);
const PLEASE = new Set(['please', 'pls', 'plz', 'porfa', 'porfavor']);

/**
 * "Can you check my order, please? Thanks": thanks closing a request is courtesy, not praise.
 * In a post that asks (a question mark, "please", "por favor") the thanks count 0.3×. Returns
 * the change to the sum and marks the terms it softened.
 */
function courtesyThanks(p: Prepared, terms: SentimentTerm[]): number {
  const asks =
    p.questions > 0 ||
    p.words.some((w, i) => PLEASE.has(w) || (w === 'por' && p.words[i + 1] === 'favor'));
  if (!asks) return 0;
  let delta = 0;
  for (const t of terms) {
    if (!THANKS.has(t.term) || t.weight <= 0) continue;
    const softened = round(t.weight * 0.3);
    delta += softened - t.weight;
    t.weight = softened;
    t.notes = [...(t.notes ?? []), { key: 'courtesyThanks' }];
    t.rule = notesText(t.notes);
  }
  return delta;
}

/** A term, with the English of its notes as its `rule` (none when nothing changed it). */
function pushTerm(terms: SentimentTerm[], term: string, weight: number, notes: Note[]): void {
  terms.push(notes.length ? { term, weight, rule: notesText(notes), notes } : { term, weight });
}

/** The note of a contrast weight: 1.5 after "but", 0.5 before it or conceded, 1 none. */
function pushContrast(notes: Note[], c: number): void {
  if (c === 1.5) notes.push({ key: 'afterContrast' });
  else if (c === 0.5) notes.push({ key: 'beforeContrast' });
}
const ADDING_AFTER_BUT = new Set([
  'sobre',
  'especialmente',
  'tambien',
  'especially',
  'mostly',
  'also',
]);
const CONCESSIVE = new Set(['although', 'though', 'tho', 'aunque']);

/**
 * How much each word counts around a contrast, or null when there is none. After "but",
 * "pero", "however" the words count 1.5×, before it 0.5×. "Yet" contrasts only when it opens a
 * clause ("not here yet" does not). A concession ("although …", "aunque …", "even though …")
 * is the weak part wherever it stands; "… though" closing a clause makes that clause the strong
 * part ("great food, slow service though").
 */
function contrastWeights(p: Prepared): number[] | null {
  const n = p.words.length;
  let strongFrom = -1;
  let conceded = -1;
  for (let i = 0; i < n; i++) {
    const w = p.words[i] as string;
    if (!CONTRAST.has(w) && w !== 'tho') continue;
    // "pero más cuando…", "pero sobre todo", "but especially…", "but also…" add to what came
    // before ("pero más caro" still contrasts).
    const next = p.words[i + 1] ?? '';
    if (ADDING_AFTER_BUT.has(next) || (next === 'mas' && p.words[i + 2] === 'cuando')) continue;
    const opens = i === 0 || p.clause[i - 1] !== p.clause[i];
    const closes = i === n - 1 || p.clause[i + 1] !== p.clause[i];
    if ((w === 'though' || w === 'tho') && closes && !opens) {
      strongFrom = p.clause.indexOf(p.clause[i] as number);
    } else if (CONCESSIVE.has(w)) conceded = p.clause[i] as number;
    else if (w !== 'yet' || opens) strongFrom = i + 1;
  }
  if (strongFrom < 0 && conceded < 0) return null;
  return p.words.map((_, i) =>
    p.clause[i] === conceded ? 0.5 : strongFrom < 0 ? 1 : i >= strongFrom ? 1.5 : 0.5,
  );
}

const NEVER_SO = new Set(['so', 'this', 'such', 'tan', 'tanto', 'tanta']);

/** "never so good", "never been this happy", "nunca tan bien": the "so" between, or null. */
function neverSo(words: string[], j: number, i: number): string | null {
  if (words[j] !== 'never' && words[j] !== 'nunca') return null;
  for (let k = j + 1; k < i; k++) if (NEVER_SO.has(words[k] as string)) return words[k] as string;
  return null;
}

const DESIRE = new Set(['want', 'wanted', 'wanna', 'need', 'needed', 'miss', 'wish']);

function desireBefore(words: string[], at: number): boolean {
  for (let k = Math.max(0, at - 5); k < at; k++) if (DESIRE.has(words[k] as string)) return true;
  return false;
}

/**
 * Lexicon sentiment with the rules social text needs: negation (3 words back), intensifiers
 * and diminishers, contrast ("pero"/"but": what follows counts more), emphasis (CAPS,
 * elongation, "!!!"), emoji and emoticons, meaningful hashtags, customer-care phrases, and
 * review stars when present.
 */
export function scoreSentiment(
  p: Prepared,
  lang: string,
  rating: number | null = null,
): SentimentResult {
  const terms: SentimentTerm[] = [];
  const notes: Note[] = [];
  const useEs = lang === 'es' || lang === 'und' || lang === 'pt' || lang === 'it';
  const useEn = lang === 'en' || lang === 'und';
  const en = useEn ? englishLexicon() : null;
  const covered: boolean[] = new Array<boolean>(p.words.length).fill(false);
  const contrast = contrastWeights(p);
  const ctx: PhraseContext = { p, contrast, useEs };
  let phraseSum = 0;
  if (useEs) phraseSum += phraseScore(p.words, ES_MATCHER, covered, terms, ctx);
  if (useEn) phraseSum += phraseScore(p.words, EN_MATCHER, covered, terms, ctx);
  const n = p.words.length;
  let sum = 0;
  // A hashtag with a known verdict (#timo) is scored once, as a hashtag, not again as a word.
  const scoredTags = new Set(p.hashtags.filter((h) => HASHTAGS[h] !== undefined));
  // Title-case headlines ("Watch Out For The Best Deals") say nothing about names: only use
  // capitals as a name cue when most words are written in lower case.
  const namesLikely = p.titled.filter(Boolean).length * 2 < n;
  const allCaps = n >= 4 && p.caps.filter(Boolean).length * 2 > n;
  const valence = (w: string): number | undefined => {
    const v = useEs ? esValence(w) : undefined;
    return v === undefined && en ? en.get(w) : v;
  };
  for (let i = 0; i < n; i++) {
    const w = p.words[i] as string;
    if (covered[i] || scoredTags.has(w)) continue;
    const v = valence(w);
    if (v === undefined || v === 0) continue;
    if (useEn && notAnOpinionWord(p, i)) continue;
    if (VALENCED_INTENSIFIERS.has(w) && p.clause[i + 1] === p.clause[i] && !covered[i + 1]) {
      // "pretty bad", "damn good", "bien rico": the first word only strengthens the second.
      const next = valence(p.words[i + 1] as string);
      if (next !== undefined && next !== 0) continue;
    }
    let weight = v;
    const here: Note[] = [];
    const verbValence = VERB_SENSE[w];
    if (verbValence !== undefined) {
      // "I like", "they really care" are verbs of liking; "looks like", "health care" are not.
      if (LIKE_VERB_BEFORE.has(p.words[i - 1] ?? '')) weight = verbValence;
      else if (w === 'like') continue;
    }
    if (namesLikely && inName(p, i)) {
      // "Leeds United", "Magic Mike", "Super Eagles": a capitalised word inside a run of
      // capitalised words mid-sentence is most likely part of a name, not an opinion.
      weight *= 0.25;
      here.push({ key: 'inName' });
    }
    const prev = p.words[i - 1];
    if (prev !== undefined) {
      const boost = INTENSIFIERS[prev] ?? DIMINISHERS[prev];
      if (boost !== undefined) {
        weight *= 1 + boost;
        here.push({ key: boost > 0 ? 'intensified' : 'softened', params: { word: prev } });
      }
    }
    if (DISCOURSE.has(w) && isDiscourseMarker(p, i)) {
      pushTerm(terms, w, 0, [{ key: 'discourseMarker' }]);
      continue;
    }
    // Negative concord: in "no puedo hacer nada", "nada" agrees with "no"; it is not negated.
    const concord = NEGATORS.has(w);
    for (let j = concord ? i : Math.max(0, i - 3); j < i; j++) {
      // Negation reaches at most 3 words back and never past a clause boundary ("no, genial").
      if (p.clause[j] !== p.clause[i]) continue;
      // A negator inside a matched phrase ("may or may not", "no tomorrow") was used up by it.
      if (covered[j] && (!useEs || ES_CONCORD.has(p.words[j] as string))) continue;
      if (NEGATORS.has(p.words[j] as string) && !(useEs && p.words[j] === 'no' && i - j > 2)) {
        const so = neverSo(p.words, j, i);
        if (so) {
          // "never been so happy", "nunca tan contento": never … so praises, it does not deny.
          weight *= 1.25;
          here.push({ key: 'intensified', params: { word: `${p.words[j]} … ${so}` } });
        } else {
          weight *= -0.74;
          here.push({ key: 'negated', params: { word: p.words[j] as string } });
        }
        break;
      }
    }
    if (useEn && OCCASION_NOUNS.has(w)) {
      // "Festival on Saturday", "named Champion of the year": a word that names an occasion,
      // a contest or its prize reports an event; the opinion, if any, is in other words.
      weight *= 0.5;
      here.push({ key: 'occasion' });
    }
    if (p.truncated && weight > 0) {
      // A post that breaks off with "..." is most often a headline or a shared post cut to
      // length: its praise is quoted, not the writer's own verdict. Criticism stays: customers
      // trail off with "..." too ("not a happy camper...", "it crashed again..."), and a
      // complaint read as neutral is the costlier mistake for a brand.
      weight *= 0.6;
      here.push({ key: 'cutOff' });
    }
    const hedge = weight > 0 ? hedgeBefore(p, i) : null;
    if (hedge) {
      // "they could win", "if it is any good", "quizás sea bueno": praise weighed as a
      // possibility or a condition is not yet praise. Criticism stays ("it may be flawed" still finds fault),
      // as it does inside a question.
      weight *= 0.7;
      here.push({ key: 'hedged', params: { word: hedge } });
    }
    if (weight > 0 && p.questionClauses.has(p.clause[i] as number)) {
      // "Is the new menu any good?" asks; praise inside a question is not praise yet.
      // Criticism stays: "why is your service so bad?" complains.
      weight *= 0.5;
      here.push({ key: 'praiseInQuestion' });
    }
    // CAPS stand out only in a post that is not written all in capitals (VADER's rule).
    if (p.emphasis[i] && !(p.caps[i] && allCaps)) {
      weight *= 1.3;
      here.push({ key: 'emphasised' });
    }
    const c = contrast?.[i];
    if (c !== undefined) {
      weight *= c;
      pushContrast(here, c);
    }
    sum += weight;
    pushTerm(terms, w, round(weight), here);
  }
  p.hashtags.forEach((h, k) => {
    const v = HASHTAGS[h] ?? camelHashtag(p.hashtagWords[k] ?? [], valence, useEs, useEn);
    if (v !== undefined) {
      sum += v;
      const words = p.hashtagWords[k] ?? [];
      const note: Note =
        HASHTAGS[h] === undefined
          ? { key: 'hashtagWords', params: { words: words.join(' ') } }
          : { key: 'hashtag' };
      pushTerm(terms, `#${h}`, round(v), [note]);
    }
  });
  for (const e of p.emoji) {
    const v = EMOJI[e];
    if (v !== undefined) {
      sum += v;
      pushTerm(terms, e, v, [{ key: 'emoji' }]);
    }
  }
  for (const e of p.emoticons) {
    const v = EMOTICONS[e];
    if (v !== undefined) {
      sum += v;
      pushTerm(terms, e, v, [{ key: 'emoticon' }]);
    }
  }
  sum += phraseSum;
  sum += courtesyThanks(p, terms);
  if (p.exclamations > 0 && sum !== 0) {
    const amp = Math.min(p.exclamations, 4) * 0.292 * Math.sign(sum);
    sum += amp;
    notes.push({ key: 'exclamations', params: { n: p.exclamations } });
  }
  if (rating !== null && rating !== undefined) {
    const v = (rating - 3) * 1.8;
    sum += v;
    pushTerm(terms, `${rating}★`, round(v), [{ key: 'stars' }]);
  }
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  const th = sentimentThresholds(lang);
  const sentiment = score >= th.positive ? 1 : score <= th.negative ? -1 : 0;
  if (contrast) notes.push({ key: 'contrast' });
  return {
    sentiment,
    score: round(score),
    raw: round(sum),
    terms,
    rules: notes.map(noteText),
    notes,
  };
}

// English nouns that name an occasion, a contest or a prize (VADER rates them as praise).
const OCCASION_NOUNS = new Set(
  (
    'festival festivals championship championships award awards holiday holidays party ' +
    'parties fair concert parade celebration prize prizes medal medals trophy winner winners ' +
    'champion champions champ'
  ).split(' '),
);

const VERB_SENSE: Record<string, number> = { like: 1.5, care: 2.2 };

// Contractions whose letters spell another word once the apostrophe goes: "I'll" is not
// "ill", "he'll" is not "hell", "we'll" is not "well".
const CONTRACTION_LOOKALIKES = new Set(['ill', 'hell', 'well', 'shell', 'wed', 'shed', 'id']);
// "ill" without its apostrophe is mostly "I'll" too ("ill be there"); it means sick after these.
const ILL_AFTER = new Set(
  'im feel feeling felt so very was is got been really am an seriously terminally mentally fell getting'.split(
    ' ',
  ),
);

/**
 * English words that carry no opinion where they stand: a contraction that looks like a word
 * ("I'll" → "ill"), "super" in front of the word it intensifies or names ("super happy",
 * "Super Eagles"), "well" in "as well".
 */
function notAnOpinionWord(p: Prepared, i: number): boolean {
  const w = p.words[i] as string;
  if (p.apostrophe[i] && CONTRACTION_LOOKALIKES.has(w)) return true;
  if (w === 'ill') return !ILL_AFTER.has(p.words[i - 1] ?? '');
  const next = p.words[i + 1];
  const sameClause = next !== undefined && p.clause[i + 1] === p.clause[i];
  if (w === 'super') return sameClause;
  if (w === 'well') return p.words[i - 1] === 'as' || (p.words[i + 1] === 'as' && sameClause);
  return false;
}

// "like" is a verb of liking only after a subject or an adverb ("I like", "really like").
const LIKE_VERB_BEFORE = new Set([
  'i',
  'we',
  'you',
  'they',
  'people',
  'really',
  'just',
  'also',
  'totally',
  'do',
  'dont',
  'didnt',
  'would',
  'wouldnt',
  'u',
  'ya',
  'still',
  'so',
  'actually',
  'doesnt',
  'she',
  'he',
  'who',
  'to',
]);

function inName(p: Prepared, i: number): boolean {
  if (!p.titled[i]) return false;
  if (i === 0 || p.clause[i - 1] !== p.clause[i]) return false; // a clause starts with a capital
  const prevTitled = p.titled[i - 1] === true && p.clause[i - 1] === p.clause[i];
  const nextTitled = p.titled[i + 1] === true && p.clause[i + 1] === p.clause[i];
  return prevTitled || nextTitled;
}

// "Bueno, …", "pero bueno", "ya bueno", "well, …": words that open or hedge a clause rather
// than praise anything.
const DISCOURSE = new Set(['bueno', 'bien', 'well']);
const DISCOURSE_BEFORE = new Set([
  'pero',
  'ya',
  'y',
  'pues',
  'o',
  'but',
  'oh',
  'ah',
  'eh',
  'bueno',
]);

function isDiscourseMarker(p: Prepared, i: number): boolean {
  const w = p.words[i] as string;
  const clauseStart = i === 0 || p.clause[i - 1] !== p.clause[i];
  const clauseEnd = i === p.words.length - 1 || p.clause[i + 1] !== p.clause[i];
  const prev = p.words[i - 1] ?? '';
  if (w === 'well') return clauseStart && !clauseEnd;
  if (w === 'bien')
    return (
      prev === 'pues' ||
      prev === 'o' ||
      (clauseStart && (p.words[i + 1] === 'pues' || p.words[i + 1] === 'entonces'))
    );
  if (w === 'bueno')
    return (
      (clauseStart && i < p.words.length - 1) ||
      (DISCOURSE_BEFORE.has(prev) && p.clause[i - 1] === p.clause[i])
    );
  return false;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// Words that present what follows in their clause as a possibility or a condition (Spanish
// "si" is left out: without its accent it is also "sí", yes).
const HEDGES = new Set(['may', 'might', 'could', 'if', 'quizas', 'quiza', 'podria', 'podrian']);

/**
 * A hedge earlier in the same clause, or null. "May" written with a capital is the month
 * ("on May 11") or opens a request ("May I …"), not a hedge; "If …", "Could …" are.
 */
function hedgeBefore(p: Prepared, i: number): string | null {
  for (let j = i - 1; j >= 0 && p.clause[j] === p.clause[i]; j--) {
    const w = p.words[j] as string;
    if (HEDGES.has(w) && !(w === 'may' && p.titled[j])) return w;
  }
  return null;
}
