import { rng } from '../../scripts/bench/corpus';

/** Deterministic mutations of an export file, as real damage looks: cuts, bit rot, odd shapes. */
export function mutations(
  original: Buffer,
  seed: number,
  count: number,
): Array<{ name: string; bytes: Buffer }> {
  const r = rng(seed);
  const out: Array<{ name: string; bytes: Buffer }> = [];
  const text = original.toString('utf8');
  for (let i = 0; i < count; i++) {
    const kind = i % 8;
    let bytes: Buffer;
    let name: string;
    if (kind === 0) {
      const cut = Math.floor(r() * original.length);
      bytes = original.subarray(0, cut);
      name = `truncated@${cut}`;
    } else if (kind === 1) {
      bytes = Buffer.from(original);
      const flips = 1 + Math.floor(r() * 20);
      for (let k = 0; k < flips; k++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
      name = `flipped×${flips}`;
    } else if (kind === 2) {
      bytes = Buffer.from(text.replace(/"(\w+)"\s*:/, (m) => `${m} null, ${m}`));
      name = 'duplicate-key';
    } else if (kind === 3) {
      bytes = Buffer.from(
        text.replace(/:\s*"[^"]*"/g, (m) =>
          r() < 0.3 ? ': 12345' : r() < 0.5 ? ': [1,{"a":null}]' : m,
        ),
      );
      name = 'wrong-types';
    } else if (kind === 4) {
      bytes = Buffer.concat([original, Buffer.from(`\n${'x'.repeat(2 * 1024 * 1024)}\n`)]);
      name = 'huge-line';
    } else if (kind === 5) {
      bytes = Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}\n${text}`);
      name = 'deep-nesting';
    } else if (kind === 6) {
      const lines = text.split('\n');
      bytes = Buffer.from(
        lines.map((l) => (r() < 0.3 ? l.slice(0, Math.floor(l.length * r())) : l)).join('\n'),
      );
      name = 'cut-lines';
    } else {
      bytes = Buffer.from([0xff, 0xfe, ...original.subarray(0, 200)]);
      name = 'bogus-bom';
    }
    out.push({ name, bytes });
  }
  return out;
}
