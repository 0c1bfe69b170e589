import type { HourBucket } from './detector';

export interface InjectedCrisis {
  start: number;
  peak: number;
  end: number;
  size: number;
  shape: 'spike' | 'build' | 'double' | 'plateau';
}

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

/**
 * Seeded traffic with a daily and weekly rhythm (UTC hours; quiet nights, busier weekdays),
 * benign volume spikes with normal tone (campaigns), and injected crises of given sizes
 * (multiples of the mean negative volume) and shapes, with their true start, peak and end.
 */
export function generateScenario(
  seed: number,
  o: {
    days?: number;
    meanPerHour?: number;
    negativeShare?: number;
    crises?: Array<{ day: number; size: number; shape: InjectedCrisis['shape'] }>;
  } = {},
): { buckets: HourBucket[]; truth: InjectedCrisis[]; meanNegative: number } {
  const r = rng(seed);
  const days = o.days ?? 120;
  const mean = o.meanPerHour ?? 20;
  const share = o.negativeShare ?? 0.2;
  const start = Math.floor(Date.UTC(2025, 0, 6) / 3_600_000);
  const hours = days * 24;
  const daily = (h: number): number =>
    0.25 + 1.5 * Math.max(0, Math.sin((((h % 24) - 6) / 16) * Math.PI));
  const weekly = (h: number): number => (Math.floor(h / 24) % 7 >= 5 ? 0.7 : 1.1);
  const expectedNeg: number[] = [];
  const buckets: HourBucket[] = [];
  for (let i = 0; i < hours; i++) {
    const lam = mean * daily(i) * weekly(i);
    expectedNeg.push(lam * share);
    // one benign campaign spike a month: volume triples, tone stays normal
    const campaign = i % (24 * 30) >= 24 * 12 && i % (24 * 30) < 24 * 12 + 5 ? 3 : 1;
    const total = poisson(lam * campaign, r);
    let negative = 0;
    for (let k = 0; k < total; k++) if (r() < share) negative++;
    buckets.push({ hour: start + i, total, negative });
  }
  const meanNegative = expectedNeg.reduce((a, b) => a + b, 0) / hours;
  const truth: InjectedCrisis[] = [];
  for (const c of o.crises ?? []) {
    const s0 = c.day * 24 + 9 + Math.floor(r() * 6);
    const extraPeak = meanNegative * c.size;
    const profile: number[] =
      c.shape === 'spike'
        ? [0.6, 1, 0.9, 0.7, 0.5, 0.35, 0.2, 0.1]
        : c.shape === 'build'
          ? [0.2, 0.35, 0.5, 0.7, 0.85, 1, 0.8, 0.55, 0.35, 0.2, 0.1]
          : c.shape === 'double'
            ? [0.7, 1, 0.6, 0.3, 0.2, 0.5, 0.9, 0.6, 0.3, 0.1]
            : Array.from({ length: 72 }, (_, k) =>
                k < 3 ? 0.4 + 0.3 * k : k > 66 ? 0.3 : 0.8 + 0.2 * Math.sin(k / 4),
              );
    let peak = s0;
    let best = 0;
    profile.forEach((f, k) => {
      const b = buckets[s0 + k];
      if (!b) return;
      const add = poisson(extraPeak * f, r);
      b.negative += add;
      b.total += add + poisson(extraPeak * f * 0.3, r);
      if (f > best) {
        best = f;
        peak = s0 + k;
      }
    });
    truth.push({
      start: start + s0,
      peak: start + peak,
      end: start + s0 + profile.length,
      size: c.size,
      shape: c.shape,
    });
  }
  return { buckets, truth, meanNegative };
}
