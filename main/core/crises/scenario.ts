import type { HourBucket, TagHour } from './detector';

export type CrisisShape =
  | 'spike'
  | 'build'
  | 'double'
  | 'plateau'
  | 'slow_burn'
  | 'long_tail'
  | 'sentiment_drop'
  | 'hijack';

export interface InjectedCrisis {
  start: number;
  peak: number;
  /**
   * The first hour back to baseline: from then on the injected excess of negatives is below
   * one standard deviation of that hour's ordinary negative count (it cannot be told from
   * ordinary traffic any more) or below a tenth of the peak excess.
   */
  end: number;
  /** The first hour with no injected mention at all (the tail may fade below noise first). */
  lastInjected: number;
  size: number;
  shape: CrisisShape;
  /** The hashtag the crisis rides on (hijack) or carries, when any. */
  hashtag: string | null;
}

/** Volume shapes: the share of the peak excess of negatives, hour by hour from onset. */
export const SHAPE_PROFILES: Record<Exclude<CrisisShape, 'sentiment_drop' | 'hijack'>, number[]> = {
  // sharp spike: up in one hour, gone in half a day
  spike: [0.6, 1, 0.9, 0.7, 0.5, 0.35, 0.2, 0.1],
  // rise over six hours
  build: [0.2, 0.35, 0.5, 0.7, 0.85, 1, 0.8, 0.55, 0.35, 0.2, 0.1],
  // two waves, the second a few hours after the first has ebbed
  double: [0.7, 1, 0.6, 0.3, 0.15, 0.1, 0.2, 0.5, 0.9, 0.6, 0.3, 0.1],
  // three days at a high level
  plateau: Array.from({ length: 72 }, (_, k) =>
    k < 3 ? 0.4 + 0.3 * k : k > 66 ? 0.3 : 0.8 + 0.2 * Math.sin(k / 4),
  ),
  // slow burn: eight hours of rise, a few hours on top, a slow fall
  slow_burn: [
    0.1, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8, 1, 1, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2,
    0.15, 0.1,
  ],
  // long tail: fast rise, then a decay that takes more than a day to fade
  long_tail: [0.5, 1, ...Array.from({ length: 27 }, (_, k) => Math.exp(-(k + 1) / 12))],
};

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(lambda: number, r: () => number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(r)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
}

function binomial(n: number, p: number, r: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r() < p) k++;
  return k;
}

/**
 * Seeded traffic with a daily and weekly rhythm (UTC hours; quiet nights, busier weekdays),
 * benign volume spikes with normal tone (campaigns, with their own new hashtag), a brand
 * hashtag used with the usual tone, and injected crises of given sizes (multiples of the mean
 * negative volume) and shapes, with their true start, peak and end:
 * - volume shapes add negative mentions on the profile of SHAPE_PROFILES;
 * - `sentiment_drop` turns a share (`size` / 10, at most 0.9) of the positive mentions
 *   negative for 18 hours: the tone falls, the volume stays;
 * - `hijack` puts a new hashtag on a growing number of mostly negative posts (`size` × the
 *   mean negative volume at its peak) and on a few neutral ones.
 */
export function generateScenario(
  seed: number,
  o: {
    days?: number;
    meanPerHour?: number;
    negativeShare?: number;
    positiveShare?: number;
    crises?: Array<{ day: number; size: number; shape: CrisisShape; hour?: number }>;
  } = {},
): { buckets: HourBucket[]; tags: TagHour[]; truth: InjectedCrisis[]; meanNegative: number } {
  const r = rng(seed);
  const days = o.days ?? 120;
  const mean = o.meanPerHour ?? 20;
  const share = o.negativeShare ?? 0.2;
  const posShare = o.positiveShare ?? 0.35;
  const start = Math.floor(Date.UTC(2025, 0, 6) / 3_600_000);
  const hours = days * 24;
  const daily = (h: number): number =>
    0.25 + 1.5 * Math.max(0, Math.sin((((h % 24) - 6) / 16) * Math.PI));
  const weekly = (h: number): number => (Math.floor(h / 24) % 7 >= 5 ? 0.7 : 1.1);
  const expectedNeg: number[] = [];
  const buckets: HourBucket[] = [];
  const tagMap = new Map<string, TagHour>();
  const addTag = (hour: number, tag: string, total: number, negative: number): void => {
    if (total <= 0) return;
    const key = `${hour}\t${tag}`;
    const t = tagMap.get(key);
    if (t) {
      t.total += total;
      t.negative += negative;
    } else tagMap.set(key, { hour, tag, total, negative });
  };
  for (let i = 0; i < hours; i++) {
    const lam = mean * daily(i) * weekly(i);
    expectedNeg.push(lam * share);
    // one benign campaign spike a month: volume triples, tone stays normal, its own hashtag
    const inCampaign = i % (24 * 30) >= 24 * 12 && i % (24 * 30) < 24 * 12 + 5;
    const total = poisson(lam * (inCampaign ? 3 : 1), r);
    let negative = 0;
    let positive = 0;
    for (let k = 0; k < total; k++) {
      const u = r();
      if (u < share) negative++;
      else if (u < share + posShare) positive++;
    }
    buckets.push({ hour: start + i, total, negative, positive });
    // the brand hashtag on about one post in ten, with the usual tone
    const branded = binomial(total, 0.1, r);
    addTag(start + i, '#acme', branded, binomial(branded, share, r));
    if (inCampaign) {
      const c = binomial(total, 0.4, r);
      addTag(start + i, `#acmedeals${Math.floor(i / (24 * 30))}`, c, binomial(c, share, r));
    }
  }
  const meanNegative = expectedNeg.reduce((a, b) => a + b, 0) / hours;
  const truth: InjectedCrisis[] = [];
  for (const c of o.crises ?? []) {
    const s0 = c.day * 24 + (c.hour ?? 9 + Math.floor(r() * 6));
    const extraPeak = meanNegative * c.size;
    if (c.shape === 'sentiment_drop') {
      const flip = Math.min(0.9, c.size / 10);
      const len = 18;
      for (let k = 0; k < len; k++) {
        const b = buckets[s0 + k];
        if (!b) continue;
        const moved = binomial(b.positive, flip, r);
        b.positive -= moved;
        b.negative += moved;
      }
      truth.push({
        start: start + s0,
        peak: start + s0 + 1,
        end: start + s0 + len,
        lastInjected: start + s0 + len,
        size: c.size,
        shape: c.shape,
        hashtag: null,
      });
      continue;
    }
    const hashtag = c.shape === 'hijack' ? '#acmetimo' : null;
    const profile: number[] =
      c.shape === 'hijack'
        ? [0.15, 0.3, 0.5, 0.75, 1, 0.9, 0.7, 0.5, 0.35, 0.2, 0.1]
        : SHAPE_PROFILES[c.shape];
    const waves: Array<[number, number]> = profile.map((f, k) => [k, f]);
    let peak = s0;
    let best = 0;
    let last = s0;
    let visible = s0;
    for (const [k, f] of waves) {
      const b = buckets[s0 + k];
      if (!b) continue;
      const add = poisson(extraPeak * f, r);
      const other = poisson(extraPeak * f * 0.3, r);
      b.negative += add;
      b.total += add + other;
      if (hashtag) addTag(b.hour, hashtag, add + other, add);
      if (f > best) {
        best = f;
        peak = s0 + k;
      }
      last = Math.max(last, s0 + k);
      const noise = Math.sqrt(expectedNeg[s0 + k] ?? 0);
      if (extraPeak * f >= Math.max(noise, 0.1 * extraPeak)) visible = Math.max(visible, s0 + k);
    }
    truth.push({
      start: start + s0,
      peak: start + peak,
      end: start + visible + 1,
      lastInjected: start + last + 1,
      size: c.size,
      shape: c.shape,
      hashtag,
    });
  }
  const tags = [...tagMap.values()].sort((a, b) => a.hour - b.hour || (a.tag < b.tag ? -1 : 1));
  return { buckets, tags, truth, meanNegative };
}
