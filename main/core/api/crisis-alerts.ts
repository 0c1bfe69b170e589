import { detectCrises, preloadInputs } from '../crises';
import {
  decideAlerts,
  loadNotifierState,
  saveNotifierState,
  type CrisisAlert,
} from '../crises/notify';
import { readProfile } from '../db/profile-repo';
import type { Deps } from './deps';

/**
 * After new mentions arrive (feed poll, import, watched folder): runs the detectors on the
 * open workspace and emits `crisis.detected` for what the notifier decides (one popup per
 * episode, rate-limited, quiet updates). The desktop shell turns popups into notifications.
 * A failure here must never fail the import or poll that fed it.
 */
export function checkCrisisAlerts(deps: Deps): CrisisAlert[] {
  const ws = deps.session.current;
  if (!ws) return [];
  try {
    const { episodes } = detectCrises(ws.db, readProfile(ws.db).timezone);
    const { alerts, state } = decideAlerts(episodes, loadNotifierState(ws.db), deps.clock.now());
    saveNotifierState(ws.db, state);
    for (const a of alerts) deps.emit('crisis.detected', a);
    return alerts;
  } catch (e) {
    deps.log.warn(`crisis check failed: ${(e as Error).message}`);
    return [];
  }
}

/** How long after opening a workspace its crisis inputs start loading: the first screen's calls go first. */
export const WARM_DELAY_MS = 1000;

/**
 * After a workspace opens: loads the detectors' inputs in the background (sliced, the event
 * loop free between slices) and runs them once, so the Crises page, a report or the next
 * poll's check does not pay the cold read (~0.3–0.8 s at 1M mentions) when asked. The Today
 * panel does not wait for this: it reads the last run's saved result (crises/latest.ts).
 */
export function warmCrises(deps: Deps, delayMs = WARM_DELAY_MS): Promise<boolean> {
  const ws = deps.session.current;
  if (!ws) return Promise.resolve(false);
  const wanted = (): boolean => deps.session.current === ws;
  return new Promise<boolean>((done) => {
    const timer = setTimeout(() => {
      if (!wanted()) return done(false);
      preloadInputs(ws.db, wanted)
        .then((loaded) => {
          if (loaded && wanted()) detectCrises(ws.db, readProfile(ws.db).timezone);
          done(loaded);
        })
        .catch((e: unknown) => {
          deps.log.warn(`warming the crisis detector failed: ${(e as Error).message}`);
          done(false);
        });
    }, delayMs);
    timer.unref?.();
  });
}
