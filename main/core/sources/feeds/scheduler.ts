import type { Deps } from '../../api/deps';
import { pollWorkspaceFeeds } from '../../api/handlers/sources';

/**
 * Polls due feeds of the open workspace every `everyMs` (the desktop app and `serve`). A
 * cycle still running makes the next tick skip, so slow servers never pile up cycles.
 */
export function startFeedScheduler(deps: Deps, everyMs = 60_000): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running || !deps.session.current) return;
    running = true;
    try {
      await pollWorkspaceFeeds(deps);
    } catch (e) {
      deps.log.warn(`feed polling failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref?.();
  void tick();
  return () => clearInterval(timer);
}
