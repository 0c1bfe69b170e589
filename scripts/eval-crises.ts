import { detectEpisodes, type Sensitivity } from '../main/core/crises/detector';
import { generateScenario, type InjectedCrisis } from '../main/core/crises/scenario';

export interface CrisisEvalFigures {
  seeds: number;
  crises: number;
  detected: number;
  detectedWithin3hOfPeak: number;
  medianDelayFromOnsetH: number;
  p90DelayFromOnsetH: number;
  falseAlarms: number;
  falseAlarmsPer30Days: number;
  startWithin6h: number;
  endWithin6h: number;
  bySize: Record<string, { crises: number; detected: number }>;
  byShape: Record<string, { crises: number; detected: number }>;
}

const SHAPES: InjectedCrisis['shape'][] = ['spike', 'build', 'double', 'plateau'];

/** Seeded scenarios: 120 days of ordinary traffic with 4 injected crises each, several seeds. */
export function evalCrises(
  opts: { seeds?: number; sizes?: number[]; sensitivity?: Sensitivity } = {},
): CrisisEvalFigures {
  const seeds = opts.seeds ?? 8;
  const sizes = opts.sizes ?? [3];
  const delays: number[] = [];
  const f: CrisisEvalFigures = {
    seeds,
    crises: 0,
    detected: 0,
    detectedWithin3hOfPeak: 0,
    medianDelayFromOnsetH: 0,
    p90DelayFromOnsetH: 0,
    falseAlarms: 0,
    falseAlarmsPer30Days: 0,
    startWithin6h: 0,
    endWithin6h: 0,
    bySize: {},
    byShape: {},
  };
  let ordinaryDays = 0;
  for (let s = 0; s < seeds; s++) {
    const crises = [35, 60, 85, 105].map((day, i) => ({
      day,
      size: sizes[(s + i) % sizes.length] as number,
      shape: SHAPES[(s + i) % SHAPES.length] as InjectedCrisis['shape'],
    }));
    const sc = generateScenario(1000 + s, { days: 120, crises });
    const { episodes } = detectEpisodes(sc.buckets, {
      timezone: 'UTC',
      sensitivity: opts.sensitivity ?? 'medium',
    });
    ordinaryDays += 120 - sc.truth.reduce((a, t) => a + (t.end - t.start) / 24, 0);
    const used = new Set<number>();
    for (const t of sc.truth) {
      f.crises++;
      const bs = (f.bySize[`${t.size}x`] ??= { crises: 0, detected: 0 });
      const bh = (f.byShape[t.shape] ??= { crises: 0, detected: 0 });
      bs.crises++;
      bh.crises++;
      const i = episodes.findIndex(
        (e, k) => !used.has(k) && e.detectedHour >= t.start - 2 && e.detectedHour <= t.end,
      );
      if (i < 0) continue;
      used.add(i);
      const e = episodes[i]!;
      f.detected++;
      bs.detected++;
      bh.detected++;
      delays.push(e.detectedHour - t.start);
      if (e.detectedHour - t.peak <= 3) f.detectedWithin3hOfPeak++;
      if (Math.abs(e.startHour - t.start) <= 6) f.startWithin6h++;
      if (e.endHour !== null && Math.abs(e.endHour - t.end) <= 6) f.endWithin6h++;
    }
    f.falseAlarms += episodes.length - used.size;
  }
  delays.sort((a, b) => a - b);
  f.medianDelayFromOnsetH = delays[Math.floor(delays.length / 2)] ?? 0;
  f.p90DelayFromOnsetH = delays[Math.floor(delays.length * 0.9)] ?? 0;
  f.falseAlarmsPer30Days = Math.round((f.falseAlarms / ordinaryDays) * 30 * 100) / 100;
  return f;
}
