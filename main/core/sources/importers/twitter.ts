import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MentionInput } from '../../model/mention';
import { parseDate } from './dates';
import { streamJsonValues } from './json-stream';
import type { TextSource } from './text-source';
import { fileReason } from './file-reasons';
import { ImportFileError } from './text-source';
import { getPath, num, str, type ParsedRow } from './types';
import { rowReason } from './row-reasons';

/** An `includes.users` entry; fields are unchecked JSON and read through str/num. */
interface V2User {
  id?: unknown;
  username?: unknown;
  name?: unknown;
  created_at?: unknown;
  public_metrics?: unknown;
}

type V2Tweet = Record<string, unknown>;

/**
 * X escapes exactly `&`, `<` and `>` in tweet text, in the account archive and the API v2
 * alike ("@a &gt; quoted words", "R&amp;D"); shown or analysed as is, the entity is noise.
 * One pass, so a tweet that literally says "&amp;gt;" keeps "&gt;".
 */
export function unescapeTweetText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : '>',
  );
}

/** X API v2 tweet (as saved by twarc2) → mention. `users` resolves author_id. */
export function v2TweetToMention(
  t: V2Tweet,
  users: Map<string, V2User>,
  context: Map<string, V2Tweet> = new Map(),
): MentionInput | string {
  const id = str(t['id']);
  const rawText =
    retweetText(t, users, context) ?? str(getPath(t, 'note_tweet.text')) ?? str(t['text']);
  const text = rawText === null ? null : unescapeTweetText(rawText);
  const postedAt = parseDate(t['created_at']);
  if (!id) return rowReason('tweetNoId');
  if (text === null) return rowReason('tweetNoText', { id });
  if (postedAt === null) return rowReason('tweetNoDate', { id });
  const embedded = t['author']; // twarc2 "flattened" files embed the author
  const user: V2User | undefined =
    embedded && typeof embedded === 'object'
      ? (embedded as V2User)
      : users.get(str(t['author_id']) ?? '');
  const refs = Array.isArray(t['referenced_tweets']) ? (t['referenced_tweets'] as unknown[]) : [];
  const replied = refs.find(
    (r): r is { id?: unknown } =>
      !!r && typeof r === 'object' && (r as { type?: unknown }).type === 'replied_to',
  );
  const metrics = (
    t['public_metrics'] && typeof t['public_metrics'] === 'object' ? t['public_metrics'] : {}
  ) as Record<string, unknown>;
  const handle = str(user?.username)?.replace(/^@/, '') || null;
  return {
    channel: 'twitter',
    externalId: id,
    postedAt,
    text,
    url: handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`,
    authorHandle: handle ?? str(t['author_id']),
    authorName: str(user?.name),
    authorFollowers: num(getPath(user, 'public_metrics.followers_count')),
    authorCreatedAt: parseDate(user?.created_at),
    lang: str(t['lang']),
    likes: num(metrics['like_count']),
    shares: (num(metrics['retweet_count']) ?? 0) + (num(metrics['quote_count']) ?? 0),
    replies: num(metrics['reply_count']),
    replyToId: str(replied?.id),
    threadId: str(t['conversation_id']),
    raw: t,
  };
}

/**
 * The API cuts a retweet's text ("RT @a: first 140 chars…"); the retweeted tweet, given in
 * `includes.tweets` (or embedded in `referenced_tweets` by flattened files), has it whole.
 * The "RT @a:" prefix is kept: it is what marks a retweet to the analysis.
 */
function retweetText(
  t: V2Tweet,
  users: Map<string, V2User>,
  context: Map<string, V2Tweet>,
): string | null {
  const refs = t['referenced_tweets'];
  if (!Array.isArray(refs)) return null;
  const ref = (refs as unknown[]).find(
    (r): r is V2Tweet => !!r && typeof r === 'object' && (r as V2Tweet)['type'] === 'retweeted',
  );
  if (!ref) return null;
  const orig = typeof ref['text'] === 'string' ? ref : context.get(str(ref['id']) ?? '');
  if (!orig) return null;
  const full = str(getPath(orig, 'note_tweet.text')) ?? str(orig['text']);
  const embedded = orig['author'];
  const author =
    embedded && typeof embedded === 'object'
      ? str((embedded as V2User).username)
      : str(users.get(str(orig['author_id']) ?? '')?.username);
  return full && author ? `RT @${author}: ${full}` : null;
}

/** What a twarc2 page holds when it is not posts (the same key names a row and a file reason). */
function describeNotPosts(page: Record<string, unknown>): 'tweetCounts' | 'userProfiles' | null {
  const data = page['data'];
  const first = Array.isArray(data) ? data[0] : data;
  if (!first || typeof first !== 'object') return null;
  const f = first as Record<string, unknown>;
  if ('tweet_count' in f) return 'tweetCounts';
  if ('username' in f && !('text' in f)) return 'userProfiles';
  return null;
}

/** Refuses twarc2 files that are not posts before anything is imported. */
export function checkTwarcHead(src: TextSource): void {
  const firstLine = src.head.split('\n', 1)[0] ?? '';
  try {
    const page = JSON.parse(firstLine) as Record<string, unknown>;
    const why = describeNotPosts(page);
    if (why) throw new ImportFileError(src.file, fileReason(why));
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    // A first line longer than the sample: judge by what its first record starts with.
    const start = src.head.slice(0, 3000);
    if (/^\{\s*"data"\s*:\s*\[\s*\{[^{}]*"tweet_count"/.test(start)) {
      throw new ImportFileError(src.file, fileReason('tweetCounts'));
    }
    if (/"username"\s*:/.test(start) && !/"text"\s*:/.test(start)) {
      throw new ImportFileError(src.file, fileReason('userProfiles'));
    }
  }
}

/**
 * twarc2 JSONL: each line is an API response page (`data` tweets + `includes.users`), a
 * streamed single tweet (`data` object) or a flattened tweet. Tweets in `includes.tweets` are
 * context (quoted, replied-to) and are not imported as mentions.
 */
export async function* readTwarc2(
  src: TextSource,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  for await (const { line, text } of src.lines(signal)) {
    if (!text.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      yield { ok: false, line, reason: rowReason('invalidJsonLine') };
      continue;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield { ok: false, line, reason: rowReason('notObject') };
      continue;
    }
    const page = parsed as Record<string, unknown>;
    if (page['errors'] && !page['data']) {
      yield {
        ok: false,
        line,
        reason: rowReason('apiError', {
          detail: JSON.stringify(page['errors']).slice(0, 160),
        }),
      };
      continue;
    }
    const users = new Map<string, V2User>();
    const included = getPath(page, 'includes.users');
    if (Array.isArray(included))
      for (const u of included as unknown[]) {
        const id = u && typeof u === 'object' ? str((u as V2User).id) : null;
        if (id) users.set(id, u as V2User);
      }
    const context = new Map<string, V2Tweet>();
    const includedTweets = getPath(page, 'includes.tweets');
    if (Array.isArray(includedTweets))
      for (const c of includedTweets as unknown[]) {
        const id = c && typeof c === 'object' ? str((c as V2Tweet)['id']) : null;
        if (id) context.set(id, c as V2Tweet);
      }
    const isFlat = !('data' in page) && 'text' in page;
    const tweets: V2Tweet[] = isFlat
      ? [page]
      : Array.isArray(page['data'])
        ? (page['data'] as V2Tweet[])
        : page['data']
          ? [page['data'] as V2Tweet]
          : [];
    if (tweets.length === 0) {
      yield { ok: false, line, reason: rowReason(describeNotPosts(page) ?? 'noTweets') };
      continue;
    }
    for (const t of tweets) {
      if (!t || typeof t !== 'object') {
        yield { ok: false, line, reason: rowReason('tweetNotObject') };
        continue;
      }
      const m = v2TweetToMention(t, users, context);
      yield typeof m === 'string' ? { ok: false, line, reason: m } : { ok: true, line, mention: m };
    }
  }
}

/** The archive owner's handle, from account.js beside tweets.js (when present). */
export function archiveOwner(tweetsPath: string): {
  handle: string | null;
  name: string | null;
  createdAt: number | null;
} {
  const account = join(dirname(tweetsPath), 'account.js');
  if (!existsSync(account)) return { handle: null, name: null, createdAt: null };
  try {
    const text = readFileSync(account, 'utf8');
    const data = JSON.parse(text.slice(text.indexOf('=') + 1)) as Array<{
      account?: Record<string, string>;
    }>;
    const a = data[0]?.account ?? {};
    return {
      handle: str(a['username']),
      name: str(a['accountDisplayName']),
      createdAt: parseDate(a['createdAt']),
    };
  } catch {
    return { handle: null, name: null, createdAt: null };
  }
}

async function* afterAssignment(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let seen = false;
  for await (const c of chunks) {
    if (seen) {
      yield c;
      continue;
    }
    const i = c.indexOf('=');
    if (i >= 0) {
      seen = true;
      yield c.slice(i + 1);
    }
  }
}

/**
 * X account archive `tweets.js` (`window.YTD.tweets.part0 = [ {"tweet": {…}} ]`), streamed.
 * Every tweet in it is the owner's own post.
 */
export async function* readXArchiveTweets(
  src: TextSource,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  const owner = archiveOwner(src.path);
  let index = 0;
  try {
    for await (const item of streamJsonValues(afterAssignment(src.chunks(signal)), '$.*')) {
      index++;
      const t = ((item as Record<string, unknown>)['tweet'] ?? item) as Record<string, unknown>;
      const id = str(t['id_str']) ?? str(t['id']);
      const postedAt = parseDate(t['created_at']);
      const rawText = str(t['full_text']) ?? str(t['text']);
      const text = rawText === null ? null : unescapeTweetText(rawText);
      if (!id || postedAt === null || text === null) {
        yield {
          ok: false,
          line: index,
          reason: rowReason(
            !id
              ? 'archiveTweetNoId'
              : postedAt === null
                ? 'archiveTweetNoDate'
                : 'archiveTweetNoText',
            { n: index },
          ),
        };
        continue;
      }
      yield {
        ok: true,
        line: index,
        mention: {
          channel: 'twitter',
          externalId: id,
          postedAt,
          text,
          url: owner.handle
            ? `https://x.com/${owner.handle}/status/${id}`
            : `https://x.com/i/web/status/${id}`,
          authorHandle: owner.handle,
          authorName: owner.name,
          authorCreatedAt: owner.createdAt,
          lang: str(t['lang']),
          likes: num(t['favorite_count']),
          shares: num(t['retweet_count']),
          replyToId: str(t['in_reply_to_status_id_str']) ?? str(t['in_reply_to_status_id']),
          raw: t,
        },
      };
    }
  } catch (e) {
    yield {
      ok: false,
      line: index + 1,
      reason: rowReason('archiveStops', { n: index, message: (e as Error).message }),
    };
  }
}
