import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHour } from '../../renderer/src/shared/format';

const AT = Date.UTC(2026, 10, 3, 10, 0);

const system = (...languages: string[]): void => {
  vi.stubGlobal('navigator', { languages, language: languages[0] });
};

describe('hour labels of the crisis chart and episodes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("keep the minutes on a 24-hour clock, so '3 Nov, 10' is not read as a year", () => {
    system('en-GB');
    expect(formatHour(AT, 'en')).toMatch(/^3 Nov, \d{2}:00$/);
    system('es-ES');
    expect(formatHour(AT, 'es')).toMatch(/^3 nov, \d{1,2}:00$/);
    system('en-US');
    expect(formatHour(AT, 'en')).toMatch(/^Nov 3, \d{1,2}:00\s?[AP]M$/);
  });
});
