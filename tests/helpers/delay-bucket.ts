import { expect } from 'vitest';
import { DELAY_EDGES, delayBucket } from '../../main/core/responses/delay-histogram';

/** Width in minutes of the delay-histogram bucket holding `minutes`. */
export function bucketWidth(minutes: number): number {
  const b = delayBucket(minutes);
  const lo = b === 0 ? 0 : (DELAY_EDGES[b - 1] as number);
  return (DELAY_EDGES[b] ?? Infinity) - lo;
}

/** A rollup estimate (rounded to `rounding` minutes) is within one bucket width of the exact figure. */
export function expectWithinBucket(
  estimate: number | null,
  exact: number | null,
  rounding = 0.01,
): void {
  if (exact === null) return void expect(estimate).toBeNull();
  expect(estimate).not.toBeNull();
  expect(Math.abs((estimate as number) - exact)).toBeLessThanOrEqual(bucketWidth(exact) + rounding);
}
