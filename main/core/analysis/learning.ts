import { explainText, type AnalyzeOptions, type Explanation } from './index';
import { CONTRAST, INTENSIFIERS, NEGATORS, STOPWORDS } from './lexicons/cues';
import { prepare } from './text';

/**
 * Learning from the user's corrections: a small multinomial logistic regression per
 * workspace, trained locally on the mentions the user corrected.
 *
 * Its logits are the base engine's own verdict, written as a soft prior from the lexicon
 * score and its thresholds (negative: A·(tn − s), neutral: 0, positive: A·(s − tp)), plus
 * what the corrections taught:
 * - a bias per class (how often this workspace's people are neutral, positive, negative —
 *   Rest-Mex reviews are 82 % positive, tweets a third each),
 * - weights on the engine's signals (score, positive and negative lexicon mass, complaint,
 *   insult, irony, negation, contrast, question, stars when the source has them, length),
 *   which move where this workspace's neutral ends,
 * - hashed word unigrams, bigrams and 5-letter word prefixes (the workspace's own
 *   vocabulary: "brutal" said of a dish, "lento" of a slow-cooked stew).
 * Every learned weight has a Gaussian prior at zero (L2 on the summed, not averaged, loss):
 * with few corrections the base verdict dominates and only evidence repeated across
 * corrections moves it; with many the data does. Training is full-batch and deterministic
 * (the same corrections in any order give the same model); the model is JSON so the
 * workspace can store it.
 */
export interface CorrectionModel {
  version: 2;
  /** Corrections the model was trained on (0: the base result is returned unchanged). */
  examples: number;
  /** Share of the learned logits kept, chosen by cross-validation on the corrections (0: none). */
  trust: number;
  /**
   * Accuracy on the corrected mentions: how many the base engine had right, and how many the
   * workspace model gets right when each is judged by weights fitted without it (10 folds).
   */
  check: { corrected: number; baseRight: number; learnedRight: number };
  /** Slope of the soft prior from the lexicon score. */
  prior: number;
  /** Per class (negative, neutral, positive): bias. */
  bias: [number, number, number];
  /** Per class: weight of each dense signal, in the order of DENSE. */
  dense: [number[], number[], number[]];
  /** Word evidence learned from the corrections: feature → log ratio for negative, neutral, positive. */
  words: Record<string, [number, number, number]>;
}

export interface CorrectionExample {
  text: string;
  /** The base engine's explanation of the text (recomputed from the text when absent). */
  explanation?: Explanation;
  /** Options the text was analysed with (language hint, stars). */
  options?: AnalyzeOptions;
  /** What the user set: a sentiment, and whether it is a complaint or an insult. */
  label: { sentiment?: -1 | 0 | 1; complaint?: boolean; insult?: boolean };
}

/**
 * The engine signals the model weighs, by id (the UI names them): lexicon score, positive and
 * negative lexicon mass, complaint, insult, irony, negation, contrast, question, exclamation,
 * stars, length, praise and criticism together, praise/criticism after "but", no lexicon
 * word, score far past either threshold, share of praise, praise and criticism per word.
 */
export const DENSE = [
  'lexiconScore',
  'positiveWords',
  'negativeWords',
  'complaint',
  'insult',
  'irony',
  'negation',
  'contrast',
  'question',
  'exclamation',
  'stars',
  'length',
  'mixed',
  'praiseAfterBut',
  'criticismAfterBut',
  'noLexiconWords',
  'wellAbovePositive',
  'wellBelowNegative',
  'praiseShare',
  'praisePerWord',
  'criticismPerWord',
] as const;

interface Encoded {
  /** The base verdict as logits, one per class. */
  prior: number[];
  dense: number[];
  sparse: readonly string[];
}

/** The base verdict as logits; ties never hide the base verdict (irony keeps praise neutral). */
function priorLogits(e: Explanation, slope: number): [number, number, number] {
  const s = e.sentiment.score;
  const th = e.sentiment.thresholds;
  const z: [number, number, number] = [slope * (th.negative - s), 0, slope * (s - th.positive)];
  const v = e.sentiment.sentiment + 1;
  const top = Math.max(...z);
  if (z[v] !== top || z.filter((x) => x === top).length > 1) z[v] = top + 0.05 * slope;
  return z;
}

function denseSignals(e: Explanation, words: number): number[] {
  let pos = 0;
  let neg = 0;
  let negated = 0;
  let stars = 0;
  let posAfter = 0;
  let negAfter = 0;
  for (const t of e.sentiment.terms) {
    if (t.rule === 'review stars') {
      stars = t.weight / 3.6; // (stars − 3) · 1.8 in the lexicon → −1..1
      continue;
    }
    if (t.weight > 0) pos += t.weight;
    else neg -= t.weight;
    if (t.rule?.includes('negated')) negated = 1;
    if (t.rule?.includes('after a contrast')) {
      if (t.weight > 0) posAfter += t.weight;
      else negAfter -= t.weight;
    }
  }
  const s = e.sentiment.score;
  const th = e.sentiment.thresholds;
  const rules = e.sentiment.rules.join(' ');
  return [
    e.sentiment.score,
    Math.tanh(pos / 3),
    Math.tanh(neg / 3),
    e.complaint.complaint ? 1 : 0,
    e.toxicity.insult ? 1 : 0,
    e.irony.flagged ? 1 : 0,
    negated,
    rules.includes('contrast') ? 1 : 0,
    rules.includes('question') || e.sentiment.terms.some((t) => t.rule?.includes('question'))
      ? 1
      : 0,
    rules.includes('exclamation') ? 1 : 0,
    stars,
    Math.min(1, Math.log1p(words) / 5),
    Math.tanh(Math.min(pos, neg) / 2),
    Math.tanh(posAfter / 2),
    Math.tanh(negAfter / 2),
    e.sentiment.terms.length === 0 ? 1 : 0,
    Math.max(0, s - th.positive - 0.3),
    Math.max(0, th.negative - 0.3 - s),
    (pos - neg) / (pos + neg + 1),
    Math.min(1, (3 * pos) / Math.max(words, 1)),
    Math.min(1, (3 * neg) / Math.max(words, 1)),
  ];
}

const FUNCTION_WORDS = new Set(
  [...(STOPWORDS['es'] ?? []), ...(STOPWORDS['en'] ?? [])].filter(
    (w) => !NEGATORS.has(w) && !CONTRAST.has(w) && INTENSIFIERS[w] === undefined,
  ),
);

/**
 * Content words, word pairs, 5-letter prefixes of longer words ("encant" covers encantó and
 * encanta) and the lexicon terms that fired (with their negation), so the model can learn what
 * a word means in this workspace. Function words alone say nothing and are left out.
 */
function sparseFeatures(text: string, e: Explanation): SparseFeatures {
  // The analyzer asks once per model (sentiment, complaint, insult) for the same text and
  // explanation: tokenising and naming the features again was ~40 % of a 3-model analysis.
  if (lastSparse && lastSparse.e === e && lastSparse.text === text) return lastSparse.f;
  const f = computeSparseFeatures(text, e);
  lastSparse = { text, e, f };
  return f;
}

interface SparseFeatures {
  readonly names: readonly string[];
  words: number;
  mentions: number;
}

let lastSparse: { text: string; e: Explanation; f: SparseFeatures } | null = null;

function computeSparseFeatures(text: string, e: Explanation): SparseFeatures {
  const p = prepare(text);
  const w = p.words;
  const f = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    const word = w[i] as string;
    if (!FUNCTION_WORDS.has(word)) {
      f.add(`w ${word}`);
      if (word.length > 6) f.add(`w ${word.slice(0, 5)}…`);
    }
    if (i > 0) f.add(`w ${w[i - 1]} ${word}`);
  }
  for (const t of e.sentiment.terms)
    if (t.rule !== 'review stars') f.add(`${t.rule?.includes('negated') ? 'n' : 'l'} ${t.term}`);
  return { names: [...f], words: w.length, mentions: p.mentions };
}

function encode(text: string, e: Explanation, slope: number): Encoded {
  const { names, words } = sparseFeatures(text, e);
  return { prior: priorLogits(e, slope), dense: denseSignals(e, words), sparse: names };
}

/** Cross-validation folds (by a hash of the text, so a correction's fold never depends on order). */
const FOLDS = 10;

/** Below this many sentiment corrections (or with all of one class) the base verdict stands. */
export const MIN_CORRECTIONS = 20;

export interface TrainOptions {
  /** Slope of the soft prior (larger: the base verdict is harder to overturn). */
  prior?: number;
  /** L2 strength on the class biases, the dense signal weights and the sparse weights. */
  l2Bias?: number;
  l2Dense?: number;
  l2Sparse?: number;
  iterations?: number;
  /** How much a rare class's corrections weigh: 1 balances classes fully, 0 not at all. */
  balance?: number;
  /** Sparse features must appear in at least this many corrections. */
  minCount?: number;
  /** Additive smoothing of the word counts. */
  smoothing?: number;
  /** Shares of the learned logits tried by cross-validation on the corrections. */
  shares?: number[];
  /** Cross-validated macro-F1 a share of the learned logits must gain over the base verdict's. */
  minGain?: number;
}

// Tried and not kept (2026-12-01; settings chosen with `npm run eval -- --only learning
// --tuning`): balance 1 with a biases-only model competing in the trust check removed the loss
// the tuning set at 80 % positive showed in the suggested order (−0.013 → +0.004 at 200), but
// cut Rest-Mex's gain at 200 from +0.028 to +0.012 (random order) and +0.025 to +0.008
// (suggested). Neither balance, prior slope, L2, NB smoothing, trust shares, an exploration
// share in the suggestions nor a threshold re-fit moved the tuning curves beyond ±0.01;
// thresholds fitted on the whole balanced tuning set gain only +0.016 there.
// Also tried (fifth session): per-class offsets of the learned logits chosen coordinate-wise by
// cross-validated macro-F1 on the corrections (grid −1.5…1.5) cut the tuning curves at 200 from
// 0.631 to 0.623–0.627 (balanced) and 0.578 to 0.568–0.575 (80 % positive), worst seed −0.017
// and −0.058: chosen on the same 200 corrections they are measured on, they fit noise.
const DEFAULTS: Required<TrainOptions> = {
  prior: 8,
  l2Bias: 3,
  l2Dense: 3,
  l2Sparse: 1,
  // 120 full-batch steps end where 250 did (the tuning curves equal to the third decimal at
  // every step, sentiment and flags) in half the retraining time.
  iterations: 120,
  balance: 0.5,
  minCount: 2,
  smoothing: 1,
  shares: [0, 0.25, 0.5, 0.75, 1],
  minGain: 0,
};

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function softmax3(z: number[]): [number, number, number] {
  return softmax(z) as [number, number, number];
}

/** Trains on corrected sentiment labels (see fitModel). */
export function trainCorrectionModel(
  examples: CorrectionExample[],
  options: TrainOptions = {},
): CorrectionModel {
  const o = { ...DEFAULTS, ...options };
  const data = samplesOf(
    examples,
    (l) => (l.sentiment === undefined ? undefined : l.sentiment + 1),
    (text, ex) => encode(text, ex, o.prior),
  );
  const f = fitModel(data, 3, DENSE.length, o);
  return {
    version: 2,
    examples: data.length,
    trust: f.trust,
    check: f.check,
    prior: o.prior,
    bias: f.bias as Triple,
    dense: f.dense as CorrectionModel['dense'],
    words: f.words as Record<string, Triple>,
  };
}

/** One correction, encoded: the base verdict's logits, the signals, the features and the label. */
interface Sample extends Encoded {
  y: number;
  fold: number;
}

/** What training fits on the corrections, for K classes (sentiment: 3; a complaint or insult flag: 2). */
interface Fitted {
  trust: number;
  check: { corrected: number; baseRight: number; learnedRight: number };
  bias: number[];
  /** Per class: weight of each dense signal, then of each class's word evidence. */
  dense: number[][];
  words: Record<string, number[]>;
}

/** Sorted first: sums run in the same order whatever order the corrections come in. */
/**
 * The corrections that set one field, as samples in a fixed order (by text, then class), so the
 * same corrections in any order train the same model; each is explained (unless it came with
 * its explanation) and encoded by the model's own encoder.
 */
function samplesOf(
  examples: CorrectionExample[],
  classOf: (label: CorrectionExample['label']) => number | undefined,
  encodeOne: (text: string, ex: Explanation) => Encoded,
): Sample[] {
  return examples
    .flatMap((e) => {
      const y = classOf(e.label);
      return y === undefined ? [] : [{ e, text: e.text, y }];
    })
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.y - b.y))
    .map(({ e, text, y }) => {
      const ex = e.explanation ?? explainText(text, e.options).explanation;
      return { ...encodeOne(text, ex), y, fold: foldOf(text) };
    });
}

/**
 * The shared training of every workspace model: word evidence counted on the corrections,
 * weights by full-batch Adam on the class-weighted cross-entropy plus L2 towards zero (so the
 * result does not depend on the order of the corrections), and the share of the learned logits
 * trusted, chosen by cross-validated macro-F1 on the corrections.
 */
function fitModel(data: Sample[], K: number, D0: number, o: Required<TrainOptions>): Fitted {
  const D = D0 + K;
  const fitted: Fitted = {
    trust: 0,
    check: { corrected: 0, baseRight: 0, learnedRight: 0 },
    bias: new Array<number>(K).fill(0),
    dense: Array.from({ length: K }, () => new Array<number>(D).fill(0)),
    words: {},
  };
  if (!data.length) return fitted;
  fitted.words = wordEvidence(data, o, -1, K);
  // The rows see word evidence counted without them (10 folds), as unseen mentions will.
  const folds = Array.from({ length: FOLDS }, (_, k) => wordEvidence(data, o, k, K));
  const rows = data.map((d) => ({
    prior: d.prior,
    y: d.y,
    x: [...d.dense, ...wordScores(d.sparse, folds[d.fold] as Record<string, number[]>, K)],
  }));
  const counts = new Array<number>(K).fill(0);
  for (const d of data) counts[d.y] = (counts[d.y] ?? 0) + 1;
  const cw = counts.map((k) => (k ? (data.length / (K * k)) ** o.balance : 0));
  // Too few corrections, or all of one class, say nothing yet about this workspace as a whole.
  const enough = rows.length >= MIN_CORRECTIONS && counts.filter((k) => k > 0).length >= 2;
  const shape = { K, D, D0 };
  const w = enough ? fitWeights(rows, cw, shape, o) : new Float64Array(K + K * D);
  // How far to trust the corrections: the share of the learned logits that gives the best
  // macro-F1 on corrections the weights were not fitted on (10 folds). With few or
  // contradictory corrections this stays near 0 and the base verdict stands.
  const learned = rows.map(() => new Array<number>(K).fill(0));
  for (let k = 0; k < (enough ? FOLDS : 0); k++) {
    const inFold = data.map((d) => d.fold === k);
    if (!inFold.some(Boolean)) continue;
    const wk = fitWeights(
      rows.filter((_, i) => !inFold[i]),
      cw,
      shape,
      o,
    );
    rows.forEach((r, i) => {
      if (inFold[i]) learned[i] = logitsOf(wk, r.x, shape);
    });
  }
  const predictWith = (share: number): number[] =>
    rows.map((r, i) => argmax(r.prior.map((p, c) => p + share * (learned[i]?.[c] ?? 0))));
  let bestShare = 0;
  let bestF1 = -1;
  for (const share of enough ? o.shares : [0]) {
    const f1 =
      macroF1Of(
        rows.map((r) => r.y),
        predictWith(share),
        K,
      ) - (share > 0 ? o.minGain : 0);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      bestShare = share;
    }
  }
  for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) * bestShare;
  fitted.trust = bestShare;
  const chosen = predictWith(bestShare);
  fitted.check = {
    corrected: rows.length,
    baseRight: rows.filter((r) => argmax(r.prior) === r.y).length,
    learnedRight: rows.filter((r, i) => chosen[i] === r.y).length,
  };
  const round = (x: number): number => Math.round(x * 1e4) / 1e4 || 0;
  fitted.bias = Array.from({ length: K }, (_, c) => round(w[c] as number));
  for (let c = 0; c < K; c++)
    fitted.dense[c] = Array.from({ length: D }, (_, j) => round(w[K + c * D + j] as number));
  return fitted;
}

type Triple = [number, number, number];

interface Row {
  prior: number[];
  y: number;
  x: number[];
}

/** Classes, columns per class (signals then word evidence per class), and signals alone. */
interface Shape {
  K: number;
  D: number;
  D0: number;
}

/** Class biases and signal weights: full-batch Adam on the class-weighted cross-entropy plus L2. */
function fitWeights(
  rows: Row[],
  cw: number[],
  { K, D, D0 }: Shape,
  o: Required<TrainOptions>,
): Float64Array {
  // Parameters: [bias K][weights K·D], one flat vector.
  const P = K + K * D;
  const w = new Float64Array(P);
  const g = new Float64Array(P);
  const m1 = new Float64Array(P);
  const m2 = new Float64Array(P);
  const l2 = new Float64Array(P);
  for (let k = 0; k < P; k++) l2[k] = k < K ? o.l2Bias : (k - K) % D >= D0 ? o.l2Sparse : o.l2Dense;
  const lr = 0.05;
  const z = new Array<number>(K).fill(0);
  // Word evidence for a class may only raise that class: a weight ≥ 0 on its own evidence and
  // none on the other classes' (with few corrections a free K×K mix learned perverse signs).
  const project = (): void => {
    for (let c = 0; c < K; c++)
      for (let q = 0; q < K; q++) {
        const at = K + c * D + D0 + q;
        w[at] = c === q ? Math.max(0, w[at] as number) : 0;
      }
  };
  for (let it = 1; it <= o.iterations; it++) {
    g.fill(0);
    for (const r of rows) {
      for (let c = 0; c < K; c++) {
        let v = (r.prior[c] as number) + (w[c] as number);
        const db = K + c * D;
        for (let j = 0; j < D; j++) v += (w[db + j] as number) * (r.x[j] as number);
        z[c] = v;
      }
      const p = softmax(z);
      const weight = cw[r.y] as number;
      for (let c = 0; c < K; c++) {
        const err = ((p[c] as number) - (c === r.y ? 1 : 0)) * weight;
        g[c] = (g[c] as number) + err;
        const db = K + c * D;
        for (let j = 0; j < D; j++) g[db + j] = (g[db + j] as number) + err * (r.x[j] as number);
      }
    }
    const c1 = 1 - 0.9 ** it;
    const c2 = 1 - 0.999 ** it;
    for (let k = 0; k < P; k++) {
      const gk = (g[k] as number) + (l2[k] as number) * (w[k] as number);
      m1[k] = 0.9 * (m1[k] as number) + 0.1 * gk;
      m2[k] = 0.999 * (m2[k] as number) + 0.001 * gk * gk;
      w[k] =
        (w[k] as number) -
        (lr * ((m1[k] as number) / c1)) / (Math.sqrt((m2[k] as number) / c2) + 1e-8);
    }
    project();
  }
  return w;
}

function logitsOf(w: Float64Array, x: number[], { K, D }: Shape): number[] {
  return Array.from({ length: K }, (_, c) => {
    let v = w[c] as number;
    for (let j = 0; j < D; j++) v += (w[K + c * D + j] as number) * (x[j] as number);
    return v;
  });
}

function argmax(z: number[]): number {
  let b = 0;
  for (let c = 1; c < z.length; c++) if ((z[c] as number) > (z[b] as number)) b = c;
  return b;
}

/** Macro-F1 over the classes 0 … K−1 (sentiment: negative, neutral, positive; a flag: no, yes). */
export function macroF1Of(gold: number[], pred: number[], K = 3): number {
  let sum = 0;
  for (let c = 0; c < K; c++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (pred[i] === c && g === c) tp++;
      else if (pred[i] === c) fp++;
      else if (g === c) fn++;
    });
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / K;
}

function foldOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % FOLDS;
}

/**
 * Naive-Bayes evidence of each feature for each class against the others (log ratio of the
 * smoothed shares of corrections of that class, and of the others, that contain it), counted
 * on the corrections outside `fold` (all of them when −1).
 */
function wordEvidence(
  data: Array<{ sparse: readonly string[]; y: number; fold: number }>,
  o: Required<TrainOptions>,
  fold: number,
  K: number,
): Record<string, number[]> {
  const n = new Array<number>(K).fill(0);
  const per = new Map<string, number[]>();
  for (const d of data) {
    if (d.fold === fold) continue;
    n[d.y] = (n[d.y] ?? 0) + 1;
    for (const f of d.sparse) {
      let c = per.get(f);
      if (!c) per.set(f, (c = new Array<number>(K).fill(0)));
      c[d.y] = (c[d.y] as number) + 1;
    }
  }
  const total = n.reduce((x, y) => x + y, 0);
  const a = o.smoothing;
  const out: Record<string, number[]> = {};
  for (const f of [...per.keys()].sort()) {
    const c = per.get(f) as number[];
    const all = c.reduce((x, y) => x + y, 0);
    if (all < o.minCount) continue;
    out[f] = c.map((inK, k) => {
      const nk = n[k] ?? 0;
      const r =
        Math.log((inK + a) / (nk + 2 * a)) - Math.log((all - inK + a) / (total - nk + 2 * a));
      return Math.round(r * 1e3) / 1e3;
    });
  }
  return out;
}

function wordScores(
  features: readonly string[],
  table: Record<string, number[]>,
  K: number,
): number[] {
  const s = new Array<number>(K).fill(0);
  let k = 0;
  for (const f of features) {
    const r = table[f];
    if (!r) continue;
    k++;
    for (let c = 0; c < K; c++) s[c] = (s[c] as number) + (r[c] as number);
  }
  const norm = Math.sqrt(k + 1);
  return s.map((v) => v / norm);
}

export interface LearnedFeature {
  /**
   * signal: one of DENSE, or `balance` (how often this workspace's mentions are of each class);
   * word: a word, word pair or word beginning ("encant…"); lexicon: a lexicon term that fired.
   */
  kind: 'signal' | 'word' | 'lexicon';
  name: string;
  negated?: boolean;
  /** How much it moved the logit of the chosen class against the base verdict's class. */
  weight: number;
}

export interface CorrectionResult {
  sentiment: -1 | 0 | 1;
  /** The base engine's verdict before the workspace model. */
  base: -1 | 0 | 1;
  changed: boolean;
  probability: number;
  /** The learned features that weighed most (empty when there is no model). */
  features: LearnedFeature[];
}

/**
 * The verdict alone, for the analyzer on every imported mention (no explanation built):
 * the same logits as correctSentiment.
 */
export function correctedVerdict(
  m: CorrectionModel | null,
  text: string,
  e: Explanation,
): -1 | 0 | 1 {
  if (!m || m.examples === 0 || m.trust === 0) return e.sentiment.sentiment;
  return (argmax(modelLogits(m, text, e)) - 1) as -1 | 0 | 1;
}

/**
 * How likely each class (negative, neutral, positive) is for this text: the workspace model's
 * probabilities, or with no trusted model the base verdict's soft prior (near a threshold of
 * the lexicon score the two classes either side are close). Review suggestions rank on it.
 */
export function classProbabilities(
  m: CorrectionModel | null,
  text: string,
  e: Explanation,
): Triple {
  if (!m || m.examples === 0 || m.trust === 0) return softmax3(priorLogits(e, DEFAULTS.prior));
  return softmax3(modelLogits(m, text, e));
}

function modelLogits(m: CorrectionModel, text: string, e: Explanation): number[] {
  return learnedLogits(m, encode(text, e, m.prior), DENSE.length);
}

/** The base verdict's logits plus the learned ones (biases, signals, word evidence), for K classes. */
function learnedLogits(
  m: { bias: number[]; dense: number[][]; words: Record<string, number[]> },
  x: Encoded,
  D0: number,
): number[] {
  const K = m.bias.length;
  const nb = wordScores(x.sparse, m.words, K);
  return x.prior.map((p, c) => {
    const w = m.dense[c] as number[];
    let v = p + (m.bias[c] ?? 0);
    for (let j = 0; j < D0; j++) v += (w[j] ?? 0) * (x.dense[j] as number);
    for (let q = 0; q < K; q++) v += (w[D0 + q] ?? 0) * (nb[q] as number);
    return v;
  });
}

/** The workspace model's verdict on one explained text, with the learned features that weighed. */
export function correctSentiment(
  m: CorrectionModel | null,
  text: string,
  e: Explanation,
): CorrectionResult {
  const base = e.sentiment.sentiment;
  // Not trusted yet (too few or inconsistent corrections): every learned weight is zero.
  if (!m || m.examples === 0 || m.trust === 0)
    return { sentiment: base, base, changed: false, probability: 1, features: [] };
  const x = encode(text, e, m.prior);
  const contrib = new Map<string, [number, number, number]>();
  const add = (name: string, v: [number, number, number]): void => {
    const c = contrib.get(name) ?? [0, 0, 0];
    contrib.set(name, [c[0] + v[0], c[1] + v[1], c[2] + v[2]]);
  };
  add('s balance', m.bias);
  DENSE.forEach((name, j) => {
    const d = x.dense[j] as number;
    if (d)
      add(
        `s ${name}`,
        [0, 1, 2].map((c) => (m.dense[c]?.[j] ?? 0) * d) as [number, number, number],
      );
  });
  // Each learned word adds its evidence times the weight the model gave word evidence.
  const known = x.sparse.filter((f) => m.words[f]);
  const norm = Math.sqrt(known.length + 1);
  const D0 = DENSE.length;
  for (const f of known) {
    const r = m.words[f] as Triple;
    add(
      f,
      [0, 1, 2].map(
        (c) =>
          ((m.dense[c]?.[D0] ?? 0) * r[0] +
            (m.dense[c]?.[D0 + 1] ?? 0) * r[1] +
            (m.dense[c]?.[D0 + 2] ?? 0) * r[2]) /
          norm,
      ) as Triple,
    );
  }
  const z = [...x.prior];
  for (const v of contrib.values())
    for (let c = 0; c < 3; c++) z[c] = (z[c] as number) + v[c as 0 | 1 | 2];
  const p = softmax3(z);
  const best = p.indexOf(Math.max(...p));
  const sentiment = (best - 1) as -1 | 0 | 1;
  // Which learned features pushed towards the chosen class (against the base one when it changed).
  const rival = sentiment === base ? runnerUp(p, best) : base + 1;
  const features = [...contrib.entries()]
    .map(([key, v]) => ({
      key,
      weight: Math.round((v[best as 0 | 1 | 2] - v[rival as 0 | 1 | 2]) * 100) / 100,
    }))
    .filter((f) => Math.abs(f.weight) >= 0.05)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.key < b.key ? -1 : 1))
    .slice(0, 8)
    .map(({ key, weight }) => describeFeature(key, weight));
  return {
    sentiment,
    base,
    changed: sentiment !== base,
    probability: Math.round((p[best] as number) * 1000) / 1000,
    features,
  };
}

function runnerUp(p: number[], best: number): number {
  let r = best === 0 ? 1 : 0;
  for (let c = 0; c < 3; c++) if (c !== best && (p[c] as number) > (p[r] as number)) r = c;
  return r;
}

function describeFeature(key: string, weight: number): LearnedFeature {
  const name = key.slice(2);
  if (key[0] === 's') return { kind: 'signal', name, weight };
  if (key[0] === 'w') return { kind: 'word', name, weight };
  return { kind: 'lexicon', name, negated: key[0] === 'n', weight };
}

export function serialiseModel(m: CorrectionModel): string {
  return JSON.stringify(m);
}

/** A stored model; an older format (version 1) is dropped: it is retrained on the next correction. */
export function parseModel(json: string): CorrectionModel | null {
  const raw = JSON.parse(json) as Partial<CorrectionModel> & { version?: number };
  if (raw.version !== 2) return null;
  return raw as CorrectionModel;
}

/**
 * Complaint and insult corrections adapt the workspace the same way: a binary model per flag
 * (classes: no, yes) whose logits are the base engine's flag as a soft prior (±prior/2) plus what
 * the corrections taught — a bias (how often this workspace's mentions are complaints or
 * insults), weights on the engine's signals and word evidence — with the same L2, the same
 * cross-validated trust (0 until there are MIN_CORRECTIONS corrections of the flag, both values
 * among them, and the learned logits help on corrections they were not fitted on) and the
 * same determinism.
 */
export type Flag = 'complaint' | 'insult';
export const FLAGS: readonly Flag[] = ['complaint', 'insult'];

export interface FlagModel {
  version: 1;
  flag: Flag;
  examples: number;
  trust: number;
  /** Accuracy on the corrected mentions, as CorrectionModel's. */
  check: { corrected: number; baseRight: number; learnedRight: number };
  prior: number;
  /** Per class (no, yes): bias. */
  bias: [number, number];
  /** Per class: weight of each signal of FLAG_DENSE, then of the word evidence of each class. */
  dense: [number[], number[]];
  words: Record<string, [number, number]>;
}

/**
 * The sentiment model's signals, and what decided the complaint and insult flags: how much
 * complaint vocabulary, a personal transaction ("my order"), hate, toxicity and severity, an
 * insult aimed at someone, each kind of finding, and whether an account is tagged.
 */
export const FLAG_DENSE = [
  ...DENSE,
  'complaintEvidence',
  'grievance',
  'hate',
  'toxicity',
  'severity',
  'targeted',
  'profanity',
  'threat',
  'slur',
  'taggedAccount',
] as const;

// Chosen on HatEval English train (`npm run eval -- --only learning --tuning`) and OLID val halves:
// the prior margin 3 against 2/4/6 (at 200 corrections 0.685 against 0.690/0.676/0.674 on HatEval
// English, whose worst seed at 2 and 4 did worse); a minimum cross-validated gain for trusting
// the model (0.01–0.04), balance 0 or 1 and stronger L2 each lowered the mean at 200 or the worst
// seed on HatEval English, though a gain of 0.02 kept every OLID val seed at or above the base.
const FLAG_DEFAULTS: Required<TrainOptions> = { ...DEFAULTS, prior: 3 };

function flagOf(flag: Flag, e: Explanation): boolean {
  return flag === 'complaint' ? e.complaint.complaint : e.toxicity.insult;
}

function encodeFlag(flag: Flag, text: string, e: Explanation, slope: number): Encoded {
  const { names: shared, words, mentions } = sparseFeatures(text, e);
  const names = [...shared];
  const kinds = new Set(e.toxicity.findings.map((f) => f.kind));
  const dense = [
    ...denseSignals(e, words),
    Math.tanh(e.complaint.evidence.reduce((a, c) => a + c.weight, 0) / 3),
    e.complaint.grievance.length ? 1 : 0,
    e.toxicity.hate ? 1 : 0,
    e.toxicity.toxicity,
    e.toxicity.severity / 3,
    e.toxicity.findings.some((f) => f.targeted) ? 1 : 0,
    kinds.has('profanity') ? 1 : 0,
    kinds.has('threat') ? 1 : 0,
    kinds.has('slur') ? 1 : 0,
    mentions > 0 ? 1 : 0,
  ];
  // What the checkers matched is vocabulary the workspace can reweigh too.
  for (const f of e.toxicity.findings) names.push(`t ${f.kind} ${f.term}`);
  for (const c of e.complaint.evidence) names.push(`c ${c.topic} ${c.term}`);
  for (const g of e.complaint.grievance) names.push(`g ${g}`);
  const half = slope / 2;
  return { prior: flagOf(flag, e) ? [-half, half] : [half, -half], dense, sparse: names };
}

/** Trains the workspace's model of one flag on the corrections that set it (see fitModel). */
export function trainFlagModel(
  flag: Flag,
  examples: CorrectionExample[],
  options: TrainOptions = {},
): FlagModel {
  const o = { ...FLAG_DEFAULTS, ...options };
  const data = samplesOf(
    examples,
    (l) => (l[flag] === undefined ? undefined : l[flag] ? 1 : 0),
    (text, ex) => encodeFlag(flag, text, ex, o.prior),
  );
  const f = fitModel(data, 2, FLAG_DENSE.length, o);
  return {
    version: 1,
    flag,
    examples: data.length,
    trust: f.trust,
    check: f.check,
    prior: o.prior,
    bias: f.bias as [number, number],
    dense: f.dense as [number[], number[]],
    words: f.words as Record<string, [number, number]>,
  };
}

export interface FlagResult {
  value: boolean;
  /** The base engine's flag before the workspace model. */
  base: boolean;
  changed: boolean;
  /** Probability of the value given. */
  probability: number;
}

/** The workspace model's flag on one explained text (the base flag while the model is untrusted). */
export function correctFlag(m: FlagModel, text: string, e: Explanation): FlagResult {
  const base = flagOf(m.flag, e);
  if (!isTrusted(m)) return { value: base, base, changed: false, probability: 1 };
  const p = softmax(learnedLogits(m, encodeFlag(m.flag, text, e, m.prior), FLAG_DENSE.length));
  const value = (p[1] as number) > (p[0] as number);
  return {
    value,
    base,
    changed: value !== base,
    probability: Math.round((p[value ? 1 : 0] as number) * 1000) / 1000,
  };
}

/** A stored flag model; another format is dropped (retrained on the next correction of that flag). */
export function parseFlagModel(json: string, flag: Flag): FlagModel | null {
  return asFlagModel(JSON.parse(json), flag);
}

function asFlagModel(raw: unknown, flag: Flag): FlagModel | null {
  const m = raw as Partial<FlagModel> | null | undefined;
  return m?.version === 1 && m.flag === flag ? (m as FlagModel) : null;
}

/** Every model of one workspace (null: none yet, or of an older kind). */
export interface WorkspaceModels {
  sentiment: CorrectionModel | null;
  complaint: FlagModel | null;
  insult: FlagModel | null;
}

/** Whether a model changes any verdict (an untrusted one returns the base result unchanged). */
export function isTrusted(m: { examples: number; trust: number } | null | undefined): boolean {
  return !!m && m.examples > 0 && m.trust > 0;
}

/** The workspace's models as one JSON document (for the import worker). */
export function serialiseModels(m: WorkspaceModels): string {
  return JSON.stringify(m);
}

export function parseModels(json: string): WorkspaceModels {
  const raw = JSON.parse(json) as Partial<Record<keyof WorkspaceModels, unknown>>;
  const sentiment = raw.sentiment as Partial<CorrectionModel> | null | undefined;
  return {
    sentiment: sentiment?.version === 2 ? (sentiment as CorrectionModel) : null,
    complaint: asFlagModel(raw.complaint, 'complaint'),
    insult: asFlagModel(raw.insult, 'insult'),
  };
}
