import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateLocale, dateTimeFormat, formatDateTime } from '../../renderer/src/shared/format';
import { formatDay } from '../../renderer/src/features/overview/overview-format';

const AT = Date.UTC(2026, 11, 1, 18, 24);

/** The system's preferred languages, as Chromium (and Electron, from the OS) reports them. */
const system = (...languages: string[]): void => {
  vi.stubGlobal('navigator', { languages, language: languages[0] });
};

describe('dates follow the user’s locale, not the bare UI language', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('English on a British system is day first with a 24-hour clock; on a US one, US', () => {
    system('en-GB', 'en');
    expect(dateLocale('en')).toBe('en-GB');
    expect(formatDay('2026-12-01', 'en')).toBe('1 Dec 2026');
    expect(formatDateTime(AT, 'en')).toMatch(/^1 Dec 2026, \d{2}:24$/);
    system('en-US');
    expect(formatDay('2026-12-01', 'en')).toBe('Dec 1, 2026');
    expect(formatDateTime(AT, 'en')).toMatch(/^Dec 1, 2026, \d{1,2}:24\s?[AP]M$/);
  });

  it('a UI language the system does not list keeps the system’s region; Spanish follows its own', () => {
    system('es-ES', 'es');
    expect(dateLocale('en')).toBe('en-ES');
    expect(formatDay('2026-12-01', 'en')).toBe('1 Dec 2026');
    expect(dateLocale('es')).toBe('es-ES');
    system('es-MX');
    expect(dateLocale('es')).toBe('es-MX');
    system('de-DE', 'en-US');
    expect(dateLocale('en')).toBe('en-US');
    system();
    expect(dateLocale('en')).toBe('en');
  });

  it('formatters are made once per locale and options, and a change of system locale is followed', () => {
    const opts = { dateStyle: 'medium', timeStyle: 'short' } as const;
    system('en-GB');
    const gb = dateTimeFormat('en', opts);
    expect(dateTimeFormat('en', { ...opts })).toBe(gb);
    expect(dateTimeFormat('en', { dateStyle: 'medium' })).not.toBe(gb);
    system('en-US');
    expect(dateTimeFormat('en', opts)).not.toBe(gb);
    expect(formatDateTime(AT, 'en')).toMatch(/^Dec 1, 2026/);
    system('en-GB');
    expect(dateTimeFormat('en', opts)).toBe(gb);
    expect(formatDateTime(AT, 'en')).toMatch(/^1 Dec 2026/);
  });

  it('a change of the system time zone is followed by the cached formatters', () => {
    system('en-GB');
    const at = Date.UTC(2026, 11, 1, 12, 0);
    const tz = process.env['TZ'];
    try {
      process.env['TZ'] = 'Europe/Madrid';
      expect(formatDateTime(at, 'en')).toMatch(/13:00$/);
      process.env['TZ'] = 'America/New_York';
      expect(formatDateTime(at, 'en')).toMatch(/07:00$/);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });
});
