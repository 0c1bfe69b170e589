import type { Channel } from './channels';

/** A polled feed and its polling state (rows of `sources` with kind = 'feed'). */
export interface FeedRow {
  id: number;
  name: string;
  url: string;
  channel: Channel | null;
  intervalMinutes: number;
  paused: boolean;
  keywordFilter: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: number | null;
  lastSuccessAt: number | null;
  nextDueAt: number | null;
  failures: number;
  lastError: string | null;
  /** `lastError` as a key the UI says in its language (feeds/feed-errors.ts), when it has one. */
  lastErrorKey?: string;
  lastErrorParams?: Record<string, string | number>;
  lastStatus: number | null;
  itemsTotal: number;
  createdAt: number;
}
