import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RecentWorkspace } from '../api/contract';

const MAX_RECENT = 12;

interface Entry {
  path: string;
  brand: string | null;
  openedAt: number;
}

/** Recently opened workspaces, kept in a small JSON file in the app's settings folder. */
export class RecentStore {
  constructor(private file: string | null) {}

  private read(): Entry[] {
    if (!this.file || !existsSync(this.file)) return [];
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(data)
        ? (data as Entry[]).filter((e) => typeof e?.path === 'string')
        : [];
    } catch {
      return []; // A damaged list is not worth an error: it is rebuilt as workspaces are opened.
    }
  }

  list(): RecentWorkspace[] {
    return this.read().map((e) => ({ ...e, name: basename(e.path), missing: !existsSync(e.path) }));
  }

  has(path: string): boolean {
    return this.read().some((e) => e.path === path);
  }

  remember(path: string, brand: string | null, now: number): void {
    if (!this.file) return;
    const list = [{ path, brand, openedAt: now }, ...this.read().filter((e) => e.path !== path)];
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(list.slice(0, MAX_RECENT), null, 2));
    renameSync(tmp, this.file); // atomic replace: a crash never leaves half a file
  }
}
