/**
 * The key of the user's decisions about an author (overrides with target_kind 'author'):
 * channel + ':' + handle in lower case, as JavaScript lower-cases it ('Ángela' → 'ángela';
 * SQLite's lower() leaves non-ASCII capitals as they are). The handle without a leading "@".
 */
export function authorKey(channel: string, handle: string): string {
  return `${channel}:${handle.toLowerCase()}`;
}
