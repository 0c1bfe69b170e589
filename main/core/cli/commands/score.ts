import { parse, UsageError, type CliIo } from '../args';
import { runScore } from '../score';

export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { lang: { type: 'string' } }, false);
  const lang = values.lang ?? 'auto';
  if (lang !== 'auto' && lang !== 'es' && lang !== 'en')
    throw new UsageError('--lang is auto, es or en');
  await runScore(io.stdin, io.stdout, { lang });
  return 0;
}
