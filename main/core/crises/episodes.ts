import {
  detectEpisodes,
  MERGE_GAP,
  type CrisisOptions,
  type DetectedEpisode,
  type HourBucket,
  type SeriesPoint,
  type TagHour,
} from './detector';
import {
  detectHashtagHijacks,
  detectSentimentDrops,
  type DetectedSignal,
  type SignalKind,
} from './signals';

type Severity = 'low' | 'medium' | 'high';

/** An episode as all detectors together see it: what fired first, and every signal's explanation. */
export interface CombinedEpisode {
  startHour: number;
  peakHour: number;
  endHour: number | null;
  detectedHour: number;
  /** The signal that fired first. */
  kind: SignalKind;
  signals: DetectedSignal[];
  peakNegative: number;
  peakExpected: number;
  severity: Severity;
  reasons: string[];
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const CLEAR_RATIO = 2.5;

function volumeSignal(e: DetectedEpisode): DetectedSignal {
  return {
    kind: 'negative_volume',
    startHour: e.startHour,
    peakHour: e.peakHour,
    endHour: e.endHour,
    detectedHour: e.detectedHour,
    value: e.peakNegative,
    usual: e.peakExpected,
    threshold: e.detectedUpper,
    reason:
      `${e.peakNegative} negative mentions in the peak hour against the usual ${e.peakExpected} for that hour of the week; ` +
      `the alarm fired when ${e.detectedNegative} an hour passed the threshold of ${e.detectedUpper} and the excess had persisted (CUSUM)`,
  };
}

function signalSeverity(s: DetectedSignal, volume: DetectedEpisode | undefined): Severity {
  if (s.kind === 'negative_volume') return volume?.severity ?? 'low';
  if (s.kind === 'sentiment_drop') {
    const drop = s.usual - s.value;
    return drop >= 0.8 ? 'high' : drop >= 0.5 ? 'medium' : 'low';
  }
  return s.value >= 200 ? 'high' : s.value >= 50 ? 'medium' : 'low';
}

/**
 * Runs the three detectors (negative volume, net-sentiment drop, hashtag hijack) and joins
 * the signals that overlap (or come within MERGE_GAP hours of each other) into one episode:
 * its boundaries are the volume signal's when the volume is clearly abnormal, else the
 * earliest start and the latest end (open while any signal is open); its alarm is the first signal's. All detectors only look back, so the result at hour T is what
 * was known at T.
 */
export function detectAll(
  buckets: HourBucket[],
  tags: TagHour[],
  opts: CrisisOptions & { brandTerms?: string[] },
): { series: SeriesPoint[]; episodes: CombinedEpisode[] } {
  const { series, episodes: volume } = detectEpisodes(buckets, opts);
  const signals: Array<{ s: DetectedSignal; v?: DetectedEpisode }> = [
    ...volume.map((v) => ({ s: volumeSignal(v), v })),
    ...detectSentimentDrops(buckets, opts.sensitivity).map((s) => ({ s })),
    ...detectHashtagHijacks(tags, {
      ...opts,
      lastHour: buckets[buckets.length - 1]?.hour,
      firstHour: buckets[0]?.hour,
    }).map((s) => ({ s })),
  ].sort((a, b) => a.s.startHour - b.s.startHour || a.s.detectedHour - b.s.detectedHour);
  const byHour = new Map(series.map((p) => [p.hour, p]));
  const clusters: Array<typeof signals> = [];
  let reach = -Infinity;
  for (const x of signals) {
    const c = clusters[clusters.length - 1];
    const end = x.s.endHour ?? Infinity;
    if (c && x.s.startHour <= reach + MERGE_GAP) {
      c.push(x);
      reach = Math.max(reach, end);
    } else {
      clusters.push([x]);
      reach = end;
    }
  }
  const episodes = clusters.map((c): CombinedEpisode => {
    const firstFired = [...c].sort((a, b) => a.s.detectedHour - b.s.detectedHour)[0]!;
    const vol = c.find((x) => x.v)?.v;
    // When the negative volume itself is the crisis (its peak at least CLEAR_RATIO × the usual
    // level) its hour-by-hour boundaries rule: tone measured over trailing windows lags behind
    // and lingers on a long tail. Otherwise the signals' union gives the boundaries.
    const clear = vol && vol.peakNegative >= CLEAR_RATIO * Math.max(vol.peakExpected, 1);
    const bounds = clear ? c.filter((x) => x.v) : c;
    const open = bounds.some((x) => x.s.endHour === null);
    const peakHour = vol?.peakHour ?? firstFired.s.peakHour;
    const atPeak = byHour.get(peakHour);
    const severity = c
      .map((x) => signalSeverity(x.s, x.v))
      .reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'low' as Severity);
    return {
      startHour: Math.min(...bounds.map((x) => x.s.startHour)),
      peakHour,
      endHour: open ? null : Math.max(...bounds.map((x) => x.s.endHour as number)),
      detectedHour: firstFired.s.detectedHour,
      kind: firstFired.s.kind,
      signals: [...c].sort((a, b) => a.s.detectedHour - b.s.detectedHour).map((x) => x.s),
      peakNegative: vol?.peakNegative ?? atPeak?.negative ?? 0,
      peakExpected: vol?.peakExpected ?? atPeak?.expected ?? 0,
      severity,
      reasons: c.map((x) => x.s.reason),
    };
  });
  return { series, episodes };
}
