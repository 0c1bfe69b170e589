import { finishBatch, startBatch } from '../../db/batches-repo';
import { dueFeeds, getFeed, saveFeedState } from '../../db/feeds-repo';
import { MentionWriter, type Analyzer } from '../../db/mention-writer';
import type { Db } from '../../db/workspace-file';
import type { FeedRow } from '../../model/feeds';
import { feedError } from './feed-errors';
import { fetchFeed, FeedFetchError, type FetchLimits } from './fetch-feed';
import { itemsToMentions, matchesKeywords, parseFeed } from './parse-feed';
import { nextPollAt } from './schedule';

export interface PollDeps {
  db: Db;
  now: () => number;
  fetch?: typeof globalThis.fetch;
  timezone: string;
  keywords: string[];
  excludes: string[];
  analyze?: Analyzer;
  limits?: Partial<FetchLimits>;
}

export interface FeedPollResult {
  feedId: number;
  status: 'ok' | 'not_modified' | 'failed';
  items: number;
  new: number;
  error: string | null;
}

export interface PollSummary {
  feeds: number;
  new: number;
  notModified: number;
  failed: number;
  results: FeedPollResult[];
}

/** Fetches and parses one feed; never throws (a failure is a result). */
async function pollOne(deps: PollDeps, feed: FeedRow): Promise<FeedPollResult> {
  try {
    const res = await fetchFeed(feed.url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      fetch: deps.fetch,
      limits: deps.limits,
      now: deps.now,
    });
    const now = deps.now();
    if (res.kind === 'not_modified') {
      saveFeedState(deps.db, feed.id, {
        etag: res.etag,
        lastModified: res.lastModified,
        lastFetchAt: now,
        lastSuccessAt: now,
        nextDueAt: nextPollAt(feed, 0, now, null),
        failures: 0,
        lastError: null,
        lastStatus: 304,
        newItems: 0,
      });
      return { feedId: feed.id, status: 'not_modified', items: 0, new: 0, error: null };
    }
    const parsed = await parseFeed(res.body, res.contentType, feed.url);
    let mentions = itemsToMentions(parsed.items, feed.channel ?? parsed.channelGuess, now);
    if (feed.keywordFilter)
      mentions = mentions.filter((m) =>
        matchesKeywords(`${m.title ?? ''} ${m.text}`, deps.keywords, deps.excludes),
      );
    let added = 0;
    if (mentions.length > 0) {
      // One batch per poll that brought items, so a feed's items can be undone like an import.
      const batchId = startBatch(deps.db, {
        kind: 'feed',
        sourceId: feed.id,
        fileName: feed.name,
        format: 'feed',
        now,
      });
      const writer = new MentionWriter(deps.db, {
        batchId,
        sourceId: feed.id,
        timezone: deps.timezone,
        now,
        analyze: deps.analyze,
      });
      const r = deps.db.transaction(() => writer.write(mentions))();
      finishBatch(deps.db, batchId, {
        status: 'done',
        imported: r.imported,
        duplicates: r.duplicates,
        rejected: 0,
        errors: [],
        now,
      });
      added = r.imported;
    }
    saveFeedState(deps.db, feed.id, {
      etag: res.etag,
      lastModified: res.lastModified,
      lastFetchAt: now,
      lastSuccessAt: now,
      nextDueAt: nextPollAt(feed, 0, now, null),
      failures: 0,
      lastError: null,
      lastStatus: res.status,
      newItems: added,
    });
    return { feedId: feed.id, status: 'ok', items: parsed.items.length, new: added, error: null };
  } catch (e) {
    const now = deps.now();
    const failures = feed.failures + 1;
    const httpStatus = e instanceof FeedFetchError ? e.httpStatus : null;
    const retry = e instanceof FeedFetchError ? e.retryAfterMs : null;
    const message = (e as Error).message || 'Unknown error';
    saveFeedState(deps.db, feed.id, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      lastFetchAt: now,
      lastSuccessAt: feed.lastSuccessAt,
      nextDueAt: nextPollAt(feed, failures, now, retry),
      failures,
      lastError: message,
      lastStatus: httpStatus,
      newItems: 0,
    });
    return { feedId: feed.id, status: 'failed', items: 0, new: 0, error: message };
  }
}

/**
 * Polls the given feeds (default: the due ones) with a concurrency limit. Network waits
 * overlap; database writes are synchronous, so they never interleave.
 */
export async function pollFeeds(
  deps: PollDeps,
  opts: { feedIds?: number[]; concurrency?: number; all?: boolean } = {},
): Promise<PollSummary> {
  const feeds = opts.feedIds
    ? opts.feedIds.map((id) => getFeed(deps.db, id)).filter((f): f is FeedRow => f !== null)
    : dueFeeds(deps.db, opts.all ? Number.MAX_SAFE_INTEGER : deps.now());
  const results: FeedPollResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const feed = feeds[next++] as FeedRow;
      results.push(await pollOne(deps, feed));
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency ?? 32, Math.max(1, feeds.length)) }, worker),
  );
  results.sort((a, b) => a.feedId - b.feedId);
  return {
    feeds: feeds.length,
    new: results.reduce((a, r) => a + r.new, 0),
    notModified: results.filter((r) => r.status === 'not_modified').length,
    failed: results.filter((r) => r.status === 'failed').length,
    results,
  };
}

/** Fetches a feed without saving anything: what the user sees before adding it. */
export async function testFeed(
  url: string,
  deps: { fetch?: typeof globalThis.fetch; limits?: Partial<FetchLimits> },
): Promise<{ title: string | null; items: number; channel: string; latest: string | null }> {
  const res = await fetchFeed(url, { fetch: deps.fetch, limits: deps.limits });
  if (res.kind !== 'ok') throw new Error(feedError('notModifiedFirst'));
  const parsed = await parseFeed(res.body, res.contentType, url);
  return {
    title: parsed.title,
    items: parsed.items.length,
    channel: parsed.channelGuess,
    latest: parsed.items[0]?.title ?? null,
  };
}
