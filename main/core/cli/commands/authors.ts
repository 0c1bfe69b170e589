import { analyseAuthors } from '../../people/authors';
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
    const list = analyseAuthors(ws.db, deps.clock.now()).sort(
      // judged authors first (most agitator-like on top), then those with too little history
      (a, b) =>
        +(a.label === 'insufficient_history') - +(b.label === 'insufficient_history') ||
        b.score - a.score ||
        b.posts - a.posts,
    );
    const authors = list.map((a) => ({
      channel: a.channel,
      handle: a.handle,
      label: a.label,
      score: a.score,
      reasons: a.reasons,
      posts: a.posts,
      evidence: a.evidence,
      overridden: a.overridden,
    }));
    if (values.json) printJson(io, { authors });
    else
      for (const a of authors.slice(0, 50))
        io.stdout.write(
          `${a.label.padEnd(20)} ${a.score.toFixed(2)} ${a.channel}:@${a.handle} (${a.posts}) — ${a.reasons[0] ?? ''}\n`,
        );
  } finally {
    deps.session.close();
  }
  return 0;
}
