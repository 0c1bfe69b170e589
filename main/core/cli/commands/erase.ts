import { AtalayaError } from '../../db/errors';
import { eraseAuthor } from '../../db/erase';
import { readProfile } from '../../db/profile-repo';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

/** `erase-author --workspace FILE --author CHANNEL:HANDLE` removes a person's data everywhere. */
export async function eraseCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { workspace: { type: 'string' }, author: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const spec = requireString(values.author, '--author');
  const i = spec.indexOf(':');
  if (i <= 0) throw new UsageError('--author wants CHANNEL:HANDLE, e.g. twitter:@ana');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const r = eraseAuthor(ws.db, spec.slice(0, i), spec.slice(i + 1), readProfile(ws.db).timezone);
    if (!r.found) throw new AtalayaError('not_found', `No author ${spec} in this workspace`);
    if (values.json) printJson(io, r);
    else io.stderr.write(`Erased ${spec}: ${r.mentions} mentions removed everywhere\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}
