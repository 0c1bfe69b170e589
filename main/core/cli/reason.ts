import type { AtalayaError } from '../db/errors';

/** The reason on one line; a damaged workspace with a checked backup gets the command to restore it. */
export function oneLine(e: AtalayaError): string {
  let text = e.message.replace(/\s*\n\s*/g, ' ');
  const { backup, path } = e.details;
  if (backup && path) {
    text += ` — restore it with: atalaya workspace restore --from ${shellWord(backup)} --to ${shellWord(path)} --force`;
  }
  return text;
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
