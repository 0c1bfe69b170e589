import { basename } from 'node:path';
import { listBatches, undoBatch } from '../../db/batches-repo';
import { AtalayaError } from '../../db/errors';
import { addFeed, getFeed, listFeeds, removeFeed, updateFeedSettings } from '../../db/feeds-repo';
import { readProfile } from '../../db/profile-repo';
import { buildFeedUrls } from '../../sources/feeds/feed-urls';
import { parseOpml, writeOpml } from '../../sources/feeds/opml';
import { pollFeeds, testFeed } from '../../sources/feeds/poller';
import { importFiles } from '../../sources/import-runner';
import { importDepsFor, pollDepsFor } from '../../sources/workspace-deps';
import { fileColumns, ImportFileError, previewRows } from '../../sources/importers';
import { FIXED_IN_APP, readFileReason } from '../../sources/importers/file-reasons';
import { withReasonKey } from '../../sources/importers/row-reasons';
import { readFeedError } from '../../sources/feeds/feed-errors';
import { readMeta, writeMeta } from '../../db/meta';
import type { FeedRow } from '../../model/feeds';
import { checkCrisisAlerts } from '../crisis-alerts';
import type { Deps } from '../deps';
import type { Handlers } from '../handler-types';
import { analysePeople } from '../../people/authors';

type SourceMethods =
  | 'sources.preview'
  | 'sources.presets'
  | 'sources.savePreset'
  | 'sources.choose'
  | 'sources.upload'
  | 'sources.import'
  | 'sources.cancel'
  | 'sources.discard'
  | 'sources.batches'
  | 'sources.undo'
  | 'feeds.list'
  | 'feeds.add'
  | 'feeds.update'
  | 'feeds.remove'
  | 'feeds.test'
  | 'feeds.poll'
  | 'feeds.suggest'
  | 'feeds.exportOpml'
  | 'feeds.importOpml';

/** Imports under way, by file token, so the UI can cancel them. */
const running = new Map<string, AbortController>();

/** Polls feeds of the open workspace and tells the UI; used by "poll now" and the schedulers. */
export function pollWorkspaceFeeds(deps: Deps, ids?: number[]) {
  return deps.session.busy(() => pollOpenWorkspace(deps, ids));
}

async function pollOpenWorkspace(deps: Deps, ids?: number[]) {
  const ws = deps.session.require();
  const s = await pollFeeds(
    pollDepsFor(ws.db, deps.clock.now, deps.fetch),
    ids ? { feedIds: ids } : {},
  );
  const summary = { feeds: s.feeds, new: s.new, notModified: s.notModified, failed: s.failed };
  if (s.new > 0) analysePeople(ws.db, deps.clock.now());
  if (s.feeds > 0) {
    deps.emit('feeds.polled', summary);
    if (s.new > 0) {
      emitChanged(deps);
      checkCrisisAlerts(deps);
    }
  }
  return summary;
}

/** A feed with its last error's key and values, for the UI (unchanged when it has none). */
function withFeedErrorKey(f: FeedRow): FeedRow {
  const said = f.lastError ? readFeedError(f.lastError) : null;
  return said ? { ...f, lastErrorKey: said.key, lastErrorParams: said.params } : f;
}

function emitChanged(deps: Deps): void {
  deps.emit('workspace.changed', { path: deps.session.current?.path ?? null });
}

function readPresets(
  db: import('../../db/workspace-file').Db,
): Array<{ name: string; map: Record<string, string> }> {
  const saved = readMeta(db, 'mapping_presets');
  return saved !== undefined
    ? (JSON.parse(saved) as Array<{ name: string; map: Record<string, string> }>)
    : [];
}

export const sourceHandlers: Pick<Handlers, SourceMethods> = {
  'sources.preview': async (deps, input) => {
    const file = deps.files.get(input.fileToken);
    const cols = fileColumns(file.path, input.format ?? 'auto');
    try {
      const p = await previewRows(file.path, 10, { format: input.format, map: input.map });
      return {
        format: p.format,
        columns: cols.columns,
        suggested: cols.suggested,
        channel: p.channelHint,
        rows: p.rows.map((r) =>
          r.ok
            ? {
                line: r.line,
                ok: true,
                date: new Date(r.mention.postedAt).toISOString(),
                author: r.mention.authorHandle,
                text: r.mention.text.slice(0, 280),
              }
            : withReasonKey({ line: r.line, ok: false, reason: r.reason }),
        ),
        error: null,
      };
    } catch (e) {
      const error = e instanceof ImportFileError ? e.reason : (e as Error).message;
      const said = readFileReason(error);
      return {
        format: cols.format,
        columns: cols.columns,
        suggested: cols.suggested,
        channel: null,
        rows: [],
        error,
        ...(said ? { errorKey: said.key, errorParams: said.params } : {}),
      };
    }
  },
  'sources.presets': (deps) => ({ items: readPresets(deps.session.require().db) }),
  'sources.savePreset': (deps, input) => {
    const db = deps.session.require().db;
    const list = readPresets(db).filter((p) => p.name !== input.name);
    list.push({ name: input.name, map: input.map as Record<string, string> });
    writeMeta(db, 'mapping_presets', JSON.stringify(list));
    return { saved: true };
  },
  'sources.choose': async (deps) => {
    if (!deps.chooseImportFiles) {
      throw new AtalayaError(
        'unsupported',
        'Choosing files needs the desktop app: drop the file on the page instead',
        { key: 'dropInstead' },
      );
    }
    const paths = await deps.chooseImportFiles();
    return {
      files: paths
        .map((p) => deps.files.register(p))
        .map(({ token, name, size }) => ({ token, name, size })),
    };
  },
  'sources.upload': (deps, input) => {
    const r = deps.files.appendChunk(
      input.uploadId,
      input.name,
      Buffer.from(input.data, 'base64'),
      input.last,
    );
    return {
      uploadId: r.uploadId,
      file: r.file ? { token: r.file.token, name: r.file.name, size: r.file.size } : null,
    };
  },
  'sources.import': async (deps, input) => {
    const ws = deps.session.require();
    const file = deps.files.get(input.fileToken);
    const endJob = deps.session.beginJob(); // restore waits for it; refused while re-analysing
    const ac = new AbortController();
    running.set(input.fileToken, ac);
    let kept = false;
    try {
      const summary = await importFiles(
        importDepsFor(ws.db, deps.clock.now, deps.importWorker),
        [file.path],
        {
          format: input.format,
          map: input.map,
          channel: input.channel,
          signal: ac.signal,
          onProgress: (p) => deps.emit('import.progress', { ...p, file: file.name }),
        },
      );
      // Reported under the name the user knows (a picked file, or the name an upload kept).
      for (const f of summary.files) {
        const said = f.reason ? readFileReason(f.reason, basename(file.path)) : null;
        if (said) Object.assign(f, { key: said.key, params: said.params });
        f.file = file.name;
        // Refused for its columns or format: kept for the mapping preview, so the user fixes
        // them at once instead of dropping the file again.
        if (said && f.status === 'refused' && FIXED_IN_APP.has(said.key)) {
          f.kept = { token: file.token, name: file.name, size: file.size };
          kept = true;
        }
      }
      summary.errors = summary.errors.map((e) => withReasonKey({ ...e, file: file.name }));
      // Only the authors the new mentions touch are recomputed (see analysePeople).
      if (summary.imported > 0) analysePeople(ws.db, deps.clock.now());
      if (summary.imported > 0) checkCrisisAlerts(deps);
      return summary;
    } finally {
      running.delete(input.fileToken);
      endJob();
      if (!kept) deps.files.release(input.fileToken);
      emitChanged(deps);
    }
  },
  'sources.cancel': (_deps, input) => {
    const ac = running.get(input.fileToken);
    ac?.abort();
    return { cancelled: Boolean(ac) };
  },
  'sources.discard': (deps, input) => ({ discarded: deps.files.release(input.fileToken) }),
  'sources.batches': (deps) => ({ items: listBatches(deps.session.require().db) }),
  'sources.undo': (deps, input) => {
    const ws = deps.session.require();
    const removed = undoBatch(ws.db, input.batchId, readProfile(ws.db).timezone, deps.clock.now());
    emitChanged(deps);
    return { removed };
  },
  'feeds.list': (deps) => ({ items: listFeeds(deps.session.require().db).map(withFeedErrorKey) }),
  'feeds.add': (deps, input) => {
    const ws = deps.session.require();
    const feed = addFeed(
      ws.db,
      {
        url: input.url,
        name: input.name || new URL(input.url).hostname,
        channel: input.channel ?? null,
        intervalMinutes: input.intervalMinutes,
        keywordFilter: input.keywordFilter,
      },
      deps.clock.now(),
    );
    emitChanged(deps);
    return feed;
  },
  'feeds.update': (deps, input) => {
    const { id, ...changes } = input;
    const feed = updateFeedSettings(deps.session.require().db, id, changes, deps.clock.now());
    emitChanged(deps);
    return feed;
  },
  'feeds.test': async (deps, input) => {
    try {
      return await testFeed(input.url, { fetch: deps.fetch });
    } catch (e) {
      const reason = (e as Error).message;
      const said = readFeedError(reason) ?? { key: 'other', params: { detail: reason } };
      throw new AtalayaError('unavailable', `${input.url} could not be read as a feed: ${reason}`, {
        key: 'feedUnreadable',
        params: { url: input.url, reason },
        reason: { key: `sources.feedErrors.${said.key}`, params: said.params },
      });
    }
  },
  'feeds.poll': (deps, input) =>
    pollWorkspaceFeeds(deps, input.ids ?? listFeeds(deps.session.require().db).map((f) => f.id)),
  'feeds.suggest': (deps) => ({
    items: buildFeedUrls(readProfile(deps.session.require().db).keywords),
  }),
  'feeds.exportOpml': (deps) => {
    const db = deps.session.require().db;
    return {
      xml: writeOpml(
        `${readProfile(db).brand} — Atalaya`,
        listFeeds(db).map((f) => ({ title: f.name, xmlUrl: f.url })),
      ),
    };
  },
  'feeds.importOpml': (deps, input) => {
    const db = deps.session.require().db;
    let added = 0;
    let skipped = 0;
    for (const f of parseOpml(input.xml)) {
      try {
        addFeed(db, { url: f.xmlUrl, name: f.title }, deps.clock.now());
        added++;
      } catch {
        skipped++; // already in the workspace
      }
    }
    emitChanged(deps);
    return { added, skipped };
  },
  'feeds.remove': (deps, input) => {
    const db = deps.session.require().db;
    if (!getFeed(db, input.id))
      throw new AtalayaError('not_found', `No feed ${input.id} in this workspace`);
    removeFeed(db, input.id);
    emitChanged(deps);
    return { removed: true };
  },
};
