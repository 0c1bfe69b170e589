import { callMethod } from '../../api/router';
import type { OutputOf } from '../../api/contract';
import { createReanalysis } from '../../db/reanalyse';
import { AtalayaError, type ErrorCode } from '../../db/errors';
import { parse, printJson, requireString, UsageError, type CliIo } from '../args';
import { cliDeps } from '../cli-deps';

const LABELS: Record<string, -1 | 0 | 1> = { negative: -1, neutral: 0, positive: 1 };

/** A method called as the app calls it: validated by the contract's schema, errors raised. */
async function call<M extends 'mentions.review' | 'mentions.correct'>(
  deps: ReturnType<typeof cliDeps>,
  method: M,
  input: unknown,
): Promise<OutputOf<M>> {
  const r = await callMethod(deps, method, input);
  if (r.ok) return r.value as OutputOf<M>;
  // A refused input is bad usage (exit 2); anything else a failure with its reason (exit 1).
  if (r.error.code === 'validation') throw new UsageError(r.error.message);
  throw new AtalayaError(r.error.code as ErrorCode, r.error.message);
}

/**
 * `review --workspace FILE [--limit N] [--json]`: the mentions whose sentiment Atalaya is least
 * sure of, most useful to label first (the app's review suggestions).
 * `review --workspace FILE --label ID=positive …`: sets (or confirms) their sentiment, as the
 * app's panel does, then brings the stored verdicts in line with the retrained model.
 */
export async function reviewCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    args,
    {
      workspace: { type: 'string' },
      limit: { type: 'string' },
      label: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    false,
  );
  const labels = (values.label ?? []).map((l) => {
    const [id, name] = l.split('=');
    const sentiment = LABELS[name ?? ''];
    if (!/^\d+$/.test(id ?? '') || sentiment === undefined)
      throw new UsageError(`--label takes ID=negative|neutral|positive, not "${l}"`);
    return { id: Number(id), sentiment };
  });
  if (labels.length && values.limit !== undefined)
    throw new UsageError('--limit lists suggestions; it does not go with --label');
  const deps = cliDeps();
  try {
    const ws = deps.session.open(requireString(values.workspace, '--workspace'), deps.clock.now());
    if (labels.length) {
      let last: OutputOf<'mentions.correct'> | null = null;
      for (const l of labels) last = await call(deps, 'mentions.correct', l);
      const job = createReanalysis(ws.db);
      while (job.step());
      const out = {
        labelled: labels.length,
        corrections: last?.corrections ?? 0,
        accuracy: last?.accuracy ?? null,
        reanalysed: job.progress.changed,
      };
      if (values.json) printJson(io, out);
      else
        io.stdout.write(
          `${out.labelled} labelled; ${out.corrections} sentiment corrections in this workspace; ${out.reanalysed} stored mentions changed\n`,
        );
      return 0;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const r = await call(deps, 'mentions.review', limit === undefined ? {} : { limit });
    const items = r.items.map(({ mention: m, suggestion: s }) => ({
      id: m.id,
      channel: m.channel,
      postedAt: new Date(m.postedAt).toISOString(),
      author: m.authorHandle ?? m.authorName,
      text: m.title ? `${m.title}. ${m.text}` : m.text,
      sentiment: m.sentiment,
      likeliest: s.sentiment,
      rival: s.rival,
      probabilities: s.probabilities,
      margin: s.margin,
    }));
    if (values.json) printJson(io, { items, reviewed: r.reviewed, minimum: r.minimum });
    else
      for (const i of items)
        io.stdout.write(
          `${String(i.id).padStart(7)} ${i.margin.toFixed(2)} ${i.text.replace(/\s+/g, ' ').slice(0, 100)}\n`,
        );
  } finally {
    deps.session.close();
  }
  return 0;
}
