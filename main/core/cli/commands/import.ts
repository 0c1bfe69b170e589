import { getBatch, undoBatch } from '../../db/batches-repo';
import { AtalayaError } from '../../db/errors';
import { readProfile } from '../../db/profile-repo';
import { isChannel } from '../../model/channels';
import { importFiles } from '../../sources/import-runner';
import { importDepsFor } from '../../sources/workspace-deps';
import { IMPORT_FORMATS, type ImportFormat } from '../../model/imports';
import { MAP_FIELDS } from '../../sources/importers/mapping';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

/** `--map text=Tweet,author=user.screen_name` → { text: 'Tweet', author: 'user.screen_name' } */
export function parseMap(spec: string[] | undefined): Record<string, string> | undefined {
  if (!spec?.length) return undefined;
  const map: Record<string, string> = {};
  for (const part of spec.flatMap((s) => s.split(','))) {
    const i = part.indexOf('=');
    if (i <= 0 || i === part.length - 1)
      throw new UsageError(`--map wants FIELD=COLUMN pairs (got "${part}")`);
    const field = part.slice(0, i).trim();
    // An unknown field was dropped without a word, and the import then said it could not
    // find the text or date column the user believed they had mapped.
    if (!(MAP_FIELDS as readonly string[]).includes(field))
      throw new UsageError(
        `--map: unknown field "${field}"; the fields are ${MAP_FIELDS.join(', ')}`,
      );
    map[field] = part.slice(i + 1).trim();
  }
  return map;
}

async function undo(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    json: { type: 'boolean' },
  });
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id <= 0 || positionals.length !== 1)
    throw new UsageError('import undo needs one BATCH id');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const batch = getBatch(ws.db, id);
    if (!batch) throw new AtalayaError('not_found', `No import batch ${id} in this workspace`);
    if (batch.status === 'undone')
      throw new AtalayaError('validation', `Import batch ${id} was already undone`);
    const removed = undoBatch(ws.db, id, readProfile(ws.db).timezone, deps.clock.now());
    if (values.json) printJson(io, { batch: id, removed });
    else
      io.stderr.write(
        `Undid import ${id} (${batch.fileName ?? 'feed'}): removed ${removed} mentions\n`,
      );
  } finally {
    deps.session.close();
  }
  return 0;
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] === 'undo') return undo(args.slice(1), io);
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    format: { type: 'string' },
    map: { type: 'string', multiple: true },
    channel: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  const format = (values.format ?? 'auto') as ImportFormat;
  if (!IMPORT_FORMATS.includes(format))
    throw new UsageError(`Unknown --format ${values.format}; one of ${IMPORT_FORMATS.join(', ')}`);
  if (values.channel !== undefined && !isChannel(values.channel))
    throw new UsageError(`Unknown --channel ${values.channel}`);
  const map = parseMap(values.map);
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const ac = new AbortController();
    const stop = (): void => ac.abort();
    process.once('SIGINT', stop);
    const showProgress = !values.json && (io.stderr as NodeJS.WriteStream).isTTY === true;
    const summary = await importFiles(
      importDepsFor(ws.db, deps.clock.now, deps.importWorker),
      positionals,
      {
        format,
        map,
        channel: values.channel as never,
        signal: ac.signal,
        onProgress: showProgress
          ? (p) =>
              io.stderr.write(
                `\r${p.file}: ${p.rows} rows, ${p.rowsPerSec}/s${p.etaSeconds !== null ? `, ${p.etaSeconds}s left` : ''}   `,
              )
          : undefined,
      },
    );
    process.off('SIGINT', stop);
    if (showProgress) io.stderr.write('\n');
    if (values.json) printJson(io, summary);
    else {
      for (const f of summary.files) {
        io.stderr.write(
          f.status === 'refused'
            ? `${f.reason ?? f.file}: not imported\n`
            : `${f.file} (${f.format}, batch ${f.batchId}): ${f.imported} imported, ${f.duplicates} duplicates, ${f.rejected} rejected${f.status === 'cancelled' ? ' — cancelled' : ''}\n`,
        );
      }
      // A refused file's reason is its line above; the row errors follow.
      const refused = new Set(
        summary.files.filter((f) => f.status === 'refused').map((f) => f.file),
      );
      const rows = summary.errors.filter((e) => !(e.line === null && refused.has(e.file)));
      for (const e of rows.slice(0, 20))
        io.stderr.write(`  ${e.file}${e.line ? `:${e.line}` : ''}: ${e.reason}\n`);
    }
    const refused = summary.files.filter((f) => f.status === 'refused');
    if (refused.length > 0) {
      // Contract: an unreadable or unrecognised file is a failure (exit 1, one line on stderr).
      if (values.json) io.stderr.write(`${refused[0]?.reason ?? 'a file could not be imported'}\n`);
      return 1;
    }
  } finally {
    deps.session.close();
  }
  return 0;
}
