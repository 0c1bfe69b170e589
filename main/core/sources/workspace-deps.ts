import { loadWorkspaceModels, loadWorkspaceModelsJson } from '../db/corrections-repo';
import { readProfile } from '../db/profile-repo';
import type { Db } from '../db/workspace-file';
import { createAnalyzer } from './analyzer';
import type { PollDeps } from './feeds/poller';
import type { ImportDeps } from './import-runner';

/**
 * What the feed poller needs for one workspace, read from it: the profile's time zone and
 * keyword filter, and the analyzer with the workspace's correction model. The app and the CLI
 * poll with the same.
 */
export function pollDepsFor(
  db: Db,
  now: () => number,
  fetch: typeof globalThis.fetch | undefined,
): PollDeps {
  const profile = readProfile(db);
  return {
    db,
    now,
    fetch,
    timezone: profile.timezone,
    keywords: profile.keywords,
    excludes: profile.excludes,
    analyze: createAnalyzer(profile, loadWorkspaceModels(db)),
  };
}

/**
 * What the import runner needs for one workspace: its time zone, the analyzer with the
 * workspace's model and, when the bundled worker script is at hand, the same model for the
 * worker that reads and analyses on a second core.
 */
export function importDepsFor(db: Db, now: () => number, workerScript?: string): ImportDeps {
  const profile = readProfile(db);
  return {
    db,
    timezone: profile.timezone,
    now,
    analyze: createAnalyzer(profile, loadWorkspaceModels(db)),
    worker: workerScript
      ? { script: workerScript, modelJson: loadWorkspaceModelsJson(db) }
      : undefined,
  };
}
