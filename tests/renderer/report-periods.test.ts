import { describe, expect, it } from 'vitest';
import {
  daysIn,
  monthOf,
  periodProblem,
  presetRange,
  todayIn,
} from '../../renderer/src/features/reports/period';

describe('the Reports page period presets', () => {
  it('last month, last 30 days and this quarter count from today, across a year’s end', () => {
    expect(presetRange('lastMonth', '2026-12-01')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(presetRange('lastMonth', '2028-03-31')).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    const last30 = presetRange('last30', '2026-03-05');
    expect(last30).toEqual({ from: '2026-02-04', to: '2026-03-05' });
    expect(daysIn(last30)).toBe(30);
    expect(presetRange('thisQuarter', '2026-12-01')).toEqual({
      from: '2026-10-01',
      to: '2026-12-01',
    });
    expect(presetRange('thisQuarter', '2026-02-10')).toEqual({
      from: '2026-01-01',
      to: '2026-02-10',
    });
    expect(monthOf('2026-03-06')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('today is the workspace zone’s date, not the machine’s', () => {
    const t = Date.UTC(2026, 10, 30, 23, 30); // 1 Dec 00:30 in Madrid, still 30 Nov in New York
    expect(todayIn('Europe/Madrid', t)).toBe('2026-12-01');
    expect(todayIn('America/New_York', t)).toBe('2026-11-30');
  });

  it('names what is wrong with typed dates: missing, not a day, reversed', () => {
    expect(periodProblem(undefined, '2026-11-30')).toBe('reports.period.missing');
    expect(periodProblem('2026-02-30', '2026-03-01')).toBe('reports.period.notADay');
    expect(periodProblem('0001-01-01', '0001-01-31')).toBe('reports.period.years');
    expect(periodProblem('9999-12-01', '9999-12-31')).toBe('reports.period.years');
    expect(periodProblem('1970-01-01', '1970-01-31')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('reports.period.order');
    expect(periodProblem('2026-11-01', '2026-11-01')).toBeNull();
  });
});
