import { sentences, type Said } from '../sentences';

/**
 * Why a whole file was refused, as a key and the values it names. The CLI prints the English
 * sentence after the file name (it names flags: `--format`, `--map`); the app reads the key
 * back and says, in the UI language, what to do in the app instead (renderer
 * `sources.fileReasons.<key>`: the format choice, the column mapping).
 */
const TEXT = {
  // the file itself (text-source.ts, index.ts)
  noSuchFile: 'cannot be read (no such file)',
  cannotRead: 'cannot be read ({code})',
  isFolder: 'is a folder, not a file',
  isEmpty: 'is empty',
  // what the file is (detect.ts): the format was not told
  unreadableFormat: 'the file cannot be read; pass --format to say what it is',
  folderNotArchive: 'a folder without an X archive tweets.js; pass --format to say what it is',
  archiveOtherData:
    'an X archive file that holds {what}, not tweets (import tweets.js or the whole archive); pass --format to say what it is',
  unknownFormat:
    'could not tell the format (starts with "{start}"); pass --format to say what it is',
  tableWithoutFields:
    'could not tell the format: looks like {kind} with columns {columns}, but none reads as the {fields} — pass --format {format} --map {pairs}',
  // tables and records (index.ts, generic.ts)
  noHeaderRow: 'has no header row with column names (first line: "{line}")',
  fieldsNotFound: 'could not find the {fields} column among {columns}: pass --map {pairs}',
  noSuchColumns: 'no column named {names}; the columns are {columns}',
  notJson: 'is not JSON (starts with "{start}")',
  invalidJson: 'is not valid JSON ({message})',
  // X and twarc2 (x-archive.ts, archive-files.ts, twitter.ts)
  noTweetsJs: 'holds no tweets.js: is this an X archive?',
  notTweetsJs: 'is not an X archive tweets.js (it should start with window.YTD.tweets)',
  badZip: 'is not a readable zip archive ({message})',
  tweetCounts: 'holds tweet counts (the counts endpoint), not posts: nothing to import',
  userProfiles: 'holds user profiles (the users endpoint), not posts: nothing to import',
} as const;

export type FileReasonKey = keyof typeof TEXT;

const REASONS = sentences<FileReasonKey>(TEXT);

/** The English reason a file is refused (after its name: "notes.txt: is empty"). */
export const fileReason = REASONS.say;

/** Every key with its English template (the renderer's translations are checked against them). */
export const FILE_REASON_TEMPLATES = REASONS.templates;

/** The key and values of a refusal, with or without the file name before it. */
export function readFileReason(text: string, file?: string): Said<FileReasonKey> | null {
  const bare = file && text.startsWith(`${file}: `) ? text.slice(file.length + 2) : text;
  return REASONS.read(bare);
}

/**
 * Refusals the user fixes in the app with the same file — its columns in the mapping, or its
 * format: the app keeps such a file and opens its mapping preview instead of asking for it again.
 */
export const FIXED_IN_APP: ReadonlySet<FileReasonKey> = new Set<FileReasonKey>([
  'tableWithoutFields',
  'fieldsNotFound',
  'noSuchColumns',
  'unknownFormat',
  'notJson',
]);

/** Field names joined as the CLI says them ("text and date", "text or date"). */
export function joinFields(fields: readonly string[], word: 'and' | 'or'): string {
  return fields.join(` ${word} `);
}
