import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { tweetFilesInFolder } from './archive-files';
import { readHeaders } from './delimited';
import { fileReason, joinFields } from './file-reasons';
import { suggestMapping } from './mapping';
import { openTextSource, type TextSource } from './text-source';
import type { ConcreteFormat } from './types';

export interface Detection {
  format: ConcreteFormat | null;
  confidence: 'high' | 'low';
  /** What the file looks like; when it cannot be imported as it is, the refusal (file-reasons.ts). */
  reason: string;
}

/** Tells the format from the file name and its first bytes; says why, or why not. */
export function detectFormat(path: string, src?: TextSource): Detection {
  const ext = extname(path).toLowerCase();
  let st;
  try {
    st = statSync(path);
  } catch {
    return { format: null, confidence: 'low', reason: fileReason('unreadableFormat') };
  }
  if (st.isDirectory()) {
    return tweetFilesInFolder(path).length
      ? { format: 'x-archive', confidence: 'high', reason: 'an X archive folder with tweets.js' }
      : { format: null, confidence: 'low', reason: fileReason('folderNotArchive') };
  }
  if (ext === '.zip')
    return { format: 'x-archive', confidence: 'low', reason: 'a zip file (X archives are zips)' };
  const s = src ?? openTextSource(path);
  const head = s.head.trimStart();
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/^window\.YTD\.[\w.]+\s*=/.test(head)) {
    return /^window\.YTD\.tweets?\./.test(head)
      ? { format: 'x-archive', confidence: 'high', reason: 'an X archive tweets.js' }
      : {
          format: null,
          confidence: 'high',
          reason: fileReason('archiveOtherData', {
            what: /^window\.YTD\.([\w-]+)/.exec(head)?.[1] ?? 'other data',
          }),
        };
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"orderedItems"\s*:/.test(head) || /activitystreams/.test(firstLine))
      return {
        format: 'mastodon',
        confidence: 'high',
        reason: 'an ActivityPub outbox (Mastodon archive)',
      };
    if (/"reviews"\s*:/.test(head) && /"starRating"|"reviewId"/.test(head))
      return {
        format: 'google-reviews',
        confidence: 'high',
        reason: 'Google Business Profile reviews',
      };
    if (/"comments_v2"\s*:|"comments"\s*:\s*\[\s*\{\s*"timestamp"/.test(head))
      return { format: 'facebook', confidence: 'high', reason: 'Facebook comments export' };
    if (/"string_map_data"/.test(head))
      return { format: 'instagram', confidence: 'high', reason: 'Instagram comments export' };
    if (/^\[\s*\{\s*"media"\s*:\s*\[\s*\{[\s\S]*"creation_timestamp"/.test(head))
      return { format: 'instagram', confidence: 'high', reason: 'Instagram posts export' };
    if (/^\[\s*\{\s*"timestamp"\s*:\s*\d+/.test(head) && /"post"\s*:|"attachments"\s*:/.test(head))
      return { format: 'facebook', confidence: 'high', reason: 'Facebook posts export' };
    const oneLine = firstLine.trim();
    const isJsonl =
      oneLine.endsWith('}') &&
      (() => {
        try {
          JSON.parse(oneLine);
          return true;
        } catch {
          return false;
        }
      })();
    if (isJsonl || ext === '.jsonl' || ext === '.ndjson') {
      // twarc2 pages start with "data"; a first line longer than the sample is judged on its start.
      if (
        /^\{\s*"data"\s*:/.test(head) ||
        /"__twarc"|"includes"\s*:\s*\{|"edit_history_tweet_ids"|"author_id"/.test(oneLine)
      )
        return { format: 'twarc2', confidence: 'high', reason: 'twarc2 JSON Lines (X API v2)' };
      return { format: 'jsonl', confidence: 'high', reason: 'JSON Lines' };
    }
    return { format: 'json', confidence: 'high', reason: 'a JSON document' };
  }
  const { headers, delimiter } = readHeaders(s);
  const norm = headers.map((h) => h.toLowerCase());
  if (headers.length > 1) {
    if (norm.includes('comment id') && norm.includes('video id'))
      return { format: 'youtube', confidence: 'high', reason: 'YouTube Takeout comments' };
    if (norm.includes('permalink') && (norm.includes('subreddit') || norm.includes('body')))
      return { format: 'reddit', confidence: 'high', reason: 'Reddit data export' };
    if (norm.includes('review stars') || norm.includes('review content'))
      return { format: 'trustpilot', confidence: 'high', reason: 'Trustpilot reviews export' };
    const kind = delimiter === '\t' ? 'tsv' : 'csv';
    const cols = headers
      .slice(0, 8)
      .map((h) => `"${h.slice(0, 30)}"`)
      .join(', ');
    const map = suggestMapping(headers);
    const missing = ['text', 'date'].filter((f) => !map[f]);
    if (missing.length)
      return {
        format: kind,
        confidence: 'low',
        reason: fileReason('tableWithoutFields', {
          kind: kind.toUpperCase(),
          columns: cols,
          fields: joinFields(missing, 'or'),
          format: kind,
          pairs: missing.map((f) => `${f}=COLUMN`).join(','),
        }),
      };
    return {
      format: kind,
      confidence: 'high',
      reason: `${kind === 'tsv' ? 'tab' : delimiter === ';' ? 'semicolon' : 'comma'}-separated values with columns ${cols}`,
    };
  }
  return {
    format: null,
    confidence: 'low',
    reason: fileReason('unknownFormat', { start: head.slice(0, 40).replace(/\s+/g, ' ') }),
  };
}
