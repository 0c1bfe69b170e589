import type { Sensitivity } from '../main/core/crises/detector';
import { detectAll } from '../main/core/crises/episodes';
import { generateScenario, type CrisisShape } from '../main/core/crises/scenario';

/** How one group of injected crises fared (all of them, or one shape, or one size). */
export interface CrisisGroupFigures {
  crises: number;
  detected: number;
  /**
   * In time (issue #7): alarm at or after onset and at most (rise duration + 3 h) from onset,
   * the rise being the injected time from onset to its end (the peak).
   */
  detectedInTime: number;
  startWithin6h: number;
  endWithin6h: number;
}

export interface CrisisEvalFigures extends CrisisGroupFigures {
  seeds: number;
  days: number;
  medianDelayFromOnsetH: number;
  p90DelayFromOnsetH: number;
  falseAlarms: number;
  falseAlarmsPer30Days: number;
  /** Ends against the last injected mention instead of the back-to-baseline truth. */
  endWithin6hOfLastInjected: number;
  bySize: Record<string, CrisisGroupFigures>;
  byShape: Record<string, CrisisGroupFigures>;
  /** Detected crises whose start or end is more than 6 h off: where the boundaries still miss. */
  boundaryMisses: Array<{
    seed: number;
    shape: CrisisShape;
    size: number;
    startOffH: number;
    endOffH: number | null;
  }>;
}

/** The volume shapes: sharp spike, six-hour build, two waves, three-day plateau, slow burn, long tail. */
export const VOLUME_SHAPES: CrisisShape[] = [
  'spike',
  'build',
  'double',
  'plateau',
  'slow_burn',
  'long_tail',
];

const group = (): CrisisGroupFigures => ({
  crises: 0,
  detected: 0,
  detectedInTime: 0,
  startWithin6h: 0,
  endWithin6h: 0,
});

/**
 * Seeded scenarios, judged by all three detectors together (negative volume, sentiment drop,
 * hashtag hijack): 120 days of ordinary traffic with 4 injected crises each (days 35, 60, 85
 * and 105), the shapes and sizes rotating over the seeds. An alarm from a crisis' onset to
 * its end counts as detecting it (one before onset is not); any other episode is a false alarm.
 */
export function evalCrises(
  opts: {
    seeds?: number;
    sizes?: number[];
    shapes?: CrisisShape[];
    sensitivity?: Sensitivity;
  } = {},
): CrisisEvalFigures {
  const seeds = opts.seeds ?? 30;
  const sizes = opts.sizes ?? [3];
  const shapes = opts.shapes ?? VOLUME_SHAPES;
  const days = 120;
  const delays: number[] = [];
  const f: CrisisEvalFigures = {
    seeds,
    days,
    ...group(),
    medianDelayFromOnsetH: 0,
    p90DelayFromOnsetH: 0,
    falseAlarms: 0,
    falseAlarmsPer30Days: 0,
    endWithin6hOfLastInjected: 0,
    bySize: {},
    byShape: {},
    boundaryMisses: [],
  };
  let ordinaryDays = 0;
  for (let s = 0; s < seeds; s++) {
    const crises = [35, 60, 85, 105].map((day, i) => ({
      day,
      size: sizes[(s + i) % sizes.length] as number,
      shape: shapes[(s + i) % shapes.length] as CrisisShape,
    }));
    const sc = generateScenario(1000 + s, { days, crises });
    const { episodes } = detectAll(sc.buckets, sc.tags, {
      timezone: 'UTC',
      sensitivity: opts.sensitivity ?? 'medium',
      brandTerms: ['acme'],
    });
    ordinaryDays += days - sc.truth.reduce((a, t) => a + (t.lastInjected - t.start) / 24, 0);
    const used = new Set<number>();
    for (const t of sc.truth) {
      const groups = [f, (f.bySize[`${t.size}x`] ??= group()), (f.byShape[t.shape] ??= group())];
      for (const g of groups) g.crises++;
      const i = episodes.findIndex(
        (e, k) => !used.has(k) && e.detectedHour >= t.start && e.detectedHour <= t.end,
      );
      if (i < 0) continue;
      used.add(i);
      const e = episodes[i]!;
      delays.push(e.detectedHour - t.start);
      const endOk = e.endHour !== null && Math.abs(e.endHour - t.end) <= 6;
      const startOk = Math.abs(e.startHour - t.start) <= 6;
      if (!startOk || !endOk)
        f.boundaryMisses.push({
          seed: 1000 + s,
          shape: t.shape,
          size: t.size,
          startOffH: e.startHour - t.start,
          endOffH: e.endHour === null ? null : e.endHour - t.end,
        });
      if (e.endHour !== null && Math.abs(e.endHour - t.lastInjected) <= 6)
        f.endWithin6hOfLastInjected++;
      for (const g of groups) {
        g.detected++;
        if (e.detectedHour - t.start <= t.peak - t.start + 3) g.detectedInTime++;
        if (startOk) g.startWithin6h++;
        if (endOk) g.endWithin6h++;
      }
    }
    f.falseAlarms += episodes.length - used.size;
  }
  delays.sort((a, b) => a - b);
  f.medianDelayFromOnsetH = delays[Math.floor(delays.length / 2)] ?? 0;
  f.p90DelayFromOnsetH = delays[Math.floor(delays.length * 0.9)] ?? 0;
  f.falseAlarmsPer30Days = Math.round((f.falseAlarms / ordinaryDays) * 30 * 100) / 100;
  return f;
}

/** The crises whose boundaries miss by more than 6 h, one short item each (e.g. "long_tail end +11 h"). */
export function describeMisses(f: CrisisEvalFigures): string {
  const off = (n: number): string => `${n > 0 ? '+' : ''}${n} h`;
  const one = (m: CrisisEvalFigures['boundaryMisses'][number]): string => {
    const parts = [`${m.shape} (seed ${m.seed})`];
    if (Math.abs(m.startOffH) > 6) parts.push(`start ${off(m.startOffH)}`);
    if (m.endOffH === null) parts.push('still open');
    else if (Math.abs(m.endOffH) > 6) parts.push(`end ${off(m.endOffH)}`);
    return parts.join(' ');
  };
  return f.boundaryMisses.length ? f.boundaryMisses.map(one).join('; ') : 'none';
}

const pct = (n: number, d: number): string => `${d ? ((100 * n) / d).toFixed(1) : '0'} %`;

/** One line per group: detected, within 3 h of the rise, start and end within 6 h. */
export function describeGroup(name: string, g: CrisisGroupFigures): string {
  return (
    `${name}: ${g.detected}/${g.crises} detected, ${g.detectedInTime} in time, from onset to 3 h after the rise (${pct(g.detectedInTime, g.crises)}), ` +
    `start within 6 h ${g.startWithin6h} (${pct(g.startWithin6h, g.crises)}), end within 6 h ${g.endWithin6h} (${pct(g.endWithin6h, g.crises)})`
  );
}
