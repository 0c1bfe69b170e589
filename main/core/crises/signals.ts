import type { HourBucket, Sensitivity, TagHour } from './detector';

/** What made an episode: one detector's finding, with the figures that explain it. */
export type SignalKind = 'negative_volume' | 'sentiment_drop' | 'hashtag_hijack';

export interface DetectedSignal {
  kind: SignalKind;
  startHour: number;
  peakHour: number;
  endHour: number | null;
  detectedHour: number;
  /** negative_volume: peak negatives in an hour; sentiment_drop: lowest net sentiment (-1..1); hashtag_hijack: uses in the window at the peak. */
  value: number;
  /** The usual level for comparison: expected negatives, usual net sentiment, usual uses. */
  usual: number;
  /** The level that had to be crossed: threshold negatives, net-sentiment floor, growth factor. */
  threshold: number;
  hashtag?: string;
  /** hashtag_hijack: growth of the tag over its own usual rate, when it fired. */
  growth?: number;
  /** hashtag_hijack: share of the tag's mentions that were negative, when it fired. */
  negativeShare?: number;
  /** hashtag_hijack: the negative share it had to reach. */
  negativeShareThreshold?: number;
  /** hashtag_hijack: 'new' (hardly used in the 4 weeks before) or 'brand' (names the brand). */
  tagKind?: 'new' | 'brand';
  reason: string;
}

/** Trailing window (hours) both detectors judge: one hour is too noisy for tone. */
export const WINDOW = 6;

/**
 * Net-sentiment drop per sensitivity: how many standard deviations and how many points of
 * net sentiment (on -1..1) the window must fall below its usual level, and the fewest
 * opinionated (positive + negative) mentions in the window for net sentiment to mean anything.
 */
export const DROP_PRESETS: Record<Sensitivity, { z: number; drop: number; minPolar: number }> = {
  high: { z: 3, drop: 0.25, minPolar: 15 },
  medium: { z: 3.5, drop: 0.3, minPolar: 20 },
  low: { z: 5, drop: 0.4, minPolar: 30 },
};

/** Hashtag hijack per sensitivity: uses in the window, growth over its usual rate, negative share. */
export const HIJACK_PRESETS: Record<
  Sensitivity,
  { minCount: number; growth: number; negativeShare: number }
> = {
  high: { minCount: 6, growth: 4, negativeShare: 0.4 },
  medium: { minCount: 10, growth: 5, negativeShare: 0.5 },
  low: { minCount: 20, growth: 8, negativeShare: 0.6 },
};

/** Hours that must meet the condition in a row before a detector fires. */
const PERSIST = 2;
const BACK = PERSIST;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Net sentiment (positive − negative) / (positive + negative) over a trailing 6-hour window,
 * against its own usual level over the previous 7 days (outside episodes). The spread is the
 * binomial one for that many opinionated mentions, widened by the robust spread (MAD) of the
 * past windows' deviations in those units when they vary more than chance. Fires when the window falls past both the z and the absolute drop for 2 hours in a
 * row while volume is normal (at most 1.5× the usual volume of the same hours the week
 * before: a crisis of volume is the volume detector's). Ends when the window is back within
 * 1 standard deviation; the end is the first hour of that window.
 */
export function detectSentimentDrops(
  buckets: HourBucket[],
  sensitivity: Sensitivity = 'medium',
): DetectedSignal[] {
  const p = DROP_PRESETS[sensitivity];
  if (!buckets.length) return [];
  const first = buckets[0]?.hour as number;
  const last = buckets[buckets.length - 1]?.hour as number;
  // Prefix sums over the hours (index = hour − first), so every window is O(1).
  const span = last - first + 1;
  const cp = new Float64Array(span + 1);
  const cn = new Float64Array(span + 1);
  const ct = new Float64Array(span + 1);
  const hp = new Float64Array(span);
  const hn = new Float64Array(span);
  const ht = new Float64Array(span);
  for (const b of buckets) {
    hp[b.hour - first] = b.positive;
    hn[b.hour - first] = b.negative;
    ht[b.hour - first] = b.total;
  }
  for (let i = 0; i < span; i++) {
    cp[i + 1] = (cp[i] as number) + (hp[i] as number);
    cn[i + 1] = (cn[i] as number) + (hn[i] as number);
    ct[i + 1] = (ct[i] as number) + (ht[i] as number);
  }
  const range = (arr: Float64Array, a: number, b: number): number => {
    const lo = Math.max(0, a - first);
    const hi = Math.min(span, b - first + 1);
    return hi > lo ? (arr[hi] as number) - (arr[lo] as number) : 0;
  };
  const pos = (h: number): number => (h >= first && h <= last ? (hp[h - first] as number) : 0);
  const neg = (h: number): number => (h >= first && h <= last ? (hn[h - first] as number) : 0);
  // Episode hours are left out of the usual level: their sums, kept as ranges.
  const episodeRanges: Array<[number, number]> = [];
  const excluded = (a: number, b: number): [number, number, number] => {
    let ep = 0;
    let en = 0;
    let eh = 0;
    for (const [s0, e0] of episodeRanges) {
      const lo = Math.max(a, s0);
      const hi = Math.min(b, e0);
      if (hi < lo) continue;
      ep += range(cp, lo, hi);
      en += range(cn, lo, hi);
      eh += hi - lo + 1;
    }
    return [ep, en, eh];
  };
  const pastDev: number[] = []; // standardised deviations of the last 7 days' windows outside episodes
  const out: DetectedSignal[] = [];
  let current: DetectedSignal | null = null;
  let streak = 0;
  let backStreak = 0;
  for (let h = first; h <= last; h++) {
    const wp = range(cp, h - WINDOW + 1, h);
    const wn = range(cn, h - WINDOW + 1, h);
    const wt = range(ct, h - WINDOW + 1, h);
    // usual level: all opinionated mentions of the previous 7 days outside episodes
    const a = h - WINDOW - 168 + 1;
    const b = h - WINDOW;
    const [ep, en, eh] = excluded(a, b);
    const up = range(cp, a, b) - ep;
    const un = range(cn, a, b) - en;
    const hours = Math.max(0, Math.min(b, last) - Math.max(a, first) + 1) - eh;
    // usual volume of the same six hours a day before and a week before
    const ut =
      (range(ct, h - WINDOW + 1 - 24, h - 24) + range(ct, h - WINDOW + 1 - 168, h - 168)) / 2;
    const polar = wp + wn;
    const enough = hours >= 72 && up + un >= 50 && polar >= p.minPolar;
    const usualNet = up + un > 0 ? (up - un) / (up + un) : 0;
    const net = polar > 0 ? (wp - wn) / polar : 0;
    const q = up + un > 0 ? un / (up + un) : 0.5;
    const binomialSd = 2 * Math.sqrt((q * (1 - q)) / Math.max(polar, 1));
    // Over-dispersion: how much wider than binomial the past windows spread (their robust
    // spread in binomial units); only needed when the window is low at all (it sorts).
    const low = current !== null || net <= usualNet - p.drop;
    const med = low ? median(pastDev) : 0;
    const dispersion =
      low && pastDev.length >= 24 ? 1.4826 * median(pastDev.map((x) => Math.abs(x - med))) : 1;
    const sd = Math.max(binomialSd * Math.max(1, dispersion), 0.02);
    const z = (usualNet - net) / sd;
    const floor = Math.min(usualNet - p.drop, usualNet - p.z * sd);
    const volumeNormal = ut === 0 || wt <= 1.5 * ut;
    const dropped = enough && net <= floor && volumeNormal;
    if (!current) {
      streak = dropped ? streak + 1 : 0;
      if (streak >= PERSIST) {
        // the drop began at the first hour of the windows that is itself well below usual
        let start = Math.max(first, h - WINDOW - PERSIST + 2);
        while (start < h) {
          const hp = pos(start) + neg(start);
          if (hp > 0 && (pos(start) - neg(start)) / hp < usualNet - p.drop / 2) break;
          start++;
        }
        current = {
          kind: 'sentiment_drop',
          startHour: start,
          peakHour: h,
          endHour: null,
          detectedHour: h,
          value: round2(net),
          usual: round2(usualNet),
          threshold: round2(floor),
          reason: '',
        };
        episodeRanges.push([start, h]);
        backStreak = 0;
        streak = 0;
      } else if (enough) {
        pastDev.push((usualNet - net) / binomialSd);
        if (pastDev.length > 168) pastDev.shift();
      }
    } else {
      (episodeRanges[episodeRanges.length - 1] as [number, number])[1] = h;
      if (polar > 0 && net < current.value) {
        current.value = round2(net);
        current.peakHour = h;
      }
      // A window with too few opinionated mentions (a night) says nothing either way.
      if (polar >= p.minPolar) backStreak = z < 1 ? backStreak + 1 : 0;
      if (backStreak >= BACK) {
        current.endHour = Math.max(current.detectedHour, h - WINDOW - BACK + 1);
        out.push(explainDrop(current));
        current = null;
        backStreak = 0;
      }
    }
  }
  if (current) out.push(explainDrop(current));
  return out;
}

function explainDrop(s: DetectedSignal): DetectedSignal {
  s.reason =
    `net sentiment fell to ${s.value.toFixed(2)} over 6 hours against its usual ${s.usual.toFixed(2)} ` +
    `(threshold ${s.threshold.toFixed(2)}) while the volume stayed normal`;
  return s;
}

/** Brand hashtags: tags that contain the brand name or a keyword (accents and case ignored). */
export function brandTerms(brand: string, keywords: string[]): string[] {
  return [brand, ...keywords]
    .map((t) => fold(t).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((t) => t.length >= 3);
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A hashtag growing fast with negative tone: its uses over a trailing 6-hour window against
 * its own usual rate over the 7 days before (growth = (uses + 1) / (usual + 1)), with at least
 * the preset's negative share, for 2 hours in a row. Only new hashtags (fewer than 3 uses in
 * the 4 weeks before) and brand hashtags (containing the brand or a keyword) count: an old
 * unrelated tag is somebody else's conversation. Ends when the window falls below half the
 * minimum count; the end is the hour after the tag's last busy hour. With `lastHour` (the
 * newest hour of data) it never looks past it, so an episode still busy then stays open.
 * With `firstHour` (the oldest hour of data) a tag is judged only once a week of data precedes
 * the window: before that its usual rate is unknown, not zero, and every tag in use when the
 * archive begins would look new and growing (at 1M mentions one such "hijack" spanned two years).
 */
export function detectHashtagHijacks(
  tags: TagHour[],
  opts: {
    sensitivity?: Sensitivity;
    brandTerms?: string[];
    lastHour?: number;
    firstHour?: number;
  } = {},
): DetectedSignal[] {
  const p = HIJACK_PRESETS[opts.sensitivity ?? 'medium'];
  const terms = opts.brandTerms ?? [];
  // Rows grouped by tag; hours kept as dense arrays over the tag's life (index = hour − first).
  const byTag = new Map<string, TagHour[]>();
  for (const t of tags) {
    const rows = byTag.get(t.tag);
    if (rows) rows.push(t);
    else byTag.set(t.tag, [t]);
  }
  const out: DetectedSignal[] = [];
  for (const [tag, rows] of byTag) {
    const brand = terms.some((b) => fold(tag).includes(b));
    let first = Infinity;
    let tagLast = -Infinity;
    for (const r of rows) {
      if (r.hour < first) first = r.hour;
      if (r.hour > tagLast) tagLast = r.hour;
    }
    // Hours after the newest data are unknown, not quiet: a tag busy in the newest hour stays open.
    const last = Math.max(tagLast, Math.min(tagLast + WINDOW, opts.lastHour ?? Infinity));
    const span = last - first + 1;
    const hu = new Float64Array(span);
    const hn = new Float64Array(span);
    for (const r of rows) {
      const i = r.hour - first;
      hu[i] = (hu[i] as number) + r.total;
      hn[i] = (hn[i] as number) + r.negative;
    }
    const uses = (h: number): number => (h >= first && h <= last ? (hu[h - first] as number) : 0);
    // prefix sums over the tag's life, so each window is O(1)
    const cu = new Float64Array(span + 1);
    const cn = new Float64Array(span + 1);
    for (let i = 0; i < span; i++) {
      cu[i + 1] = (cu[i] as number) + (hu[i] as number);
      cn[i + 1] = (cn[i] as number) + (hn[i] as number);
    }
    const sum = (arr: Float64Array, a: number, b: number): number => {
      const lo = Math.max(0, a - first);
      const hi = Math.min(span, b - first + 1);
      return hi > lo ? (arr[hi] as number) - (arr[lo] as number) : 0;
    };
    let current: DetectedSignal | null = null;
    let streak = 0;
    let lastBusy = first;
    let peakUses = 0;
    const judgedFrom = opts.firstHour === undefined ? -Infinity : opts.firstHour + WINDOW + 168 - 1;
    for (let h = Math.max(first, judgedFrom); h <= last; h++) {
      const w = sum(cu, h - WINDOW + 1, h);
      const wn = sum(cn, h - WINDOW + 1, h);
      if (!current) {
        const usual = (sum(cu, h - WINDOW - 168 + 1, h - WINDOW) / 168) * WINDOW;
        const growth = (w + 1) / (usual + 1);
        const isNew = sum(cu, h - WINDOW - 24 * 28 + 1, h - WINDOW) < 3;
        const share = w > 0 ? wn / w : 0;
        const hit =
          (isNew || brand) && w >= p.minCount && growth >= p.growth && share >= p.negativeShare;
        streak = hit ? streak + 1 : 0;
        if (streak >= PERSIST) {
          let start = h - WINDOW + 1;
          while (start < h && uses(start) === 0) start++;
          current = {
            kind: 'hashtag_hijack',
            startHour: start,
            peakHour: h,
            endHour: null,
            detectedHour: h,
            value: w,
            usual: round2(usual),
            threshold: p.growth,
            hashtag: tag,
            growth: round2(growth),
            negativeShare: round2(share),
            negativeShareThreshold: p.negativeShare,
            tagKind: isNew ? 'new' : 'brand',
            reason: '',
          };
          peakUses = w;
          lastBusy = h;
          streak = 0;
        }
      } else {
        const u = uses(h);
        if (w > peakUses) {
          peakUses = w;
          current.peakHour = h;
          current.value = w;
        }
        if (u >= Math.max(1, p.minCount / WINDOW)) lastBusy = h;
        if (w < p.minCount / 2) {
          current.endHour = lastBusy + 1;
          out.push(explainHijack(current, p));
          current = null;
        }
      }
    }
    if (current) out.push(explainHijack(current, p));
  }
  return out.sort((a, b) => a.startHour - b.startHour);
}

function explainHijack(
  s: DetectedSignal,
  p: { minCount: number; growth: number; negativeShare: number },
): DetectedSignal {
  s.reason =
    `${s.tagKind === 'new' ? 'new' : 'brand'} hashtag ${s.hashtag} grew ${s.growth}× its usual rate ` +
    `(threshold ${p.growth}×) with ${Math.round((s.negativeShare ?? 0) * 100)} % negative mentions ` +
    `(threshold ${Math.round(p.negativeShare * 100)} %), ${s.value} uses in 6 hours at its peak`;
  return s;
}
