import { describe, expect, it } from 'vitest';
import { formatBusinessHours, parseBusinessHours } from '../../main/core/model/business-hours';

describe('business hours', () => {
  it('parses ranges, lists, wrap-around and Spanish day names', () => {
    expect(parseBusinessHours('mon-fri 09:00-18:00')).toEqual({
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
    });
    expect(parseBusinessHours('mon,wed,fri 10:00-14:00')?.days).toEqual([1, 3, 5]);
    expect(parseBusinessHours('sat-mon 10:00-14:00')?.days).toEqual([1, 6, 7]);
    expect(parseBusinessHours('lun-vie 08:30-15:00')?.days).toEqual([1, 2, 3, 4, 5]);
  });
  it('rejects what it cannot read', () => {
    for (const bad of [
      '',
      'mon-fri',
      'mon-fri 18:00-09:00',
      'funday 09:00-10:00',
      'mon-fri 9-5',
      'mon-fri 25:00-26:00',
    ]) {
      expect(parseBusinessHours(bad), bad).toBeNull();
    }
  });
  it('formats back to the CLI form', () => {
    expect(formatBusinessHours({ days: [1, 2, 3, 4, 5, 7], start: '09:00', end: '18:00' })).toBe(
      'mon-fri,sun 09:00-18:00',
    );
  });
});
