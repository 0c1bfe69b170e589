import { sentences, type SentenceParams } from '../sentences';

/**
 * Why an importer could not read a row, as a key and the values it names, so the app can say
 * it in the UI language (renderer `sources.rowReasons.<key>`). The CLI prints the English
 * sentence (`rowReason`); stored batches keep only that sentence, so the UI reads the key back
 * from it (`readRowReason`): one template per key serves both ways and keeps them in step.
 */
const TEXT = {
  // delimited files (CSV/TSV)
  quoteNeverCloses: 'a quoted field opens here and never closes (a stray " in the file?)',
  lastQuoteNeverCloses: 'the last record has a quoted field that never closes (a cut file?)',
  // generic records (CSV rows, JSON objects)
  noText: 'no text in column "{column}"',
  noDate: 'no date in column "{column}"',
  dateNotUnderstood: 'date "{value}" not understood',
  invalidJsonLine: 'not valid JSON (a cut or damaged line)',
  notObject: 'not a JSON object',
  jsonStopsAfterRecord: 'the file stops being valid JSON after record #{n}: {message}',
  // twarc2 and X archives
  apiError: 'the API returned an error here: {detail}',
  noTweets: 'no tweets on this line',
  tweetCounts: 'holds tweet counts (the counts endpoint), not posts',
  userProfiles: 'holds user profiles (the users endpoint), not posts',
  tweetNotObject: 'a tweet here is not an object',
  tweetNoId: 'tweet has no id',
  tweetNoText: 'tweet {id} has no text',
  tweetNoDate: 'tweet {id} has no readable created_at',
  archiveTweetNoId: 'tweet #{n} lacks an id',
  archiveTweetNoDate: 'tweet #{n} lacks a readable created_at',
  archiveTweetNoText: 'tweet #{n} lacks text',
  archiveStops: 'the archive stops being valid after tweet #{n}: {message}',
  // Mastodon outbox
  activityNoObject: 'activity #{n} has no object',
  postNoDate: 'post #{n} lacks a date',
  postNoContent: 'post #{n} lacks content',
  outboxStops: 'the outbox stops being valid after activity #{n}: {message}',
  // Facebook, Instagram, Google reviews
  entryNoTimestamp: 'entry #{n} has no timestamp',
  entryNoText: 'entry #{n} has no text (a reaction or a photo without caption)',
  entryNoCommentText: 'entry #{n} has no comment text',
  entryNoTime: 'entry #{n} has no time',
  postNoCreationTime: 'post #{n} has no creation_timestamp',
  postNoCaption: 'post #{n} has no caption',
  reviewNoId: 'review #{n} lacks an id',
  reviewNoCreateTime: 'review #{n} lacks a createTime',
  jsonStopsAfterEntry: 'the file stops being valid JSON after entry #{n}: {message}',
  jsonStopsAfterReview: 'the file stops being valid JSON after review #{n}: {message}',
  // a file whose reading failed part-way (import-runner.ts)
  stoppedAfterRow: 'stopped after row {n}: {message}',
} as const;

export type RowReasonKey = keyof typeof TEXT;
export type RowReasonParams = SentenceParams;

const REASONS = sentences<RowReasonKey>(TEXT);

/** The English sentence of a row reason (what the CLI prints and batches store). */
export function rowReason(key: RowReasonKey, params: RowReasonParams = {}): string {
  return REASONS.say(key, params);
}

/** The key and values of an English row reason, or null for words no template spells. */
export function readRowReason(text: string): { key: RowReasonKey; params: RowReasonParams } | null {
  return REASONS.read(text);
}

/** A rejected row with its reason's key and values added, for the UI (unchanged when none). */
export function withReasonKey<T extends { reason: string }>(
  row: T,
): T & { key?: string; params?: RowReasonParams } {
  const r = readRowReason(row.reason);
  return r ? { ...row, key: r.key, params: r.params } : row;
}

/** Every key with its English template (the renderer's translations are checked against them). */
export const ROW_REASON_TEMPLATES: Readonly<Record<RowReasonKey, string>> = TEXT;
