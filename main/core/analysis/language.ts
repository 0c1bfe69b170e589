import { STOPWORDS } from './lexicons/cues';
import type { Prepared } from './text';
import { prepare } from './text';

// word → the languages it is a function word of (one lookup per word).
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of new Set(words)) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);
}

export interface LanguageResult {
  lang: string;
  confidence: number;
  votes: Record<string, number>;
}

/**
 * Stopword vote for short social texts: each function word votes for the languages it
 * belongs to (shared ones split their vote); Spanish punctuation (¿¡) and ñ add evidence.
 * Too little evidence, or a tie, is `und` rather than a guess.
 */
export function detectLanguageOf(p: Prepared, original: string): LanguageResult {
  const votes: Record<string, number> = {};
  for (const w of p.words) {
    const langs = WORD_LANGS.get(w);
    if (!langs) continue;
    for (const lang of langs) votes[lang] = (votes[lang] ?? 0) + 1 / langs.length;
  }
  if (/[¿¡ñ]/i.test(original)) votes['es'] = (votes['es'] ?? 0) + 1.5;
  if (/[ãõ]/i.test(original)) votes['pt'] = (votes['pt'] ?? 0) + 1.5;
  if (/[äöß]/i.test(original)) votes['de'] = (votes['de'] ?? 0) + 1.5;
  const [best, second] = topTwo(votes);
  if (!best || best[1] < 0.99) return { lang: 'und', confidence: 0, votes };
  const margin = best[1] - (second?.[1] ?? 0);
  if (margin < 0.5) return { lang: 'und', confidence: 0, votes };
  return { lang: best[0], confidence: Math.min(1, margin / (best[1] + 1)), votes };
}

/**
 * The two highest votes, earlier languages first among equals: what a stable sort of the
 * entries by vote would put first and second, in one pass instead of a sort per post.
 */
function topTwo(votes: Record<string, number>): Array<[string, number]> {
  let best: [string, number] | undefined;
  let second: [string, number] | undefined;
  for (const e of Object.entries(votes)) {
    if (!best || e[1] > best[1]) {
      second = best;
      best = e;
    } else if (!second || e[1] > second[1]) second = e;
  }
  return best ? (second ? [best, second] : [best]) : [];
}

export function detectLanguage(text: string): LanguageResult {
  return detectLanguageOf(prepare(text), text);
}
