import { writeFileSync } from 'node:fs';

/** One review per text in the generic JSONL shape, a minute apart, each by its own author. */
export function writeTextsJsonl(path: string, texts: string[]): void {
  writeFileSync(
    path,
    texts
      .map((text, i) =>
        JSON.stringify({
          id: `p${i}`,
          date: new Date(Date.UTC(2025, 2, 1, 10 + (i % 10), i)).toISOString(),
          text,
          author: `diner${i}`,
          channel: 'reviews',
        }),
      )
      .join('\n'),
  );
}
