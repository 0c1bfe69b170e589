import { writeFileSync } from 'node:fs';
import { AtalayaError } from '../../db/errors';
import { renderReportHtml } from '../../reports/html';
import { buildReport } from '../../reports/model';
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
    throw new UsageError('report needs --crisis ID, or --from TIME --to TIME');
  const from = values.from ? Date.parse(values.from) : undefined;
  const to = values.to ? Date.parse(values.to) : undefined;
  if ((values.from && Number.isNaN(from)) || (values.to && Number.isNaN(to)))
    throw new UsageError('--from/--to want ISO-8601 times');
  // A reversed period wrote an empty report with exit 0.
  if (from !== undefined && to !== undefined && from >= to)
    throw new UsageError(`--from (${values.from}) must be before --to (${values.to})`);
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    let model;
    try {
      model = buildReport(ws.db, {
        crisisId: values.crisis,
        from,
        to,
        lang,
        anonymize: values.anonymize === true,
      });
    } catch (e) {
      throw new AtalayaError('not_found', (e as Error).message);
    }
    const html = renderReportHtml(model, { consultant: values.consultant, color: values.color });
    if (/\.pdf$/i.test(out)) await htmlToPdf(html, out);
    else writeFileSync(out, html);
    io.stderr.write(`Report written to ${out}\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}
