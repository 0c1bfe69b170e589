import { addFeed, listFeeds } from '../../db/feeds-repo';
import { AtalayaError } from '../../db/errors';
import { isChannel } from '../../model/channels';
import { pollFeeds, testFeed } from '../../sources/feeds/poller';
import { pollDepsFor } from '../../sources/workspace-deps';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

async function add(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    name: { type: 'string' },
    channel: { type: 'string' },
    interval: { type: 'string' },
    filter: { type: 'boolean' },
    'no-test': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const url = positionals[0];
  if (!url || positionals.length !== 1) throw new UsageError('feeds add needs one URL');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`Not a web address: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError('A feed address starts with http:// or https://');
  if (values.channel !== undefined && !isChannel(values.channel))
    throw new UsageError(`Unknown --channel ${values.channel}`);
  const interval = values.interval === undefined ? 60 : Number(values.interval);
  if (!Number.isInteger(interval) || interval < 5)
    throw new UsageError('--interval is in minutes, at least 5');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    let title: string | null = null;
    if (!values['no-test']) {
      // A test fetch before saving, so a typo is caught now rather than at the first poll.
      try {
        const t = await testFeed(url, { fetch: deps.fetch });
        title = t.title;
        io.stderr.write(`${t.title ?? url}: ${t.items} items (${t.channel})\n`);
      } catch (e) {
        throw new AtalayaError(
          'validation',
          `${url} could not be read as a feed: ${(e as Error).message} (use --no-test to add it anyway)`,
        );
      }
    }
    const feed = addFeed(
      ws.db,
      {
        url,
        name: values.name ?? title ?? parsed.hostname,
        channel: (values.channel as never) ?? null,
        intervalMinutes: interval,
        keywordFilter: values.filter === true,
      },
      deps.clock.now(),
    );
    if (values.json) printJson(io, feed);
    else io.stderr.write(`Added feed ${feed.id}: ${feed.name}\n`);
  } finally {
    deps.session.close();
  }
  return 0;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { workspace: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const feeds = listFeeds(ws.db);
    if (values.json) printJson(io, { feeds });
    else
      for (const f of feeds)
        io.stdout.write(
          `${f.id}\t${f.paused ? 'paused' : f.failures ? 'failing' : 'ok'}\t${f.itemsTotal}\t${f.url}\t${f.lastError ?? ''}\n`,
        );
  } finally {
    deps.session.close();
  }
  return 0;
}

export async function feedsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return add(rest, io);
  if (sub === 'list') return list(rest, io);
  throw new UsageError(
    sub ? `Unknown feeds subcommand: ${sub}` : 'feeds needs a subcommand: add or list',
  );
}

export async function pollCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    {
      workspace: { type: 'string' },
      once: { type: 'boolean' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    false,
  );
  if (!values.once)
    throw new UsageError('poll runs one cycle and needs --once (the app polls continuously)');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const s = await pollFeeds(pollDepsFor(ws.db, deps.clock.now, deps.fetch), {
      all: values.all === true,
    });
    const out = {
      feeds: s.feeds,
      new: s.new,
      notModified: s.notModified,
      failed: s.failed,
      results: s.results,
    };
    if (values.json) printJson(io, out);
    else if (s.feeds === 0) {
      // "0 feeds polled" read as if the workspace had none, or polling were broken.
      const waiting = listFeeds(ws.db).filter((f) => !f.paused);
      const due = waiting.flatMap((f) => (f.nextDueAt === null ? [] : [f.nextDueAt]));
      const next = due.length ? `; the next at ${new Date(Math.min(...due)).toISOString()}` : '';
      io.stderr.write(
        waiting.length === 0
          ? 'No feeds to poll: add one with feeds add URL --workspace FILE\n'
          : `No feed is due yet (${waiting.length} feeds${next}): --all polls them all now\n`,
      );
    } else {
      io.stderr.write(
        `${s.feeds} feeds polled: ${s.new} new mentions, ${s.notModified} unchanged, ${s.failed} failed\n`,
      );
      for (const r of s.results.filter((x) => x.error))
        io.stderr.write(`  feed ${r.feedId}: ${r.error}\n`);
    }
  } finally {
    deps.session.close();
  }
  return 0;
}
