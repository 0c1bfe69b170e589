import { analysePeople } from '../../people/authors';
import { listAllPeople } from '../../people/people-query';
import { parse, printJson, requireString, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

/** `authors --workspace FILE --json`: every non-brand author with label, score and reasons. */
export async function authorsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { workspace: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    analysePeople(ws.db, deps.clock.now());
    // judged authors first (most agitator-like on top), then those with too little history
    const authors = listAllPeople(ws.db);
    if (values.json) printJson(io, { authors });
    else {
      for (const a of authors.slice(0, 50))
        io.stdout.write(
          `${a.label.padEnd(20)} ${a.score.toFixed(2)} ${a.channel}:@${a.handle} (${a.posts}) — ${a.reasons[0] ?? ''}\n`,
        );
      // The list stopped at 50, or was empty, without a word.
      if (authors.length === 0)
        io.stderr.write('No authors yet: import an export or poll a feed first\n');
      else if (authors.length > 50)
        io.stderr.write(`… and ${authors.length - 50} more: --json lists them all\n`);
    }
  } finally {
    deps.session.close();
  }
  return 0;
}
