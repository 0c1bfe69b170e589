import { createInterface } from 'node:readline';
import { analyzeText } from '../analysis';

/**
 * `score`: JSON Lines `{"id","text"}` in, one result per line out, in input order. A line
 * that cannot be read gets `{"id"?, "error"}` and the stream goes on.
 */
export async function runScore(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: { lang: 'auto' | 'es' | 'en' },
): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let buf = '';
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    n++;
    let rec: { id?: unknown; text?: unknown };
    try {
      rec = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      buf += `${JSON.stringify({ error: `line ${n}: not valid JSON` })}\n`;
      continue;
    }
    const id = rec && typeof rec === 'object' ? rec.id : undefined;
    if (!rec || typeof rec !== 'object' || typeof rec.text !== 'string') {
      buf += `${JSON.stringify(id === undefined ? { error: `line ${n}: no "text" string` } : { id, error: 'no "text" string' })}\n`;
      continue;
    }
    const a = analyzeText(rec.text, { lang: opts.lang });
    buf += `${JSON.stringify({
      id,
      lang: a.lang,
      sentiment: a.sentiment === 1 ? 'positive' : a.sentiment === -1 ? 'negative' : 'neutral',
      score: a.score,
      irony: a.irony,
      complaint: a.complaint,
      topic: a.topic,
      insult: a.insult,
    })}\n`;
    if (buf.length > 64 * 1024) {
      output.write(buf);
      buf = '';
    }
  }
  output.write(buf);
}
