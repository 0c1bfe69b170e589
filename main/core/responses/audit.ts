import { idRangeFor } from '../db/mention-key';
import type { Db } from '../db/workspace-file';
import { reviewReply, type DraftWarning } from './draft-check';

export interface AuditedReply {
  id: number;
  postedAt: number;
  channel: string;
  text: string;
  warnings: DraftWarning[];
  /** Lower-severity remarks (see reviewReply): not counted as flagged. */
  notes: DraftWarning[];
  canned: boolean;
  personalised: boolean;
  templateUses: number;
}

/** A template is pasted text: the same reply, names and numbers aside, used this many times. */
export const CANNED_MIN_USES = 3;

/**
 * Whether a template has wording to be canned: a reply that is only a link (a help page, a DM
 * link), a link and a handle, an emoji or a sign-off leaves no words once those are taken out,
 * and all such replies would share the one empty template ("used 42×").
 */
const hasWording = (t: string): boolean => /\p{L}/u.test(t);

function template(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@[\w.]+/g, ' ')
    .replace(/\^?\*?[a-z]{1,3}$/i, ' ') // agent sign-offs such as ^JK or *TMT
    .replace(/\d+/g, '#')
    .replace(/[^\p{L}#]+/gu, ' ')
    .trim();
}

// Greets the person by name, quotes a case number, or refers to their order or booking. An
// @reply is how every answer starts on X, so a handle is not personal — numeric handles
// (anonymised exports) must not pass for case numbers.
// The name must start with a capital: case-insensitive matching let "Hi there" pass.
const GREETS_BY_NAME =
  /(?:^|[\s,.!¡¿@])(?:[Hh]ola|[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|[Ee]stimad[oa])\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+/;
const REFERS_TO_CASE =
  /(?<![@\w/])\d{4,}\b|\b(tu|su|your) (pedido|order|reserva|booking|vuelo|flight|cuenta|account|factura|invoice)\b/i;
const personal = (text: string): boolean => GREETS_BY_NAME.test(text) || REFERS_TO_CASE.test(text);

/**
 * Tone audit of every brand reply: the draft-checker warnings, and canned vs personalised.
 * A reply is canned when its template (names, numbers and links removed) has words and was used
 * at least CANNED_MIN_USES times; personalised when it names the person or refers to their case.
 */
export function auditBrandReplies(db: Db, from: number, to: number, limit = 5000): AuditedReply[] {
  const rows = db
    .prepare(
      `SELECT id, posted_at AS postedAt, channel, text FROM mentions WHERE is_brand = 1 AND id BETWEEN ? AND ? AND posted_at BETWEEN ? AND ?
       ORDER BY id DESC LIMIT ?`,
    )
    .all(...idRangeFor(from, to + 1000), from, to, limit) as Array<{
    id: number;
    postedAt: number;
    channel: string;
    text: string;
  }>;
  const uses = new Map<string, number>();
  for (const r of rows) {
    const t = template(r.text);
    if (hasWording(t)) uses.set(t, (uses.get(t) ?? 0) + 1);
  }
  return rows.map((r) => {
    const n = uses.get(template(r.text)) ?? 1;
    const personalised = personal(r.text);
    return {
      ...r,
      ...reviewReply(r.text),
      canned: n >= CANNED_MIN_USES,
      personalised,
      templateUses: n,
    };
  });
}
