import { detectCrises } from '../crises';
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
