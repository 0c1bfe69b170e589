import { createInterface } from 'node:readline';
import { reviewReply, type DraftReview } from '../../responses/draft-check';
import { parse, printJson, UsageError, type CliIo } from '../args';

/**
 * PRODUCT.md's fields, plus `notes` (same shape as a warning) only when there are any: lower-
 * severity remarks such as "!!!" in a friendly draft, which a brand should still see.
 */
function fields(r: DraftReview): {
  warnings: DraftReview['warnings'];
  notes?: DraftReview['notes'];
} {
  return r.notes.length ? r : { warnings: r.warnings };
}

/** `check-reply [TEXT] [--lang auto|es|en] --json`; with no TEXT, JSON Lines on stdin. */
export async function checkReplyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    lang: { type: 'string' },
    json: { type: 'boolean' },
  });
  const lang = values.lang ?? 'auto';
  if (lang !== 'auto' && lang !== 'es' && lang !== 'en')
    throw new UsageError('--lang is auto, es or en');
  if (positionals.length > 1)
    throw new UsageError('check-reply takes one TEXT (quote it), or JSON Lines on stdin');
  if (positionals.length === 1) {
    const review = reviewReply(positionals[0] as string, { lang });
    if (values.json) printJson(io, fields(review));
    else {
      if (!review.warnings.length)
        io.stdout.write(
          review.notes.length
            ? 'No warnings; worth a second look:\n'
            : 'No warnings: the draft reads well.\n',
        );
      for (const w of review.warnings) io.stdout.write(`${w.kind}: ${w.reason}\n  → ${w.hint}\n`);
      for (const w of review.notes)
        io.stdout.write(`note (${w.kind}): ${w.reason}\n  → ${w.hint}\n`);
    }
    return 0;
  }
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    n++;
    let rec: { id?: unknown; text?: unknown; lang?: unknown };
    try {
      rec = JSON.parse(line) as typeof rec;
    } catch {
      io.stdout.write(`${JSON.stringify({ error: `line ${n}: not valid JSON` })}\n`);
      continue;
    }
    if (!rec || typeof rec.text !== 'string') {
      io.stdout.write(`${JSON.stringify({ id: rec?.id, error: 'no "text" string' })}\n`);
      continue;
    }
    const l = rec.lang === 'es' || rec.lang === 'en' ? rec.lang : lang;
    io.stdout.write(
      `${JSON.stringify({ id: rec.id, ...fields(reviewReply(rec.text, { lang: l })) })}\n`,
    );
  }
  return 0;
}
