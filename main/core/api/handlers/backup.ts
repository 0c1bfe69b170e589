import { backupFolder, backupWorkspace, listBackups, newBackupPath } from '../../db/backup';
import type { Handlers } from '../handler-types';
import { warmCrises } from '../crisis-alerts';
import { scheduleReanalysis } from '../reanalysis-job';
import { appInfo } from './workspace';

export const backupHandlers: Pick<
  Handlers,
  'workspace.backups' | 'workspace.backup' | 'workspace.restore'
> = {
  'workspace.backups': (deps) => {
    const ws = deps.session.require();
    return { folder: backupFolder(ws.path), items: listBackups(ws.path) };
  },
  // SQLite's online backup: a consistent copy while the app goes on working.
  'workspace.backup': async (deps) => {
    const ws = deps.session.require();
    const target = newBackupPath(ws.path, deps.clock.now());
    await backupWorkspace(ws, target);
    const made = listBackups(ws.path).find((b) => b.path === target);
    if (!made) throw new Error(`the backup ${target} vanished after it was written`);
    return made;
  },
  'workspace.restore': (deps, input) => {
    const ws = deps.session.restore(input.path, input.backup, deps.clock.now());
    scheduleReanalysis(deps); // a backup can predate today's rules or model
    void warmCrises(deps); // the Crises page's first visit finds the detectors' inputs read
    deps.emit('workspace.changed', { path: ws.path });
    return appInfo(deps);
  },
};
