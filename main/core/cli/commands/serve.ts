import { resolve } from 'node:path';
import { EventHub } from '../../api/event-hub';
import { AtalayaError } from '../../db/errors';
import { warmCrises } from '../../api/crisis-alerts';
import { scheduleReanalysis } from '../../api/reanalysis-job';
import { startServer } from '../../server/http-server';
import { startFeedScheduler } from '../../sources/feeds/scheduler';
import { parse, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';
import { oneLine } from '../reason';

/** Where the built renderer lives relative to the bundled CLI (out/cli → out/renderer). */
function defaultRendererDir(): string {
  return resolve(__dirname, '../renderer');
}

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    { workspace: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
    false,
  );
  const file = requireString(values.workspace, '--workspace');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0..65535 (got ${values.port})`);
  const hub = new EventHub();
  const deps = { ...cliDeps({}, 'serve'), emit: hub.emit.bind(hub) };
  try {
    deps.session.open(file, deps.clock.now());
  } catch (e) {
    // A damaged workspace with a checked backup: serve anyway, so the page can offer the
    // restore (Restore from backup on the first screen) instead of a dead end.
    if (!(e instanceof AtalayaError) || !deps.session.openFailure) throw e;
    io.stderr.write(`${oneLine(e)}\n(or open the page to restore it from the browser)\n`);
  }
  const server = await startServer({
    deps,
    hub,
    port,
    rendererDir: values.renderer ?? defaultRendererDir(),
  });
  io.stdout.write(`${server.url}\n`);
  const stopPolling = startFeedScheduler(deps);
  // Rows an older version analysed get today's rules, in the background.
  scheduleReanalysis(deps);
  void warmCrises(deps); // the Crises page's first visit finds the detectors' inputs read
  io.stderr.write(`Serving ${file} on 127.0.0.1:${server.port} — press Ctrl+C to stop\n`);
  await new Promise<void>((done) => {
    const stop = (): void => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopPolling();
  await server.close();
  deps.session.close();
  deps.files.close();
  return 0;
}
