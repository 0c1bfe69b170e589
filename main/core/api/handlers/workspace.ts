import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AtalayaError } from '../../db/errors';
import { SCHEMA_VERSION } from '../../db/migrate';
import { readProfile, writeProfile } from '../../db/profile-repo';
import { rebuildResponseRollups } from '../../db/response-rollups';
import { rebuildRollups } from '../../db/rollups';
import type { AppInfo, WorkspaceDetails } from '../contract';
import type { Deps } from '../deps';
import type { Handlers } from '../handler-types';
import { warmCrises } from '../crisis-alerts';
import { scheduleReanalysis } from '../reanalysis-job';

export function appInfo(deps: Deps): AppInfo {
  return {
    version: deps.version,
    mode: deps.mode,
    schemaVersion: SCHEMA_VERSION,
    workspace: deps.session.describe(),
    canPickFiles: Boolean(deps.choosePath),
    demoAvailable: Boolean(deps.demo && existsSync(deps.demo.source)) && !deps.session.locked,
    openFailure: openFailure(deps),
  };
}

function openFailure(deps: Deps): AppInfo['openFailure'] {
  const f = deps.session.openFailure;
  if (!f || deps.session.current) return null;
  const { code, message, details } = f.error;
  return {
    path: f.path,
    name: basename(f.path),
    backup: f.backup,
    error: { code, message, details },
  };
}

export function workspaceDetails(deps: Deps): WorkspaceDetails {
  const ws = deps.session.require();
  const count = (sql: string): number => (ws.db.prepare(sql).get() as { n: number }).n;
  return {
    ...readProfile(ws.db),
    path: ws.path,
    name: basename(ws.path),
    schemaVersion: ws.db.pragma('user_version', { simple: true }) as number,
    counts: {
      mentions: count('SELECT count(*) AS n FROM mentions'),
      authors: count('SELECT count(*) AS n FROM authors'),
      batches: count("SELECT count(*) AS n FROM import_batches WHERE kind <> 'feed'"),
      feeds: count("SELECT count(*) AS n FROM sources WHERE kind = 'feed'"),
    },
    recoveredFromUncleanShutdown: ws.recoveredFromUncleanShutdown,
  };
}

function requireUnlocked(deps: Deps): void {
  if (deps.session.locked) {
    throw new AtalayaError(
      'unsupported',
      'This window is tied to one workspace; start Atalaya with another file to switch',
      { key: 'lockedWorkspace' },
    );
  }
}

export const workspaceHandlers: Pick<
  Handlers,
  | 'app.info'
  | 'workspace.get'
  | 'workspace.update'
  | 'workspace.recent'
  | 'workspace.open'
  | 'workspace.choose'
  | 'workspace.create'
  | 'workspace.check'
  | 'workspace.openDemo'
> = {
  'workspace.openDemo': (deps) => {
    requireUnlocked(deps);
    if (!deps.demo || !existsSync(deps.demo.source))
      throw new AtalayaError('unavailable', 'The demo workspace is not installed');
    // A fresh copy each time: the demo can be explored and changed without spoiling it.
    mkdirSync(deps.demo.targetDir, { recursive: true });
    const target = join(deps.demo.targetDir, `demo-${deps.clock.now()}.atalaya`);
    copyFileSync(deps.demo.source, target);
    const ws = deps.session.open(target, deps.clock.now());
    scheduleReanalysis(deps); // rows an older app analysed get today's rules
    void warmCrises(deps); // the Crises page's first visit finds the detectors' inputs read
    deps.emit('workspace.changed', { path: ws.path });
    return appInfo(deps);
  },
  'app.info': (deps) => appInfo(deps),
  'workspace.get': (deps) => workspaceDetails(deps),
  'workspace.update': (deps, input) => {
    const ws = deps.session.require();
    const before = readProfile(ws.db);
    writeProfile(ws.db, input, deps.clock.now());
    const handlesChanged =
      JSON.stringify(before.handles) !== JSON.stringify(readProfile(ws.db).handles);
    // Local days and brand flags are rollup dimensions: recompute them when either changes.
    if (before.timezone !== input.timezone || handlesChanged) rebuildRollups(ws.db, input.timezone);
    // Business-hours response times are stored in the response rollups.
    else if (
      JSON.stringify([before.hours, before.holidays]) !==
      JSON.stringify([input.hours, input.holidays])
    )
      rebuildResponseRollups(ws.db, input.timezone);
    deps.emit('workspace.changed', { path: ws.path });
    return workspaceDetails(deps);
  },
  'workspace.recent': (deps) => ({ items: deps.session.recent.list() }),
  'workspace.open': (deps, input) => {
    requireUnlocked(deps);
    // The UI never names arbitrary files: only ones the user picked in a native dialog or
    // opened before can be opened.
    if (!deps.session.isAllowed(input.path)) {
      throw new AtalayaError('validation', 'Choose the workspace file with the Open button first', {
        key: 'chooseWithOpen',
      });
    }
    const ws = deps.session.open(input.path, deps.clock.now());
    scheduleReanalysis(deps); // rows an older app analysed get today's rules
    void warmCrises(deps); // the Crises page's first visit finds the detectors' inputs read
    deps.emit('workspace.changed', { path: ws.path });
    return appInfo(deps);
  },
  'workspace.choose': async (deps, input) => {
    requireUnlocked(deps);
    if (!deps.choosePath) {
      throw new AtalayaError('unsupported', 'Choosing files needs the desktop app');
    }
    const path = await deps.choosePath(input.purpose);
    if (path) deps.session.allow(path);
    return { path };
  },
  'workspace.create': (deps, input) => {
    requireUnlocked(deps);
    if (!deps.session.isAllowed(input.path)) {
      throw new AtalayaError(
        'validation',
        'Choose where to save the workspace with the Create button first',
      );
    }
    const ws = deps.session.create(input.path, input.profile, deps.clock.now());
    deps.emit('workspace.changed', { path: ws.path });
    return appInfo(deps);
  },
  'workspace.check': (deps) => {
    const ws = deps.session.require();
    const rows = ws.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const details = rows.map((r) => r.integrity_check);
    return {
      ok: details.length === 1 && details[0] === 'ok',
      details,
      checkedAt: deps.clock.now(),
    };
  },
};
