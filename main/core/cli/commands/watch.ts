import { loadWorkspaceModels } from '../../db/corrections-repo';
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { addWatchedFolder } from '../../db/folders-repo';
import { readProfile } from '../../db/profile-repo';
import { createAnalyzer } from '../../sources/analyzer';
import { scanWatchedFolder } from '../../sources/watch-folder';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

/** `watch --workspace FILE --folder DIR [--once]`: imports export files dropped into DIR. */
export async function watchCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    {
      workspace: { type: 'string' },
      folder: { type: 'string' },
      once: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    false,
  );
  const folder = resolve(requireString(values.folder, '--folder'));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--folder must be an existing folder (${folder})`);
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    const profile = readProfile(ws.db);
    const sourceId = addWatchedFolder(ws.db, folder, deps.clock.now());
    const importDeps = {
      db: ws.db,
      timezone: profile.timezone,
      now: deps.clock.now,
      analyze: createAnalyzer(profile, loadWorkspaceModels(ws.db)),
    };
    const pass = async (): Promise<void> => {
      const r = await scanWatchedFolder(importDeps, folder, { sourceId });
      for (const x of r.filter((y) => y.outcome !== 'skipped')) {
        io.stderr.write(
          `${x.file}: ${x.outcome === 'imported' ? `${x.summary?.imported ?? 0} new mentions` : 'failed, see the .error.txt beside it'}\n`,
        );
      }
      if (values.json) printJson(io, { files: r });
    };
    await pass();
    if (!values.once) {
      io.stderr.write(`Watching ${folder} — press Ctrl+C to stop\n`);
      await new Promise<void>((done) => {
        const timer = setInterval(() => void pass(), 5000);
        process.once('SIGINT', () => {
          clearInterval(timer);
          done();
        });
      });
    }
  } finally {
    deps.session.close();
  }
  return 0;
}
