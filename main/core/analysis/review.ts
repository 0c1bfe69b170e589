import type { Explanation } from './index';
import { classProbabilities, type CorrectionModel } from './learning';
import { prepare } from './text';

/**
 * Review suggestions: which mentions to ask the user about next. A label the user sets where
 * the workspace model is least sure teaches it most, so candidates are ranked by the margin
 * between the two likeliest classes (with no trusted model: how close the lexicon score is to
 * a threshold), and picked greedily so that a suggestion that shares most of its words with
 * one already picked goes down the list: fifty suggestions are not fifty copies of the same
 * complaint.
 */
/** Suggestions asked for at a time (the panel's batch; the eval simulates a session the same way). */
export const REVIEW_BATCH = 50;

export interface ReviewCandidate {
  id: number;
  text: string;
  explanation: Explanation;
}

export interface ReviewSuggestion {
  id: number;
  /** The likeliest class and the runner-up (the two the model hesitates between). */
  sentiment: -1 | 0 | 1;
  rival: -1 | 0 | 1;
  /** Probability of negative, neutral, positive. */
  probabilities: [number, number, number];
  /** Top probability minus the runner-up's (0: a tie). */
  margin: number;
}

export interface ReviewOptions {
  /** How much similarity to a suggestion already picked counts against a candidate (0..1 margin units). */
  diversity?: number;
  /** A candidate this similar (Jaccard of content words) to one already picked is never suggested. */
  duplicate?: number;
}

const DEFAULTS: Required<ReviewOptions> = { diversity: 0.3, duplicate: 0.6 };

/** Words of 4+ letters: close enough to content words to tell near-duplicates apart. */
function wordSet(text: string): Set<string> {
  return new Set(prepare(text).words.filter((w) => w.length > 3));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

/** How unsure the model is of one mention, and between which classes. */
export function reviewScore(model: CorrectionModel | null, c: ReviewCandidate): ReviewSuggestion {
  const p = classProbabilities(model, c.text, c.explanation);
  const order = [0, 1, 2].sort((a, b) => (p[b] as number) - (p[a] as number));
  const top = order[0] as number;
  const second = order[1] as number;
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    id: c.id,
    sentiment: (top - 1) as -1 | 0 | 1,
    rival: (second - 1) as -1 | 0 | 1,
    probabilities: [r3(p[0]), r3(p[1]), r3(p[2])],
    margin: (p[top] as number) - (p[second] as number),
  };
}

/**
 * The `limit` candidates to review first, in order: the smallest margin, less a penalty for
 * resembling a suggestion already picked. Deterministic: ties go to the lower id.
 */
export function rankForReview(
  candidates: ReviewCandidate[],
  model: CorrectionModel | null,
  limit: number,
  options: ReviewOptions = {},
): ReviewSuggestion[] {
  const o = { ...DEFAULTS, ...options };
  const scored = candidates
    .map((c) => ({ s: reviewScore(model, c), words: wordSet(c.text), near: 0 }))
    .sort((a, b) => a.s.margin - b.s.margin || a.s.id - b.s.id);
  const out: ReviewSuggestion[] = [];
  const taken = new Uint8Array(scored.length);
  while (out.length < limit) {
    let best = -1;
    let bestValue = Infinity;
    for (let i = 0; i < scored.length; i++) {
      const c = scored[i] as (typeof scored)[number];
      if (taken[i] || c.near >= o.duplicate) continue;
      const value = c.s.margin + o.diversity * c.near;
      // Sorted by margin: nothing further down can beat a value below its own margin.
      if (c.s.margin >= bestValue) break;
      if (value < bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    const pick = scored[best] as (typeof scored)[number];
    out.push({ ...pick.s, margin: Math.round(pick.s.margin * 1000) / 1000 });
    for (let i = 0; i < scored.length; i++) {
      const c = scored[i] as (typeof scored)[number];
      if (!taken[i]) c.near = Math.max(c.near, jaccard(c.words, pick.words));
    }
  }
  return out;
}
