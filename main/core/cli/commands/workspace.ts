import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { appInfo, workspaceDetails } from '../../api/handlers/workspace';
import { AtalayaError } from '../../db/errors';
import { CHANNELS } from '../../model/channels';
import { profileSchema } from '../../api/schemas';
import { DEFAULT_HOURS, parseBusinessHours } from '../../model/business-hours';
import { backupWorkspace, restoreWorkspace } from '../../db/backup';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

const FLAGS: Record<string, string> = {
  brand: '--brand',
  keywords: '--keyword',
  excludes: '--exclude',
  handles: '--handle',
  timezone: '--timezone',
  responseTargetMinutes: '--response-target',
};

function splitHandle(text: string): { channel: string; handle: string } {
  const i = text.indexOf(':');
  if (i <= 0)
    throw new UsageError(`--handle wants CHANNEL:HANDLE, e.g. twitter:@acme (got "${text}")`);
  return { channel: text.slice(0, i), handle: text.slice(i + 1) };
}

async function create(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    brand: { type: 'string' },
    keyword: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    handle: { type: 'string', multiple: true },
    timezone: { type: 'string' },
    hours: { type: 'string' },
    'response-target': { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('workspace create needs exactly one FILE');
  const hours = values.hours === undefined ? DEFAULT_HOURS : parseBusinessHours(values.hours);
  if (!hours)
    throw new UsageError(`--hours not understood: "${values.hours}" (e.g. "mon-fri 09:00-18:00")`);
  const candidate = {
    brand: requireString(values.brand, '--brand'),
    keywords: values.keyword ?? [],
    excludes: values.exclude ?? [],
    handles: (values.handle ?? []).map(splitHandle),
    timezone: values.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    hours,
    holidays: [],
    responseTargetMinutes: values['response-target'] ? Number(values['response-target']) : 60,
  };
  const parsed = profileSchema.safeParse(candidate);
  if (!parsed.success) {
    // Said as the option the user typed ('--timezone Mars/Base'), not as a schema path
    // ('timezone: unknown time zone', 'handles.0.channel: Invalid option: expected one of…').
    const i = parsed.error.issues[0];
    const [head, index] = i?.path ?? [];
    const flag = FLAGS[String(head)];
    const typed =
      head === 'handles'
        ? values.handle?.[Number(index)]
        : head === 'timezone'
          ? values.timezone
          : undefined;
    const reason =
      head === 'handles' && i?.path[2] === 'channel'
        ? `the channel is one of ${CHANNELS.join(', ')}`
        : head === 'timezone'
          ? `${i?.message ?? 'invalid'} (e.g. Europe/Madrid)`
          : (i?.message ?? 'invalid');
    throw new UsageError(
      `${flag ?? (i?.path.join('.') || 'profile')}${typed ? ` ${typed}` : ''}: ${reason}`,
    );
  }
  const folder = dirname(resolve(file));
  if (!existsSync(folder))
    throw new AtalayaError(
      'validation',
      `The folder ${folder} does not exist: create it first or choose another place`,
    );
  const deps = cliDeps();
  try {
    deps.session.create(file, parsed.data, deps.clock.now());
    if (values.json) printJson(io, workspaceDetails(deps));
    else io.stderr.write(`Created workspace ${file} for ${parsed.data.brand}\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}

async function info(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { workspace: { type: 'string' }, json: { type: 'boolean' }, check: { type: 'boolean' } },
    false,
  );
  const file = requireString(values.workspace, '--workspace');
  const deps = cliDeps({ fullCheck: values.check === true });
  try {
    deps.session.open(file, deps.clock.now());
    const details = workspaceDetails(deps);
    if (values.json) printJson(io, { ...details, app: appInfo(deps).version });
    else {
      io.stdout.write(
        `${details.brand} — ${details.name}\n` +
          `  keywords: ${details.keywords.join(', ') || '(none)'}\n` +
          `  handles:  ${details.handles.map((h) => `${h.channel}:@${h.handle}`).join(', ') || '(none)'}\n` +
          `  timezone: ${details.timezone}\n` +
          `  mentions: ${details.counts.mentions}, authors: ${details.counts.authors}\n`,
      );
    }
  } finally {
    deps.session.close();
  }
  return 0;
}

async function backup(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { workspace: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const r = await backupWorkspace(ws, requireString(values.out, '--out'));
    if (values.json) printJson(io, r);
    else io.stderr.write(`Backup written to ${r.path} and checked\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}

async function restore(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
    false,
  );
  restoreWorkspace(
    requireString(values.from, '--from'),
    requireString(values.to, '--to'),
    values.force === true,
  );
  io.stderr.write(`Restored ${values.from} into ${values.to}\n`);
  return 0;
}

export async function workspaceCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, io);
  if (sub === 'info') return info(rest, io);
  if (sub === 'backup') return backup(rest, io);
  if (sub === 'restore') return restore(rest, io);
  if (sub === undefined) throw new UsageError('workspace needs a subcommand: create or info');
  throw new UsageError(`Unknown workspace subcommand: ${sub}`);
}
