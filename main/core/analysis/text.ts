/** Normalised views of a post that every rule family shares (computed once per text). */
export interface Prepared {
  /** Lower case, accents removed, URLs and @handles dropped, spaces collapsed, padded with spaces. */
  norm: string;
  /** Word tokens of `norm` (letters/digits), elongations reduced ("buenooo" → "bueno"). */
  words: string[];
  /** Per word: written in capitals in the original (shouting), or elongated. */
  emphasis: boolean[];
  /** Per word: written with a capital initial and lower case after it ("Love", "Super"). */
  titled: boolean[];
  /** Per word: written in capitals (at least 3 letters), whether or not the whole post is. */
  caps: boolean[];
  /** Per word: written with an apostrophe inside ("I'll", "he'll", "can't"), dropped in `words`. */
  apostrophe: boolean[];
  /** Per word: the clause it belongs to (a new clause starts after . , ; : ! ? … and the like). */
  clause: number[];
  /** The clauses closed by a question mark. */
  questionClauses: Set<number>;
  hashtags: string[];
  /** Per hashtag: its words when written in camel case (#WorstServiceEver → worst service ever), else []. */
  hashtagWords: string[][];
  mentions: number;
  emoji: string[];
  emoticons: string[];
  exclamations: number;
  questions: number;
  /** The post breaks off with "..." or "…" at its end (a headline or a post cut to length). */
  truncated: boolean;
}

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const MENTION_RE = /(^|[^\w@])@[\w.]+/g;
const HASHTAG_RE = /#([\p{L}\p{N}_]+)/gu;
// Words, and the punctuation that closes a clause (negation does not reach past it). The
// typographic apostrophe counts as one: "can’t" is one negating word, not "can" and "t".
// (None of the marks needs escaping inside a character class.)
const CLAUSE_MARK_CHARS = '.,;:!?¡¿…()"“”|';
const TOKEN_RE = new RegExp(`[\\p{L}\\p{N}'’]+|[${CLAUSE_MARK_CHARS}]`, 'gu');
// The words of a camel-case hashtag: "NeverAgain", "QueVergüenza", "iPhoneFail" → its capitalised parts.
const CAMEL_RE = /\p{Lu}[\p{Ll}]+|\p{Lu}+(?!\p{Ll})|^\p{Ll}+/gu;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
// Also the doubled and mirrored forms ":))", ":((", "(:", ":,(", "^_^"; doubled ones are
// recorded as the single form.
const EMOTICON_RE =
  /(?:^|\s)(>:\(|:'\(|:,\(|<\/3|<3|:-?\)\)+|:-?\(\(+|\(:|:-?[()dDpP/|3]|;-?\)+|;-?[pP]|=\)|[xX][dD]|-_-|[dD]:|\^_?\^)(?=\s|$)/g;
// Three dots or an ellipsis closing the text, maybe before a closing quote.
const TRUNCATED_RE = /(?:\.\.\.|…)[\s"”']*$/;
const ACCENTS: Record<string, string> = {
  á: 'a',
  é: 'e',
  í: 'i',
  ó: 'o',
  ú: 'u',
  ü: 'u',
  à: 'a',
  è: 'e',
  ì: 'i',
  ò: 'o',
  ù: 'u',
  â: 'a',
  ê: 'e',
  î: 'i',
  ô: 'o',
  û: 'u',
  ã: 'a',
  õ: 'o',
  ç: 'c',
  ä: 'a',
  ö: 'o',
  ë: 'e',
  ï: 'i',
};

/** Lower case without accents (ñ kept as n: "cono"/"coño" both match). Fast path for ASCII. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .replace(/[áéíóúüàèìòùâêîôûãõçäöëïñ]/g, (c) => (c === 'ñ' ? 'n' : (ACCENTS[c] ?? c)))
    .replace(/[’`´]/g, "'");
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const ENTITY_RE = /&(amp|lt|gt|quot|apos|nbsp|#\d{1,6}|#x[0-9a-f]{1,5});/gi;

/** HTML entities that exports and feeds leave in post text (&amp; &gt; &#39;). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

/**
 * A token of TOKEN_RE is a word when it starts with a letter, a digit or an apostrophe; the
 * clause marks are single characters. A token that starts with a surrogate (a letter outside
 * the Basic Multilingual Plane: "𝐠𝐨𝐨𝐝") counts as a mark, as it did when the test was a
 * `\p{L}` match on its first code unit. Without a regular expression per token: ~1 µs a post.
 */
function wordToken(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return raw.length > 1 || !CLAUSE_MARKS.has(raw);
}
const CLAUSE_MARKS = new Set(CLAUSE_MARK_CHARS);

/** Starts with a-z: not written in capitals (most words), known without upper-casing it. */
function startsLowerAscii(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 0x61 && c <= 0x7a;
}

const ELONGATED_RE = /(\p{L})\1{2,}/u;

/**
 * A letter written three times or more in a row ("buenooo"). ASCII words are scanned by code
 * unit (the regular expression's backreference cost ~0.5 µs a post); others take the expression.
 */
function hasElongation(w: string): boolean {
  let run = 1;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c > 0x7f) return ELONGATED_RE.test(w);
    if (c === w.charCodeAt(i - 1)) {
      if (++run >= 3 && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return true;
    } else run = 1;
  }
  return false;
}

/** What a word token says, however often it appears: its folded form and how it is written. */
interface WordToken {
  word: string;
  elongated: boolean;
  caps: boolean;
  titled: boolean;
  apostrophe: boolean;
}

/**
 * Word tokens already read, by their raw form. Words repeat across posts (a 1M import meets a
 * few tens of thousands of distinct ones), and folding, the elongation scan, the capitals
 * tests and their temporary strings cost ~0.4 µs a word, a lookup ~0.05. Cleared when full,
 * which bounds it (~5 MB) without the bookkeeping of an LRU; `null`: no word (only apostrophes).
 */
const TOKENS = new Map<string, WordToken | null>();
const MAX_TOKENS = 50_000;
const MAX_CACHED_LENGTH = 12;

function tokenOf(raw: string): WordToken | null {
  // A substring of 13 or more code units is a view of the post it was cut from (V8's sliced
  // strings): cached, it would keep that whole post alive. Long tokens are rare ones anyway.
  if (raw.length > MAX_CACHED_LENGTH) return readToken(raw);
  const known = TOKENS.get(raw);
  if (known !== undefined) return known;
  const t = readToken(raw);
  if (TOKENS.size >= MAX_TOKENS) TOKENS.clear();
  TOKENS.set(raw, t);
  return t;
}

function readToken(raw: string): WordToken | null {
  const quoted = raw.includes("'") || raw.includes('’');
  const clean = quoted ? raw.replace(/['’]/g, '') : raw;
  if (!clean) return null;
  let word = fold(clean);
  const elongated = hasElongation(word);
  if (elongated) word = word.replace(/(\p{L})\1{2,}/gu, '$1');
  const caps =
    clean.length >= 3 &&
    !startsLowerAscii(clean) &&
    clean === clean.toUpperCase() &&
    clean !== clean.toLowerCase();
  const first = clean[0] as string;
  const titled =
    clean.length > 1 &&
    first !== first.toLowerCase() &&
    clean.slice(1) === clean.slice(1).toLowerCase();
  const apostrophe = clean.length < raw.length && /\p{L}['’]\p{L}/u.test(raw);
  return { word, elongated, caps, titled, apostrophe };
}

export function prepare(input: string): Prepared {
  const text = decodeEntities(input);
  const noUrls = text.replace(URL_RE, ' ');
  let mentions = 0;
  const noMentions = noUrls.replace(MENTION_RE, (_m, pre: string) => {
    mentions++;
    return `${pre} `;
  });
  const hashtags: string[] = [];
  const hashtagWords: string[][] = [];
  for (const m of noMentions.includes('#') ? noMentions.matchAll(HASHTAG_RE) : []) {
    hashtags.push(fold(m[1] ?? ''));
    const parts = (m[1] ?? '').match(CAMEL_RE) ?? [];
    hashtagWords.push(parts.length > 1 ? parts.map(fold) : []);
  }
  const emoji = noMentions.match(EMOJI_RE) ?? [];
  const emoticons: string[] = [];
  for (const m of noMentions.matchAll(EMOTICON_RE))
    emoticons.push((m[1] ?? '').toLowerCase().replace(/([()])\1+$/, '$1'));
  const words: string[] = [];
  const emphasis: boolean[] = [];
  const clause: number[] = [];
  const titled: boolean[] = [];
  const apostrophe: boolean[] = [];
  const capsWords: boolean[] = [];
  const questionClauses = new Set<number>();
  let clauseNo = 0;
  // `match` gives the tokens as strings, without a match object (index, groups) for each.
  for (const raw of noMentions.match(TOKEN_RE) ?? []) {
    if (!wordToken(raw)) {
      if (raw === '?') questionClauses.add(clauseNo);
      if (words.length && clause[clause.length - 1] === clauseNo) clauseNo++;
      continue;
    }
    const t = tokenOf(raw);
    if (!t) continue;
    words.push(t.word);
    apostrophe.push(t.apostrophe);
    emphasis.push(t.elongated || t.caps);
    capsWords.push(t.caps);
    clause.push(clauseNo);
    titled.push(t.titled);
  }
  const norm = ` ${words.join(' ')} `;
  let exclamations = 0;
  let questions = 0;
  // By code unit: the four marks are single units, never halves of a surrogate pair.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x21 || c === 0xa1) exclamations++;
    else if (c === 0x3f || c === 0xbf) questions++;
  }
  return {
    norm,
    words,
    emphasis,
    titled,
    caps: capsWords,
    apostrophe,
    clause,
    questionClauses,
    hashtags,
    hashtagWords,
    mentions,
    emoji,
    emoticons,
    exclamations,
    questions,
    truncated: TRUNCATED_RE.test(noUrls),
  };
}
