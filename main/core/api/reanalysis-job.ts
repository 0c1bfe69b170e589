import { analysePeople } from '../people/authors';
import { createReanalysis } from '../db/reanalyse';
import type { WorkspaceSession } from '../workspace/session';
import { checkCrisisAlerts } from './crisis-alerts';
import type { Deps } from './deps';

/** Quiet time after the last sentiment correction before stored scores follow the retrained model. */
export const CORRECTION_SETTLE_MS = 3000;
/** An import or poll was running: try again after this long. */
const BUSY_RETRY_MS = 10_000;

interface JobState {
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  cancelled: boolean;
}

const states = new WeakMap<WorkspaceSession, JobState>();

function stateOf(session: WorkspaceSession): JobState {
  let s = states.get(session);
  if (!s) states.set(session, (s = { timer: null, running: null, cancelled: false }));
  return s;
}

/**
 * Re-analyses the open workspace's stored mentions in the background after `delayMs` (again
 * from the start of the wait on each call: corrections in a row re-analyse once). A run under
 * way is stopped first, keeping what it committed; the new run resumes from there.
 */
export function scheduleReanalysis(deps: Deps, delayMs = 0): void {
  const s = stateOf(deps.session);
  if (s.timer) clearTimeout(s.timer);
  s.timer = setTimeout(() => {
    s.timer = null;
    void (async () => {
      if (s.running) {
        s.cancelled = true;
        await s.running;
      }
      s.cancelled = false;
      s.running = runReanalysis(deps, s).finally(() => {
        s.running = null;
      });
    })();
  }, delayMs);
  s.timer.unref?.();
}

/** Stops the run under way (what it committed stays; the next open resumes). */
export function cancelReanalysis(deps: Deps): boolean {
  const s = stateOf(deps.session);
  if (s.timer) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  if (!s.running) return false;
  s.cancelled = true;
  return true;
}

/** Resolves when no re-analysis runs or waits to run (tests). */
export async function reanalysisSettled(deps: Deps): Promise<void> {
  const s = stateOf(deps.session);
  while (s.timer || s.running) {
    await (s.running ?? new Promise((r) => setTimeout(r, 20)));
  }
}

async function runReanalysis(deps: Deps, s: JobState): Promise<void> {
  const ws = deps.session.current;
  if (!ws) return;
  const end = deps.session.beginReanalysis();
  if (!end) {
    // An import or a poll holds the workspace: it writes with today's analysis anyway.
    scheduleReanalysis(deps, BUSY_RETRY_MS);
    return;
  }
  let changed = 0;
  try {
    const job = createReanalysis(ws.db);
    const p = job.progress;
    if (p.total === 0) return;
    const report = (state: 'running' | 'done' | 'cancelled'): void =>
      deps.emit('analysis.progress', { done: p.done, total: p.total, state });
    report('running');
    let more = true;
    // One chunk per turn of the event loop, so the UI's requests are answered in between.
    while (more && !s.cancelled) {
      if (deps.session.current !== ws || !ws.db.open) return;
      more = job.step();
      // One event per chunk of 2,000 rows (~0.1 s of work).
      if (more) {
        report('running');
        await new Promise((r) => setImmediate(r));
      }
    }
    changed = p.changed;
    report(more ? 'cancelled' : 'done');
  } catch (e) {
    deps.log.warn(`re-analysis stopped: ${(e as Error).message}`);
  } finally {
    end();
  }
  if (changed > 0 && deps.session.current === ws && ws.db.open) {
    // Authors whose posts changed were marked by the mentions' trigger, as after an import.
    analysePeople(ws.db, deps.clock.now());
    deps.emit('workspace.changed', { path: ws.path });
    checkCrisisAlerts(deps);
  }
}
