import { loadWorkspaceModels } from '../../db/corrections-repo';
import type { Deps } from '../../api/deps';
import { checkCrisisAlerts } from '../../api/crisis-alerts';
import { pollWorkspaceFeeds } from '../../api/handlers/sources';
import { listWatchedFolders } from '../../db/folders-repo';
import { readProfile } from '../../db/profile-repo';
import { createAnalyzer } from '../analyzer';
import { scanWatchedFolder } from '../watch-folder';

/**
 * Polls due feeds and scans watched folders of the open workspace every `everyMs` (the desktop app and `serve`). A
 * cycle still running makes the next tick skip, so slow servers never pile up cycles.
 */
export function startFeedScheduler(deps: Deps, everyMs = 60_000): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    // While stored mentions are re-analysed the workspace takes no other job: the next tick polls.
    if (running || !deps.session.current || deps.session.reanalysing) return;
    running = true;
    let endJob = (): void => {};
    try {
      await pollWorkspaceFeeds(deps);
      endJob = deps.session.beginJob(); // the folder scans below write through ws.db too
      const ws = deps.session.current;
      if (ws) {
        const profile = readProfile(ws.db);
        for (const f of listWatchedFolders(ws.db).filter((x) => !x.paused)) {
          const r = await scanWatchedFolder(
            {
              db: ws.db,
              timezone: profile.timezone,
              now: deps.clock.now,
              analyze: createAnalyzer(profile, loadWorkspaceModels(ws.db)),
            },
            f.path,
            { sourceId: f.id },
          );
          if (r.some((x) => x.outcome !== 'skipped')) {
            deps.emit('workspace.changed', { path: ws.path });
            checkCrisisAlerts(deps);
          }
        }
      }
    } catch (e) {
      deps.log.warn(`feed polling failed: ${(e as Error).message}`);
    } finally {
      endJob();
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref?.();
  void tick();
  return () => clearInterval(timer);
}
