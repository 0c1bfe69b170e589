import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';

const MB = 1024 * 1024;

// The RSS is sampled on a thread of its own: the import's end phase (index builds, full-text
// and response rebuilds) keeps the main thread in SQLite for seconds, timers included.
const SAMPLER = `
const { parentPort } = require('node:worker_threads');
const t0 = Date.now();
const samples = [];
const timer = setInterval(() => samples.push([Date.now() - t0, process.memoryUsage().rss]), 50);
parentPort.on('message', () => {
  clearInterval(timer);
  samples.push([Date.now() - t0, process.memoryUsage().rss]);
  parentPort.postMessage(samples);
});
`;

/**
 * The import's peak RSS, and with a file its timeline as TSV: seconds, rows read, RSS (every
 * 50 ms, from a sampler thread) and, while the main thread is free to run timers, its V8
 * spaces in MB — to place a peak in the streaming phase or in the end phase.
 * `bench.cjs --child-import … --rss-trace FILE`.
 */
export function memoryTrace(file?: string): {
  rows: (n: number) => void;
  stop: () => Promise<number>;
} {
  const t0 = Date.now();
  const sampler = new Worker(SAMPLER, { eval: true });
  let rows = 0;
  const heap: string[] = [];
  const timer = setInterval(() => {
    if (!file) return;
    const space = new Map(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
    const mb = (n: number | undefined): number => Math.round((n ?? 0) / MB);
    heap.push(
      [
        Date.now() - t0,
        rows,
        '',
        mb(space.get('new_space')),
        mb(space.get('old_space')),
        mb(space.get('large_object_space')),
      ].join('\t'),
    );
  }, 50);
  return {
    rows: (n) => (rows = n),
    stop: async () => {
      clearInterval(timer);
      const samples = await new Promise<Array<[number, number]>>((resolve) => {
        sampler.once('message', resolve);
        sampler.postMessage('stop');
      });
      await sampler.terminate();
      if (file) {
        const rss = samples.map(([t, r]) => `${t}\t\t${Math.round(r / MB)}\t\t\t`);
        const lines = [...rss, ...heap]
          .map((l) => l.split('\t'))
          .sort((a, b) => Number(a[0]) - Number(b[0]))
          .map(([t, ...rest]) => [(Number(t) / 1000).toFixed(2), ...rest].join('\t'));
        writeFileSync(
          file,
          `seconds\trows\trss\tnew_space\told_space\tlarge_object_space\n${lines.join('\n')}\n`,
        );
      }
      const peak = Math.max(...samples.map(([, r]) => r));
      return Math.max(peak, process.resourceUsage().maxRSS * 1024);
    },
  };
}
