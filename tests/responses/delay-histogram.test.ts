import { describe, expect, it } from 'vitest';
import {
  DELAY_EDGES,
  delayBucket,
  histogramBars,
  histogramQuantile,
  histogramShareWithin,
  mergeCells,
  type DelayCell,
} from '../../main/core/responses/delay-histogram';
import { DISTRIBUTION_EDGES } from '../../main/core/responses/kpis';
import { rng } from '../../scripts/bench/corpus';
import { bucketWidth } from '../helpers/delay-bucket';

const histogram = (minutes: number[]): DelayCell[] =>
  mergeCells(minutes.map((m) => ({ bucket: delayBucket(m), replies: 1, minutesSum: m })));
const nearestRank = (sorted: number[], q: number): number =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;

describe('first-response delay histogram', () => {
  it('has log-spaced edges that include the 1/4/24 h shares and every chart edge', () => {
    for (const e of [60, 240, 1440, ...DISTRIBUTION_EDGES]) expect(DELAY_EDGES).toContain(e);
    for (let i = 1; i < DELAY_EDGES.length; i++) {
      const lo = DELAY_EDGES[i - 1] as number;
      const hi = DELAY_EDGES[i] as number;
      expect(hi).toBeGreaterThan(lo);
      expect((hi - lo) / hi).toBeLessThanOrEqual(0.22); // the precision the module states
    }
    expect(DELAY_EDGES[0]).toBeLessThan(1);
    expect(DELAY_EDGES.at(-1)).toBeGreaterThan(365 * 1440);
    expect(delayBucket(60)).toBe(DELAY_EDGES.indexOf(60)); // (lo, hi]: 60 min is "within 1 h"
    expect(delayBucket(60.001)).toBe(DELAY_EDGES.indexOf(60) + 1);
    expect(delayBucket(0)).toBe(0);
    expect(delayBucket(1e9)).toBe(DELAY_EDGES.length);
  });

  it('places median and p90 within one bucket width of the exact figures', () => {
    const shapes: Array<(r: () => number) => number> = [
      (r) => Math.exp(Math.log(90) + 2 * (r() + r() + r() - 1.5)), // log-normal, minutes to days
      (r) => r() * 600, // uniform over 10 h
      (r) => (r() < 0.7 ? 5 + r() * 10 : 1440 * (1 + r() * 3)), // fast or next days
      (r) => Math.pow(r(), 6) * 20_000, // heavy tail of quick answers
    ];
    let checked = 0;
    for (const [s, shape] of shapes.entries())
      for (const n of [1, 2, 7, 101, 5000]) {
        const r = rng(100 + s * 10 + n);
        const values = Array.from({ length: n }, () => shape(r)).sort((a, b) => a - b);
        const h = histogram(values);
        for (const q of [0.5, 0.9]) {
          const exact = nearestRank(values, q);
          const est = histogramQuantile(h, q) as number;
          expect(Math.abs(est - exact), `shape ${s}, n ${n}, q ${q}`).toBeLessThanOrEqual(
            bucketWidth(exact),
          );
          // and inside the exact value's bucket
          expect(delayBucket(est)).toBe(delayBucket(exact));
          checked++;
        }
        for (const m of [60, 240, 1440])
          expect(histogramShareWithin(h, m)).toBe(values.filter((v) => v <= m).length / n);
      }
    expect(checked).toBe(40);
    expect(histogramQuantile([], 0.5)).toBeNull();
  });

  it('is exact when a bucket holds identical delays, and counts chart bars exactly', () => {
    const h = histogram([30, 30, 30, 300, 90, 90]);
    expect(histogramQuantile(h, 0.5)).toBeCloseTo(30, 9);
    expect(histogramQuantile(h, 0.9)).toBeCloseTo(300, 9);
    expect(histogramQuantile(histogram([90, 90, 90]), 0.5)).toBeCloseTo(90, 9);
    const bars = histogramBars(histogram([10, 15, 16, 60, 61, 5000, 20_000]), DISTRIBUTION_EDGES);
    expect(bars.map((b) => b.replies)).toEqual([2, 2, 1, 0, 0, 0, 1, 1]);
    expect(bars.at(-1)?.upToMinutes).toBeNull();
  });
});
