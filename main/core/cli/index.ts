import { AtalayaError } from '../db/errors';
import { UsageError, type CliIo } from './args';
import { oneLine } from './reason';
import { authorsCommand } from './commands/authors';
import { checkReplyCommand } from './commands/check-reply';
import { crisesCommand } from './commands/crises';
import { eraseCommand } from './commands/erase';
import { exportCommand } from './commands/export';
import { feedsCommand, pollCommand } from './commands/feeds';
import { importCommand } from './commands/import';
import { reportCommand } from './commands/report';
import { reviewCommand } from './commands/review';
import { scoreCommand } from './commands/score';
import { serveCommand } from './commands/serve';
import { watchCommand } from './commands/watch';
import { workspaceCommand } from './commands/workspace';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  workspace: {
    run: workspaceCommand,
    usage:
      'workspace create FILE --brand NAME [--keyword K]… [--exclude K]… [--handle CHANNEL:HANDLE]… [--timezone TZ] [--hours "mon-fri 09:00-18:00"]\n' +
      '  workspace info --workspace FILE [--json] [--check]\n' +
      '  workspace backup --workspace FILE --out BACKUP\n' +
      '  workspace restore --from BACKUP --to FILE [--force]',
  },
  import: {
    run: importCommand,
    usage:
      'import FILE… --workspace FILE [--format NAME] [--map FIELD=COLUMN,…] [--channel NAME] [--json]\n' +
      '  import undo BATCH --workspace FILE',
  },
  'erase-author': {
    run: eraseCommand,
    usage: 'erase-author --workspace FILE --author CHANNEL:HANDLE [--json]',
  },
  export: {
    run: exportCommand,
    usage:
      'export --workspace FILE --what mentions|authors|kpis --out FILE [--format csv|json|jsonl]',
  },
  feeds: {
    run: feedsCommand,
    usage:
      'feeds add URL --workspace FILE [--name N] [--channel C] [--interval MIN] [--filter] [--no-test] [--json]\n' +
      '  feeds list --workspace FILE [--json]',
  },
  poll: { run: pollCommand, usage: 'poll --workspace FILE --once [--all] [--json]' },
  authors: { run: authorsCommand, usage: 'authors --workspace FILE [--json]' },
  'check-reply': {
    run: checkReplyCommand,
    usage: 'check-reply [TEXT] [--lang auto|es|en] --json  (no TEXT: JSON Lines on stdin)',
  },
  crises: {
    run: crisesCommand,
    usage: 'crises --workspace FILE --json [--at TIME] [--replay] [--sensitivity low|medium|high]',
  },
  report: {
    run: reportCommand,
    usage:
      'report --workspace FILE (--crisis ID | --from DAY|TIME --to DAY|TIME) --out FILE.html|FILE.pdf [--lang es|en] [--anonymize] [--consultant NAME] [--color #hex]',
  },
  review: {
    run: reviewCommand,
    usage:
      'review --workspace FILE [--limit N] [--json]\n' +
      '  review --workspace FILE --label ID=negative|neutral|positive… [--json]',
  },
  score: {
    run: scoreCommand,
    usage: 'score [--lang auto|es|en]  (JSON Lines {"id","text"} on stdin)',
  },
  serve: { run: serveCommand, usage: 'serve --workspace FILE [--port N]' },
  watch: { run: watchCommand, usage: 'watch --workspace FILE --folder DIR [--once] [--json]' },
};

/** Extra commands registered by feature modules (import, poll, score…). */
export function registerCommand(name: string, run: Command, usage: string): void {
  COMMANDS[name] = { run, usage };
}

export function usage(): string {
  return `Usage: atalaya <command> …\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;
}

/**
 * Runs one CLI command. Exit codes follow the contract: 0 success, 1 failure with a one-line
 * reason on stderr, 2 bad usage.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stderr.write(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr.write(`Unknown command: ${name}\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\nUsage: atalaya ${cmd.usage}\n`);
      return 2;
    }
    if (e instanceof AtalayaError) {
      io.stderr.write(`${oneLine(e)}\n`);
      return 1;
    }
    io.stderr.write(`${name} failed: ${String((e as Error).message ?? e).split('\n')[0]}\n`);
    return 1;
  }
}
