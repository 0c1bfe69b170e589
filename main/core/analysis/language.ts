import { STOPWORDS } from './lexicons/cues';
import type { Prepared } from './text';
import { prepare } from './text';

const LISTS = Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words)] as const);

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
    let n = 0;
    for (const [, set] of LISTS) if (set.has(w)) n++;
    if (n === 0) continue;
    for (const [lang, set] of LISTS) if (set.has(w)) votes[lang] = (votes[lang] ?? 0) + 1 / n;
  }
  if (/[¿¡ñ]/i.test(original)) votes['es'] = (votes['es'] ?? 0) + 1.5;
  if (/[ãõ]/i.test(original)) votes['pt'] = (votes['pt'] ?? 0) + 1.5;
  if (/[äöß]/i.test(original)) votes['de'] = (votes['de'] ?? 0) + 1.5;
  const ranked = Object.entries(votes).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 0.99) return { lang: 'und', confidence: 0, votes };
  const margin = best[1] - (second?.[1] ?? 0);
  if (margin < 0.5) return { lang: 'und', confidence: 0, votes };
  return { lang: best[0], confidence: Math.min(1, margin / (best[1] + 1)), votes };
}

export function detectLanguage(text: string): LanguageResult {
  return detectLanguageOf(prepare(text), text);
}
