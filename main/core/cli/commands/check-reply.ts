import { createInterface } from 'node:readline';
import { checkReply } from '../../responses/draft-check';
import { parse, printJson, UsageError, type CliIo } from '../args';

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
    const warnings = checkReply(positionals[0] as string, { lang });
    if (values.json) printJson(io, { warnings });
    else if (!warnings.length) io.stdout.write('No warnings: the draft reads well.\n');
    else for (const w of warnings) io.stdout.write(`${w.kind}: ${w.reason}\n  → ${w.hint}\n`);
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
      `${JSON.stringify({ id: rec.id, warnings: checkReply(rec.text, { lang: l }) })}\n`,
    );
  }
  return 0;
}
