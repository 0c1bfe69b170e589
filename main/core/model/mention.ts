import type { Channel } from './channels';

/**
 * A mention as produced by an importer or a feed before it is stored.
 * Importers and feeds only normalise; the store assigns ids, authors and analysis.
 */
export interface MentionInput {
  channel: Channel;
  /** Id given by the platform (tweet id, guid…); null when the source has none. */
  externalId: string | null;
  /** Epoch milliseconds, UTC. */
  postedAt: number;
  /**
   * True when the source gave no date and `postedAt` is when the item was fetched (a feed
   * item without one): the natural key then leaves the time out, or every poll would differ.
   */
  undated?: boolean;
  text: string;
  title?: string | null;
  url?: string | null;
  /** Handle without a leading "@"; null for anonymous items. */
  authorHandle: string | null;
  authorName?: string | null;
  authorFollowers?: number | null;
  /** Epoch ms of the author account's creation, when the export has it. */
  authorCreatedAt?: number | null;
  lang?: string | null;
  /** Star rating normalised to 1..5, reviews only. */
  rating?: number | null;
  likes?: number | null;
  shares?: number | null;
  replies?: number | null;
  /** External id of the mention this one answers (same channel). */
  replyToId?: string | null;
  /** External id of the thread / conversation root (same channel). */
  threadId?: string | null;
  /** True when the export itself says the brand wrote it (an owner's reply to a review). */
  fromBrand?: boolean;
  /** Original record, kept for audit and re-import; stored as JSON text. */
  raw?: unknown;
  /** The original record as JSON text when the file gives it so (a JSON Lines line): stored instead of `raw`. */
  rawJson?: string;
}

/** A row that could not be read, reported to the user with its position. */
export interface RejectedRow {
  file: string;
  line: number | null;
  /** In English (the CLI prints it, batches store it). */
  reason: string;
  /** The reason as a key the UI says in its language (importers/row-reasons.ts), when it has one. */
  key?: string;
  params?: Record<string, string | number>;
}

/** A stored mention as lists show it. */
export interface MentionListItem {
  id: number;
  channel: Channel;
  postedAt: number;
  text: string;
  title: string | null;
  url: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorId: number | null;
  /** The feed a post came from, by the name it has in Sources (null for imported files). */
  sourceName?: string | null;
  lang: string | null;
  rating: number | null;
  isBrand: boolean;
  sentiment: number | null;
  score: number | null;
  complaint: boolean | null;
  topic: string | null;
  insult: boolean | null;
}

/** A stored mention with everything the detail view shows. */
export interface MentionDetail extends MentionListItem {
  naturalKey: string;
  externalId: string | null;
  replyToKey: string | null;
  threadKey: string | null;
  likes: number | null;
  shares: number | null;
  replies: number | null;
  irony: boolean | null;
  toxicity: number | null;
  campaign: boolean | null;
  batchId: number | null;
}
