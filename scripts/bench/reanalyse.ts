import { ANALYSIS_VERSION } from '../../main/core/analysis';
import { readProfile } from '../../main/core/db/profile-repo';
import { reanalyseMentions } from '../../main/core/db/reanalyse';
import { rebuildRollups } from '../../main/core/db/rollups';
import { openWorkspaceFile } from '../../main/core/db/workspace-file';

/**
 * The re-analysis job on an imported workspace made to look as an older app left it (every
 * row of the previous rules version, one in five with the opposite polarity), timed end to
 * end: select, analyse, compare, write, move the rollups, commit per 2,000 rows.
 */
export function benchReanalyse(wsPath: string): Record<string, number> {
  const ws = openWorkspaceFile(wsPath);
  try {
    const tz = readProfile(ws.db).timezone;
    ws.db.exec(
      `UPDATE mentions SET analysis_version = ${ANALYSIS_VERSION - 1},
         sentiment = CASE WHEN id % 5 = 0 THEN -sentiment ELSE sentiment END`,
    );
    rebuildRollups(ws.db, tz);
    const t = performance.now();
    const p = reanalyseMentions(ws.db);
    const seconds = (performance.now() - t) / 1000;
    return {
      rows: p.done,
      changed: p.changed,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSec: Math.round(p.done / seconds),
    };
  } finally {
    ws.close();
  }
}
