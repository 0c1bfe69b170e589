import { dashboardOverview, dataDayRange, type OverviewRange } from '../../db/dashboard-query';
import { readProfile } from '../../db/profile-repo';
import { dashboardResponses, dashboardTrends } from '../../db/trends-query';
import { AtalayaError } from '../../db/errors';
import type { Db } from '../../db/workspace-file';
import type { InputOf } from '../contract';
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

/**
 * The period asked for. Default: the last 30 days up to today, or up to the newest data
 * when an archive of a past crisis is being studied.
 */
export function resolveRange(
  db: Db,
  now: number,
  tz: string,
  input: InputOf<'dashboard.overview'>,
): OverviewRange {
  const range = dataDayRange(db);
  const today = localToday(now, tz);
  const end = input.to ?? (range && range.last < today ? range.last : today);
  const start = input.from ?? addDays(end, -((input.days ?? 30) - 1));
  if (start > end) throw new AtalayaError('validation', 'The period starts after it ends');
  if ((input.compareFrom === undefined) !== (input.compareTo === undefined))
    throw new AtalayaError('validation', 'Give both ends of the comparison period, or neither');
  if (input.compareFrom && input.compareTo && input.compareFrom > input.compareTo)
    throw new AtalayaError('validation', 'The comparison period starts after it ends');
  const year = input.compareYear && !input.compareFrom;
  return {
    from: start,
    to: end,
    compareFrom: year ? addDays(start, -364) : input.compareFrom,
    compareTo: year ? addDays(end, -364) : input.compareTo,
    channels: input.channels,
  };
}

export const dashboardHandlers: Pick<
  Handlers,
  'dashboard.overview' | 'dashboard.trends' | 'dashboard.responses'
> = {
  'dashboard.overview': (deps, input) => {
    const db = deps.session.require().db;
    const tz = readProfile(db).timezone;
    return dashboardOverview(db, resolveRange(db, deps.clock.now(), tz, input));
  },
  'dashboard.trends': (deps, input) => {
    const db = deps.session.require().db;
    const p = readProfile(db);
    const range = resolveRange(db, deps.clock.now(), p.timezone, input);
    return dashboardTrends(db, range, p.timezone, [p.brand, ...p.keywords]);
  },
  'dashboard.responses': (deps, input) => {
    const db = deps.session.require().db;
    const tz = readProfile(db).timezone;
    return dashboardResponses(db, resolveRange(db, deps.clock.now(), tz, input));
  },
};
