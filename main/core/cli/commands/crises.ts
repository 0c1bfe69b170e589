import { detectCrises } from '../../crises';
import { readProfile } from '../../db/profile-repo';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

export async function crisesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    {
      workspace: { type: 'string' },
      json: { type: 'boolean' },
      at: { type: 'string' },
      sensitivity: { type: 'string' },
      replay: { type: 'boolean' },
    },
    false,
  );
  const at = values.at === undefined ? undefined : Date.parse(values.at);
  if (at !== undefined && Number.isNaN(at))
    throw new UsageError(`--at wants an ISO-8601 time (got ${values.at})`);
  const sensitivity = values.sensitivity ?? 'medium';
  if (!['low', 'medium', 'high'].includes(sensitivity))
    throw new UsageError('--sensitivity is low, medium or high');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const { episodes } = detectCrises(ws.db, readProfile(ws.db).timezone, {
      at,
      sensitivity: sensitivity as 'low' | 'medium' | 'high',
      replay: values.replay,
    });
    if (values.json) printJson(io, { episodes });
    else if (!episodes.length) io.stdout.write('No crisis episodes detected.\n');
    else
      for (const e of episodes)
        io.stdout.write(
          `${e.id}\t${e.severity}\t${e.kind}\t${e.start} → ${e.end ?? 'ongoing'}\tpeak ${e.peak}\tdetected ${e.detectedAt} (${e.replay ? `replayed: ${e.replay.lagHours ?? 'never'}` : e.lagHours} h after the start)\t${e.channels.join(',')}\t${e.hashtags.join(' ')}\n`,
        );
  } finally {
    deps.session.close();
  }
  return 0;
}
