import { writeFileSync } from 'node:fs';
import { readProfile } from '../../db/profile-repo';
import { generateReport } from '../../reports/generate';
import { isCalendarDay, resolvePeriod, type LocalPeriod } from '../../reports/period';
import { htmlToPdf } from '../../reports/pdf';
import { parse, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    {
      workspace: { type: 'string' },
      crisis: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      anonymize: { type: 'boolean' },
      consultant: { type: 'string' },
      color: { type: 'string' },
    },
    false,
  );
  const out = requireString(values.out, '--out');
  if (!/\.(html?|pdf)$/i.test(out)) throw new UsageError('--out must end in .html or .pdf');
  const lang = values.lang ?? 'es';
  if (lang !== 'es' && lang !== 'en') throw new UsageError('--lang is es or en');
  if (!values.crisis && !(values.from && values.to))
    throw new UsageError(
      'report needs --crisis ID, or a period: --from 2026-11-01 --to 2026-11-30 (local days) or ISO times',
    );
  const period = periodArgs(values.from, values.to);
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const { from, to } =
      'fromDay' in period ? resolvePeriod(period, readProfile(ws.db).timezone) : period;
    const { html } = await generateReport(ws.db, {
      crisisId: values.crisis,
      from,
      to,
      lang,
      anonymize: values.anonymize === true,
      consultant: values.consultant,
      color: values.color,
    });
    if (/\.pdf$/i.test(out)) await htmlToPdf(html, out);
    else writeFileSync(out, html);
    io.stderr.write(`Report written to ${out}\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * --from/--to as instants. Two dates alone (2026-11-01, 2026-11-30) are the workspace's local
 * days with both ends included, as the app's period report reads them; times are instants.
 */
function periodArgs(
  fromArg: string | undefined,
  toArg: string | undefined,
): LocalPeriod | { from?: number; to?: number } {
  if (fromArg === undefined || toArg === undefined) return {};
  if (DAY_ONLY.test(fromArg) && DAY_ONLY.test(toArg)) {
    if (!isCalendarDay(fromArg) || !isCalendarDay(toArg))
      throw new UsageError(
        `--from/--to: ${isCalendarDay(fromArg) ? toArg : fromArg} is not a day in the calendar`,
      );
    if (fromArg > toArg)
      throw new UsageError(`--from (${fromArg}) must be before --to (${toArg}) or the same day`);
    return { fromDay: fromArg, toDay: toArg };
  }
  const from = Date.parse(fromArg);
  const to = Date.parse(toArg);
  if (Number.isNaN(from) || Number.isNaN(to))
    throw new UsageError('--from/--to want dates (YYYY-MM-DD) or ISO-8601 times');
  // A reversed period wrote an empty report with exit 0.
  if (from >= to) throw new UsageError(`--from (${fromArg}) must be before --to (${toArg})`);
  return { from, to };
}
