/** Normalised views of a post that every rule family shares (computed once per text). */
export interface Prepared {
  /** Lower case, accents removed, URLs and @handles dropped, spaces collapsed, padded with spaces. */
  norm: string;
  /** Word tokens of `norm` (letters/digits), elongations reduced ("buenooo" → "bueno"). */
  words: string[];
  /** Per word: written in capitals in the original (shouting), or elongated. */
  emphasis: boolean[];
  hashtags: string[];
  mentions: number;
  emoji: string[];
  emoticons: string[];
  exclamations: number;
  questions: number;
}

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const MENTION_RE = /(^|[^\w@])@[\w.]+/g;
const HASHTAG_RE = /#([\p{L}\p{N}_]+)/gu;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const EMOTICON_RE =
  /(?:^|\s)(>:\(|:'\(|<\/3|<3|:-?[()dDpP/|3]|;-?[)pP]|=\)|[xX][dD]|-_-|[dD]:)(?=\s|$)/g;
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

export function prepare(text: string): Prepared {
  const noUrls = text.replace(URL_RE, ' ');
  let mentions = 0;
  const noMentions = noUrls.replace(MENTION_RE, (_m, pre: string) => {
    mentions++;
    return `${pre} `;
  });
  const hashtags: string[] = [];
  for (const m of noMentions.matchAll(HASHTAG_RE)) hashtags.push(fold(m[1] ?? ''));
  const emoji = noMentions.match(EMOJI_RE) ?? [];
  const emoticons: string[] = [];
  for (const m of noMentions.matchAll(EMOTICON_RE)) emoticons.push((m[1] ?? '').toLowerCase());
  const words: string[] = [];
  const emphasis: boolean[] = [];
  for (const raw of noMentions.split(/[^\p{L}\p{N}']+/u)) {
    if (!raw) continue;
    const clean = raw.replace(/'/g, '');
    if (!clean) continue;
    let w = fold(clean);
    const elongated = /(\p{L})\1{2,}/u.test(w);
    if (elongated) w = w.replace(/(\p{L})\1{2,}/gu, '$1');
    const caps =
      clean.length >= 3 && clean === clean.toUpperCase() && clean !== clean.toLowerCase();
    words.push(w);
    emphasis.push(elongated || caps);
  }
  const norm = ` ${words.join(' ')} `;
  let exclamations = 0;
  let questions = 0;
  for (const c of text) {
    if (c === '!' || c === '¡') exclamations++;
    else if (c === '?' || c === '¿') questions++;
  }
  return { norm, words, emphasis, hashtags, mentions, emoji, emoticons, exclamations, questions };
}
