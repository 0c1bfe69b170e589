import { dashboardOverview, dataDayRange, type OverviewRange } from '../../db/dashboard-query';
import { readProfile } from '../../db/profile-repo';
import { dashboardResponses, dashboardTrends } from '../../db/trends-query';
import { AtalayaError } from '../../db/errors';
import type { Db } from '../../db/workspace-file';
import { shiftDays, todayIn } from '../../model/local-days';
import type { InputOf } from '../contract';
import type { Handlers } from '../handler-types';

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
  const today = todayIn(tz, now);
  const end = input.to ?? (range && range.last < today ? range.last : today);
  const start = input.from ?? shiftDays(end, -((input.days ?? 30) - 1));
  if (start > end) throw new AtalayaError('validation', 'The period starts after it ends');
  if ((input.compareFrom === undefined) !== (input.compareTo === undefined))
    throw new AtalayaError('validation', 'Give both ends of the comparison period, or neither');
  if (input.compareFrom && input.compareTo && input.compareFrom > input.compareTo)
    throw new AtalayaError('validation', 'The comparison period starts after it ends');
  const year = input.compareYear && !input.compareFrom;
  return {
    from: start,
    to: end,
    compareFrom: year ? shiftDays(start, -364) : input.compareFrom,
    compareTo: year ? shiftDays(end, -364) : input.compareTo,
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
