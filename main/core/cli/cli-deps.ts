import { resolve } from 'node:path';
import type { Deps } from '../api/deps';
import { stderrLogger, systemClock } from '../api/deps';
import type { OpenOptions } from '../db/workspace-file';
import { FileRegistry } from '../sources/file-registry';
import { RecentStore } from '../workspace/recent-store';
import { WorkspaceSession } from '../workspace/session';
import { APP_VERSION } from '../version';

/** Dependencies for headless use: the real clock and network, stderr for messages. */
export function cliDeps(open: OpenOptions = {}, mode: Deps['mode'] = 'cli'): Deps {
  return {
    clock: systemClock,
    log: stderrLogger,
    fetch: globalThis.fetch,
    session: new WorkspaceSession(new RecentStore(null), true, open),
    mode,
    version: APP_VERSION,
    emit: () => {},
    files: new FileRegistry(),
    // Bundled beside this file as out/cli/import-worker.cjs.
    importWorker: resolve(__dirname, 'import-worker.cjs'),
  };
}
