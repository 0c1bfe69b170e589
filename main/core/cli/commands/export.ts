import { exportData, type ExportFormat, type ExportWhat } from '../../reports/export';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

/** `export --workspace FILE --what mentions|authors|kpis --out FILE [--format csv|json|jsonl]` */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    {
      workspace: { type: 'string' },
      what: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    false,
  );
  const what = requireString(values.what, '--what');
  if (what !== 'mentions' && what !== 'authors' && what !== 'kpis')
    throw new UsageError('--what is mentions, authors or kpis');
  const out = requireString(values.out, '--out');
  const format =
    values.format ?? (out.endsWith('.jsonl') ? 'jsonl' : out.endsWith('.json') ? 'json' : 'csv');
  if (!['csv', 'json', 'jsonl'].includes(format))
    throw new UsageError('--format is csv, json or jsonl');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const rows = await exportData(ws.db, what as ExportWhat, format as ExportFormat, out);
    if (values.json) printJson(io, { what, format, rows, out });
    else io.stderr.write(`Exported ${rows} ${what} to ${out}\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}
