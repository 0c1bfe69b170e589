import type { Analysis } from './index';
import { prepare } from './text';

/**
 * Learning from the user's corrections: a small multinomial logistic regression per
 * workspace over the lexicon score and hashed word unigrams/bigrams, trained locally on the
 * mentions the user corrected. It adjusts the lexicon's verdict on that workspace's own
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
  analysis: Pick<Analysis, 'score'>;
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

function features(text: string): number[] {
  const w = prepare(text).words;
  const f = new Set<number>();
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
 * Trains on corrected sentiment labels. The score feature starts at the lexicon's own
 * decision rule (so zero corrections change nothing) and L2 keeps word weights small, so a
 * handful of corrections cannot overturn the lexicon on unrelated posts.
 */
export function trainCorrectionModel(
  examples: CorrectionExample[],
  epochs = 30,
  rate = 0.05,
  l2 = 1e-3,
): CorrectionModel {
  const weights = [-1, 0, 1].map((c) => {
    const w = new Array<number>(DIMS + 2).fill(0);
    w[DIMS] = c * 2; // prior: the lexicon score pushes towards its own polarity
    w[DIMS + 1] = c === 0 ? 1.8 : 0; // the lexicon's neutral band (±0.3 → 6 × 0.3)
    return w;
  });
  const model: CorrectionModel = { version: 1, dims: DIMS, weights, examples: 0 };
  const data = examples
    .filter((e) => e.label.sentiment !== undefined)
    .map((e) => ({
      feats: features(e.text),
      score: e.analysis.score,
      y: (e.label.sentiment as number) + 1,
    }));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const d of data) {
      const p = softmax(logits(model, d.feats, d.score));
      for (let c = 0; c < 3; c++) {
        const g = (p[c] ?? 0) - (c === d.y ? 1 : 0);
        const w = model.weights[c] as number[];
        for (const f of d.feats) w[f] = (w[f] ?? 0) * (1 - l2) - rate * g;
        w[DIMS] = (w[DIMS] ?? 0) - rate * 0.1 * g * d.score * 3;
        w[DIMS + 1] = (w[DIMS + 1] ?? 0) - rate * 0.1 * g;
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
  const p = softmax(logits(m, features(text), a.score));
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
