import { dashboardOverview, dataDayRange } from '../../db/dashboard-query';
import { readProfile } from '../../db/profile-repo';
import { AtalayaError } from '../../db/errors';
import type { Handlers } from '../handler-types';

function localToday(now: number, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const dashboardHandlers: Pick<Handlers, 'dashboard.overview'> = {
  'dashboard.overview': (deps, input) => {
    const db = deps.session.require().db;
    const tz = readProfile(db).timezone;
    // Default period: the last 30 days up to today, or up to the newest data when an archive
    // of a past crisis is being studied.
    const range = dataDayRange(db);
    const today = localToday(deps.clock.now(), tz);
    const end = input.to ?? (range && range.last < today ? range.last : today);
    const start = input.from ?? addDays(end, -((input.days ?? 30) - 1));
    if (start > end) throw new AtalayaError('validation', 'The period starts after it ends');
    return dashboardOverview(db, start, end, input.channels);
  },
};
