/** One hour of customer (non-brand) mentions. `hour` is the epoch hour (UTC). */
export interface HourBucket {
  hour: number;
  total: number;
  negative: number;
  positive: number;
}

/** One hour of one hashtag in customer mentions (tags lower-cased, with the #). */
export interface TagHour {
  hour: number;
  tag: string;
  total: number;
  negative: number;
}

export type Sensitivity = 'low' | 'medium' | 'high';

export interface CrisisOptions {
  timezone: string;
  sensitivity?: Sensitivity;
}

export interface SeriesPoint {
  hour: number;
  negative: number;
  expected: number;
  upper: number;
  z: number;
  cusum: number;
  fired: boolean;
}

export interface DetectedEpisode {
  startHour: number;
  peakHour: number;
  endHour: number | null;
  detectedHour: number;
  /** Negatives and the threshold they crossed in the hour the alarm fired. */
  detectedNegative: number;
  detectedUpper: number;
  peakNegative: number;
  peakExpected: number;
  severity: 'low' | 'medium' | 'high';
  reasons: string[];
}

/**
 * Thresholds per sensitivity: CUSUM slack k and decision level h (in robust z units), the
 * minimum negative mentions in an hour for it to count, and the ratio over the baseline.
 */
export const PRESETS: Record<
  Sensitivity,
  { k: number; h: number; minCount: number; minRatio: number }
> = {
  high: { k: 0.6, h: 2.5, minCount: 5, minRatio: 1.5 },
  medium: { k: 0.8, h: 3, minCount: 8, minRatio: 1.8 },
  low: { k: 1.5, h: 6, minCount: 8, minRatio: 3 },
};

/**
 * End of an episode (back to baseline): a downward CUSUM adds, hour by hour, how far the
 * negative volume is below QUIET_Z standard deviations over its usual level; at QUIET_H the
 * episode is over, and it ended where that run began. An alarm within MERGE_GAP hours of the
 * end reopens the episode (a second wave is the same crisis).
 */
export const QUIET_Z = 1;
export const QUIET_H = 5;
export const MERGE_GAP = 12;
const WEEK = 168;
/**
 * Below this usual level (negatives an hour) counts are too coarse for the median alone: twelve
 * samples of a Poisson mean of 0.7 have a median of 0, so every post at night scored z ≥ 1, the
 * CUSUM crept up overnight and a morning crisis got an onset half a day early. There the rise
 * is judged against the mean of the samples (those past 3 MAD left out) when it is higher.
 */
const DISCRETE_BELOW = 5;
const NEIGHBOURS = 1;

/** Mean of the samples within 3 robust deviations of the median (one odd hour left out). */
function trimmedMean(xs: number[], med: number, mad: number): number {
  const limit = med + 3 * Math.max(1.4826 * mad, 1);
  let sum = 0;
  let n = 0;
  for (const v of xs)
    if (v <= limit) {
      sum += v;
      n++;
    }
  return n ? sum / n : med;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Hourly detector of abnormal negative volume. The expected value for an hour is the median
 * of the same hour of the week and its two neighbours over the previous 4 weeks (168 h apart:
 * Monday 10:00 is compared with Mondays 09:00–11:00; twelve samples keep the median steady;
 * in the week of a DST change this is off by one hour), falling back to the same hour of day over 2 weeks and then
 * to the last 7 days when history is short; the spread is the MAD. A CUSUM on the robust
 * z-score must accumulate past a threshold — one odd hour does not fire — and the hour must
 * also clear a minimum count and ratio over the baseline. Only past hours are ever used, so
 * running it on data up to T gives exactly what it knew at T.
 */
export function detectEpisodes(
  buckets: HourBucket[],
  opts: CrisisOptions,
): { series: SeriesPoint[]; episodes: DetectedEpisode[] } {
  const p = PRESETS[opts.sensitivity ?? 'medium'];
  if (!buckets.length) return { series: [], episodes: [] };
  const first = buckets[0]?.hour as number;
  const last = buckets[buckets.length - 1]?.hour as number;
  // Dense arrays by hour (index = hour − first): two years are 17,520 hours, read ~30 times each.
  const span = last - first + 1;
  const negA = new Float64Array(span);
  const totA = new Float64Array(span);
  for (const b of buckets) {
    negA[b.hour - first] = b.negative;
    totA[b.hour - first] = b.total;
  }
  const neg = { get: (h: number): number | undefined => negA[h - first] };
  const tot = { get: (h: number): number | undefined => totA[h - first] };
  const recent: Array<[number, number]> = []; // (negative, total) of the last 7 days, for the usual negative share
  let rn = 0; // their sums, kept as hours come and go
  let rt = 0;
  const series: SeriesPoint[] = [];
  const episodes: DetectedEpisode[] = [];
  let cusum = 0;
  let current: DetectedEpisode | null = null;
  let runStart: number | null = null;
  let runNeg = 0;
  let runTot = 0;
  let down = 0;
  let downStart: number | null = null;
  const episodeHours = new Uint8Array(span);
  const inEpisode = {
    has: (h: number): boolean => episodeHours[h - first] === 1,
    add: (h: number): void => void (episodeHours[h - first] = 1),
  };
  for (let h = first; h <= last; h++) {
    const x = neg.get(h) ?? 0;
    // Baseline from history only; hours inside an open episode are left out so a long crisis
    // does not become its own baseline.
    const sameHourOfWeek: number[] = [];
    for (let w = 1; w <= 4; w++)
      for (let d = -NEIGHBOURS; d <= NEIGHBOURS; d++) {
        const hh = h - w * WEEK + d;
        if (hh >= first && !inEpisode.has(hh)) sameHourOfWeek.push(neg.get(hh) ?? 0);
      }
    let base = sameHourOfWeek;
    if (base.length < 3 * (2 * NEIGHBOURS + 1)) {
      base = [];
      for (let d = 1; d <= 14; d++)
        if (h - d * 24 >= first && !inEpisode.has(h - d * 24)) base.push(neg.get(h - d * 24) ?? 0);
    }
    if (base.length < 3) {
      base = [];
      for (let k = 1; k <= 168; k++)
        if (h - k >= first && !inEpisode.has(h - k)) base.push(neg.get(h - k) ?? 0);
    }
    const med = median(base);
    const mad = median(base.map((v) => Math.abs(v - med)));
    const usual = med < DISCRETE_BELOW ? Math.max(med, trimmedMean(base, med, mad)) : med;
    const shown = Math.round(usual * 10) / 10; // as the chart and the explanations print it
    const scale = Math.max(1.4826 * mad, Math.sqrt(usual) + 1, 1);
    const enough = base.length >= 3;
    const z = enough ? (x - usual) / scale : 0;
    cusum = Math.max(0, cusum + z - p.k);
    if (cusum > 0 && runStart === null) {
      runStart = h;
      runNeg = 0;
      runTot = 0;
    }
    if (cusum === 0) runStart = null;
    const upper = usual + p.h * scale;
    // A campaign or a viral post raises volume with the usual tone; a crisis raises the
    // negative share too. The share is compared with the last 7 days outside episodes.
    const total = tot.get(h) ?? 0;
    const usualShare = rt > 0 ? rn / rt : 0;
    // Judged over the whole rising run, not one hour, so a noisy hour cannot pass alone.
    if (runStart !== null) {
      runNeg += x;
      runTot += total;
    }
    const shareUp = runTot > 0 && (usualShare === 0 || runNeg / runTot >= 1.3 * usualShare);
    const abnormal = x >= p.minCount && x >= p.minRatio * Math.max(usual, 1) && shareUp;
    // It must persist: at least two hours into the rising run, whatever one hour's size.
    const persisted = runStart !== null && h - runStart >= 1;
    const fired = enough && !current && cusum > p.h && abnormal && persisted;
    if (!current && !fired) {
      recent.push([x, total]);
      rn += x;
      rt += total;
      if (recent.length > 168) {
        const [on, ot] = recent.shift() as [number, number];
        rn -= on;
        rt -= ot;
      }
    }
    series.push({
      hour: h,
      negative: x,
      expected: shown,
      upper,
      z: Math.round(z * 100) / 100,
      cusum: Math.round(cusum * 100) / 100,
      fired,
    });
    const previous = episodes[episodes.length - 1];
    if (fired && previous?.endHour != null && (runStart ?? h) - previous.endHour <= MERGE_GAP) {
      // A second wave soon after the first: the same crisis, reopened.
      episodes.pop();
      current = previous;
      current.endHour = null;
      if (x > current.peakNegative) {
        current.peakNegative = x;
        current.peakHour = h;
        current.peakExpected = shown;
      }
      down = 0;
      downStart = null;
      for (let k = current.startHour; k <= h; k++) inEpisode.add(k);
    } else if (fired) {
      current = {
        startHour: runStart ?? h,
        peakHour: h,
        endHour: null,
        detectedHour: h,
        detectedNegative: x,
        detectedUpper: Math.round(upper * 10) / 10,
        peakNegative: x,
        peakExpected: shown,
        severity: 'low',
        reasons: [],
      };
      down = 0;
      downStart = null;
      for (let k = current.startHour; k <= h; k++) inEpisode.add(k);
    } else if (current) {
      inEpisode.add(h);
      if (x > current.peakNegative) {
        current.peakNegative = x;
        current.peakHour = h;
        current.peakExpected = shown;
      }
      // Back to baseline: a second CUSUM, downwards, on how far the hour is below the
      // reference level; the end is where its last run began (the change-point estimate).
      const endScale = Math.max(1.4826 * mad, Math.sqrt(Math.max(usual, 1)));
      // Against the median: a tail fading at night must still end (see DISCRETE_BELOW).
      const zc = Math.max(-3, Math.min(3, (x - med) / endScale));
      const before = down;
      down = Math.max(0, down + (QUIET_Z - zc));
      if (before === 0 && down > 0) downStart = h;
      if (down === 0) downStart = null;
      if (down >= QUIET_H && downStart !== null) {
        current.endHour = downStart;
        episodes.push(finish(current));
        current = null;
        cusum = 0;
        runStart = null;
        down = 0;
        downStart = null;
      }
    }
  }
  if (current) episodes.push(finish(current));
  return { series, episodes };
}

function finish(e: DetectedEpisode): DetectedEpisode {
  const ratio = e.peakNegative / Math.max(e.peakExpected, 1);
  e.severity =
    ratio >= 10 || e.peakNegative >= 200
      ? 'high'
      : ratio >= 4 || e.peakNegative >= 50
        ? 'medium'
        : 'low';
  e.reasons = [
    `${e.peakNegative} negative mentions in the peak hour, ${ratio.toFixed(1)}× the usual ${e.peakExpected} for that hour of the week`,
    `the alarm fired ${e.detectedHour - e.startHour} h after the rise began, once the excess persisted (CUSUM)`,
  ];
  return e;
}
