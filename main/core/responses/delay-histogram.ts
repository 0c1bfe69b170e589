/**
 * First-response delays as a histogram, so that medians, p90 and "answered within" shares of
 * any period come from a rollup instead of every reply.
 *
 * Buckets are log-spaced: four per doubling around 15 minutes (15 × 2^(j/4) minutes, from
 * under a minute to over a year), with the edges nearest to 1 and 2 days and 1 week moved
 * onto them. So 15 min, 1 h, 4 h, 8 h, 24 h, 48 h and 7 days are edges: the shares "within
 * 1 / 4 / 24 h" and the distribution chart's bars are exact. A bucket spans 16 % of its upper
 * edge (the moved ones and their neighbours up to 22 %).
 *
 * Quantiles: the bucket holding the nearest-rank quantile is exact; inside it the delays are
 * taken as spread evenly around the bucket's mean (kept as a sum), as widely as the bucket
 * allows. The estimate therefore always lies inside the true value's bucket — it is within
 * one bucket width of the exact figure (≤ 22 %, typically a few per cent) — and it is exact
 * when every delay in that bucket is the same (one reply, or replies sent on a schedule).
 *
 * The edges are stored by index in workspaces (rollup_response_delay.bucket): changing them
 * needs a migration that rebuilds the rollups.
 */
const SNAP: Record<number, number> = { 26: 1440, 30: 2880, 38: 10080 };

/** Upper edges in minutes; bucket i holds delays in (EDGES[i−1], EDGES[i]], bucket 0 [0, EDGES[0]]. */
export const DELAY_EDGES: readonly number[] = Array.from({ length: 79 }, (_, i) => {
  const j = i - 16;
  return SNAP[j] ?? 15 * 2 ** (j / 4);
});

/** Bucket index of a delay in minutes; DELAY_EDGES.length for delays over the last edge. */
export function delayBucket(minutes: number): number {
  let lo = 0;
  let hi = DELAY_EDGES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (minutes <= (DELAY_EDGES[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One bucket's replies and the sum of their delays (minutes). */
export interface DelayCell {
  bucket: number;
  replies: number;
  minutesSum: number;
}

function bounds(b: number): [number, number] {
  const lo = b === 0 ? 0 : (DELAY_EDGES[b - 1] as number);
  const hi = DELAY_EDGES[b] ?? Infinity;
  return [lo, hi];
}

/** The interval [a, b] the bucket's delays are taken to fill evenly (see the module comment). */
function spread(c: DelayCell): [number, number] {
  const [lo, hi] = bounds(c.bucket);
  const mean = Math.min(Math.max(c.minutesSum / c.replies, lo), hi);
  const w = Number.isFinite(hi) ? Math.min(mean - lo, hi - mean) : 0;
  return [mean - w, mean + w];
}

/** Sums cells of the same bucket, in bucket order, without empty ones. */
export function mergeCells(cells: Iterable<DelayCell>): DelayCell[] {
  const by = new Map<number, DelayCell>();
  for (const c of cells) {
    const m = by.get(c.bucket);
    if (m) {
      m.replies += c.replies;
      m.minutesSum += c.minutesSum;
    } else by.set(c.bucket, { ...c });
  }
  return [...by.values()].filter((c) => c.replies > 0).sort((a, b) => a.bucket - b.bucket);
}

/** Nearest-rank quantile q of merged cells (null when empty). */
export function histogramQuantile(cells: DelayCell[], q: number): number | null {
  const n = cells.reduce((s, c) => s + c.replies, 0);
  if (n === 0) return null;
  const k = Math.max(1, Math.ceil(q * n));
  let before = 0;
  for (const c of cells) {
    if (before + c.replies >= k) {
      const [a, b] = spread(c);
      return a + ((b - a) * (k - before - 0.5)) / c.replies;
    }
    before += c.replies;
  }
  return null;
}

/** Share of replies at or under `minutes` (exact when `minutes` is an edge); null when empty. */
export function histogramShareWithin(cells: DelayCell[], minutes: number): number | null {
  const n = cells.reduce((s, c) => s + c.replies, 0);
  if (n === 0) return null;
  let within = 0;
  for (const c of cells) {
    const [lo, hi] = bounds(c.bucket);
    if (hi <= minutes) within += c.replies;
    else if (lo < minutes) {
      const [a, b] = spread(c);
      within +=
        c.replies * (b > a ? Math.min(1, Math.max(0, (minutes - a) / (b - a))) : +(minutes >= a));
    }
  }
  return within / n;
}

/** Replies per bar of a chart whose bars end at `edges` (each must be a bucket edge) and one for later. */
export function histogramBars(
  cells: DelayCell[],
  edges: readonly number[],
): Array<{ upToMinutes: number | null; replies: number }> {
  const bars = [...edges, null].map((upToMinutes) => ({ upToMinutes, replies: 0 }));
  for (const c of cells) {
    const hi = DELAY_EDGES[c.bucket] ?? Infinity;
    const i = edges.findIndex((e) => hi <= e);
    (bars[i < 0 ? edges.length : i] as { replies: number }).replies += c.replies;
  }
  return bars;
}

export type ReachBand = 'under_1k' | '1k_10k' | '10k_100k' | 'over_100k' | 'unknown';

export const REACH_BANDS: Array<{ band: ReachBand; below: number }> = [
  { band: 'under_1k', below: 1_000 },
  { band: '1k_10k', below: 10_000 },
  { band: '10k_100k', below: 100_000 },
  { band: 'over_100k', below: Infinity },
];

/** The author's reach when they posted (the mention's own follower count). */
export function reachBand(followers: number | null): ReachBand {
  if (followers === null) return 'unknown';
  return REACH_BANDS.find((b) => followers < b.below)?.band ?? 'over_100k';
}
