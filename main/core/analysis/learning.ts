import { analyzeText, type Analysis } from './index';
import { prepare } from './text';

/**
 * Learning from the user's corrections: a small multinomial logistic regression per
 * workspace over the lexicon score and hashed word unigrams/bigrams, trained locally on the
 * mentions the user corrected, plus the bin of the lexicon score (so it can learn where this
 * workspace's neutral ends). It adjusts the lexicon's verdict on that workspace's own
 * vocabulary; it is JSON so the workspace can store it.
 */
export interface CorrectionModel {
  version: 1;
  dims: number;
  /** weights[class][feature], classes −1, 0, 1 in that order; the last 2 features are score and bias. */
  weights: number[][];
  examples: number;
}

export interface CorrectionExample {
  text: string;
  /** The lexicon's score and, when known, its verdict (recomputed from the text otherwise). */
  analysis: Pick<Analysis, 'score'> & Partial<Pick<Analysis, 'sentiment'>>;
  label: { sentiment?: -1 | 0 | 1 };
}

const DIMS = 1 << 14;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % DIMS;
}

function verdictFeature(verdict: number): number {
  return hash(`\u0000lexicon-verdict ${verdict}`);
}

/** Ten bins of the lexicon score, so the model can move the neutral thresholds of this workspace. */
const SCORE_BINS = 10;

function features(text: string, score: number, verdict: number): number[] {
  const w = prepare(text).words;
  const f = new Set<number>();
  const bin = Math.max(0, Math.min(SCORE_BINS - 1, Math.floor(((score + 1) * SCORE_BINS) / 2)));
  f.add(hash(`\u0000score-bin ${bin}`));
  f.add(verdictFeature(verdict));
  for (let i = 0; i < w.length; i++) {
    f.add(hash(w[i] as string));
    if (i > 0) f.add(hash(`${w[i - 1]} ${w[i]}`));
  }
  return [...f];
}

function logits(m: CorrectionModel, feats: number[], score: number): number[] {
  return m.weights.map((w) => {
    let z = (w[DIMS] ?? 0) * score * 3 + (w[DIMS + 1] ?? 0);
    for (const f of feats) z += w[f] ?? 0;
    return z;
  });
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * Trains on corrected sentiment labels by full-batch gradient descent (the result does not
 * depend on the order of the corrections). The model starts at the lexicon's own verdict, so
 * zero corrections change nothing, and L2 pulls every weight back towards that start, so a
 * handful of corrections cannot overturn the lexicon on unrelated posts.
 */
export function trainCorrectionModel(
  examples: CorrectionExample[],
  iterations = 150,
  rate = 1,
  l2 = 0.03,
): CorrectionModel {
  const prior = [-1, 0, 1].map((c) => {
    const w = new Array<number>(DIMS + 2).fill(0);
    w[verdictFeature(c)] = 3;
    w[DIMS] = c;
    return w;
  });
  const weights = prior.map((w) => [...w]);
  const model: CorrectionModel = { version: 1, dims: DIMS, weights, examples: 0 };
  const data = examples
    .filter((e) => e.label.sentiment !== undefined)
    .map((e) => ({
      feats: features(
        e.text,
        e.analysis.score,
        e.analysis.sentiment ?? analyzeText(e.text).sentiment,
      ),
      score: e.analysis.score,
      y: (e.label.sentiment as number) + 1,
    }));
  const counts = [0, 0, 0];
  for (const d of data) counts[d.y] = (counts[d.y] ?? 0) + 1;
  // Each class weighs the same however few corrections it has (the goal is macro-F1).
  const cw = counts.map((k) => (k ? data.length / (3 * k) : 1));
  const touched = new Set<number>();
  for (const d of data) for (const f of d.feats) touched.add(f);
  touched.add(DIMS);
  touched.add(DIMS + 1);
  const n = Math.max(1, data.length);
  for (let it = 0; it < iterations; it++) {
    const grad = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
    for (const d of data) {
      const p = softmax(logits(model, d.feats, d.score));
      for (let c = 0; c < 3; c++) {
        const g = ((p[c] ?? 0) - (c === d.y ? 1 : 0)) * (cw[d.y] ?? 1);
        const G = grad[c] as Map<number, number>;
        for (const f of d.feats) G.set(f, (G.get(f) ?? 0) + g);
        G.set(DIMS, (G.get(DIMS) ?? 0) + g * d.score * 3);
        G.set(DIMS + 1, (G.get(DIMS + 1) ?? 0) + g);
      }
    }
    for (let c = 0; c < 3; c++) {
      const w = model.weights[c] as number[];
      const w0 = prior[c] as number[];
      const G = grad[c] as Map<number, number>;
      for (const f of touched) {
        const reg = l2 * ((w[f] ?? 0) - (w0[f] ?? 0));
        w[f] = (w[f] ?? 0) - rate * ((G.get(f) ?? 0) / n + reg);
      }
    }
  }
  model.examples = data.length;
  return model;
}

/** The workspace's corrected view of an analysis: sentiment re-decided by the model. */
export function applyCorrectionModel<A extends Pick<Analysis, 'sentiment' | 'score'>>(
  m: CorrectionModel | null,
  text: string,
  a: A,
): A {
  if (!m || m.examples === 0) return a;
  const p = softmax(logits(m, features(text, a.score, a.sentiment), a.score));
  const best = p.indexOf(Math.max(...p));
  return { ...a, sentiment: (best - 1) as -1 | 0 | 1 };
}

/** Sparse JSON form: only non-zero weights are kept (a few KB instead of 400 KB). */
export function serialiseModel(m: CorrectionModel): string {
  return JSON.stringify({
    ...m,
    weights: m.weights.map((w) =>
      Object.fromEntries(w.flatMap((v, i) => (v ? [[i, Math.round(v * 1e4) / 1e4]] : []))),
    ),
  });
}

export function parseModel(json: string): CorrectionModel {
  const raw = JSON.parse(json) as {
    version: 1;
    dims: number;
    examples: number;
    weights: Array<Record<string, number>>;
  };
  return {
    version: 1,
    dims: raw.dims,
    examples: raw.examples,
    weights: raw.weights.map((o) => {
      const w = new Array<number>(raw.dims + 2).fill(0);
      for (const [k, v] of Object.entries(o)) w[Number(k)] = v;
      return w;
    }),
  };
}
