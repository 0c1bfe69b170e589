import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFileSummary } from '../model/imports';
import { importFiles, type ImportDeps } from './import-runner';

export interface FolderScanResult {
  file: string;
  outcome: 'imported' | 'failed' | 'skipped';
  summary?: ImportFileSummary;
  movedTo?: string;
}

const IGNORED = /^(\.|~\$)|\.(part|crdownload|tmp|error\.txt)$/i;

/** Files still being written (size changed within the settle time) are left for the next scan. */
function isSettled(path: string, now: number, settleMs: number): boolean {
  const st = statSync(path);
  return st.isFile() && now - st.mtimeMs >= settleMs;
}

function moveInto(folder: string, sub: string, name: string): string {
  const dir = join(folder, sub);
  mkdirSync(dir, { recursive: true });
  let target = join(dir, name);
  for (let i = 1; ; i++) {
    try {
      statSync(target);
      target = join(dir, `${i}-${name}`); // never overwrite an earlier file of the same name
    } catch {
      break;
    }
  }
  renameSync(join(folder, name), target);
  return target;
}

/**
 * One pass over a watched folder: every settled export dropped in is imported, then moved to
 * `imported/`, or to `failed/` with a `.error.txt` beside it saying why.
 */
export async function scanWatchedFolder(
  deps: ImportDeps,
  folder: string,
  opts: { settleMs?: number; nowMs?: number; sourceId?: number | null } = {},
): Promise<FolderScanResult[]> {
  const results: FolderScanResult[] = [];
  const now = opts.nowMs ?? Date.now();
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (IGNORED.test(name)) continue;
    try {
      if (!isSettled(path, now, opts.settleMs ?? 2000)) {
        if (statSync(path).isFile()) results.push({ file: name, outcome: 'skipped' });
        continue;
      }
    } catch {
      continue; // vanished between listing and stat
    }
    const summary = await importFiles(deps, [path], {
      kind: 'folder',
      sourceId: opts.sourceId ?? null,
    });
    const file = summary.files[0];
    if (!file || file.status === 'refused') {
      const movedTo = moveInto(folder, 'failed', name);
      const reasons = summary.errors.map(
        (e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.reason}`,
      );
      writeFileSync(
        `${movedTo}.error.txt`,
        `Atalaya could not import ${name}.\n\n${reasons.join('\n')}\n`,
      );
      results.push({ file: name, outcome: 'failed', summary: file, movedTo });
    } else {
      const movedTo = moveInto(folder, 'imported', name);
      if (file.rejected > 0) {
        const lines = summary.errors.map((e) => `line ${e.line ?? '?'}: ${e.reason}`);
        writeFileSync(
          `${movedTo}.error.txt`,
          `${file.rejected} rows of ${name} were rejected:\n\n${lines.join('\n')}\n`,
        );
      }
      results.push({ file: name, outcome: 'imported', summary: file, movedTo });
    }
  }
  return results;
}
