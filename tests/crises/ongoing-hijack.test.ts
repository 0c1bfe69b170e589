import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import { cli } from '../helpers/cli';
import { workspaceDeps } from '../helpers/workspace';

const HOUR = 3_600_000;
const DAY0 = Date.UTC(2026, 2, 2); // Monday 2 March 2026
/** The hijack's first hour: day 21 at 09:00 UTC. */
const ONSET = DAY0 + 21 * 24 * HOUR + 9 * HOUR;
const ORDINARY = [
  'Gracias @acme, el pedido llegó perfecto',
  '@acme ¿abrís el domingo por la tarde?',
  'Muy contenta con la atención de @acme',
  '@acme mi pedido lleva dos días de retraso, ¿qué pasa?',
  '@acme buen servicio, como siempre',
];
const ANGRY = [
  'Menudo timo @acme, me habéis estafado y nadie responde #AcmeTimo',
  'Vergüenza @acme, una estafa en toda regla, quiero mi dinero #AcmeTimo',
  '@acme sois unos estafadores, fatal, no volveré #AcmeTimo',
];

type Row = [id: string, at: number, text: string, author: string];

/** Ordinary traffic over [from, to): a few posts an hour by day, fewer at night. */
function ordinary(from: number, to: number, rows: Row[]): void {
  for (let t = from; t < to; t += HOUR) {
    const hour = new Date(t).getUTCHours();
    const n = hour >= 8 && hour < 22 ? 4 : 1;
    for (let k = 0; k < n; k++) {
      const i = rows.length;
      rows.push([`o${i}`, t + k * 11 * 60_000, ORDINARY[i % ORDINARY.length]!, `cliente${i % 97}`]);
    }
  }
}

/** The hijack: `counts[k]` posts with #AcmeTimo in hour k after the onset, most of them angry. */
function hijack(counts: number[], offset: number, rows: Row[]): void {
  counts.forEach((n, k) => {
    for (let j = 0; j < n; j++) {
      const i = rows.length;
      const text = j % 5 === 4 ? '¿Alguien sabe qué pasa con #AcmeTimo?' : ANGRY[i % ANGRY.length]!;
      rows.push([`h${i}`, ONSET + (offset + k) * HOUR + j * 60_000, text, `afectado${i % 211}`]);
    }
  });
}

const csv = (rows: Row[]): string =>
  `id,date,text,author\n${rows
    .map(([id, at, text, author]) => `${id},${new Date(at).toISOString()},"${text}",${author}`)
    .join('\n')}\n`;

interface ContractEpisode {
  id: string;
  start: string;
  peak: string;
  end: string | null;
  severity: string;
  channels: string[];
  hashtags: string[];
  detectedAt: string;
  /** Beyond the contract: each detector's explanation. */
  signals: Array<{ kind: string; hashtag?: string }>;
}

/** The CLI contract of PRODUCT.md: these fields, with these types. */
function expectContract(e: ContractEpisode): void {
  expect(e.id).toMatch(/^c\d+$/);
  for (const t of [e.start, e.peak, e.detectedAt]) expect(new Date(t).toISOString()).toBe(t);
  expect(e.end === null || new Date(e.end).toISOString() === e.end).toBe(true);
  expect(['low', 'medium', 'high']).toContain(e.severity);
  expect(Array.isArray(e.channels) && e.channels.every((c) => typeof c === 'string')).toBe(true);
  expect(Array.isArray(e.hashtags) && e.hashtags.every((c) => typeof c === 'string')).toBe(true);
}

describe('an ongoing hashtag hijack, imported with the real importer', () => {
  it('is reported ongoing with no end while still rising, by dashboard.today and crises --at; closed with an end once it dies down', async () => {
    const env = workspaceDeps();
    try {
      const file = env.ws.path;
      env.deps.session.close();
      // Three weeks of ordinary traffic, then #AcmeTimo rising for six hours: the export ends there.
      const first: Row[] = [];
      ordinary(DAY0, ONSET + 6 * HOUR, first);
      hijack([3, 6, 10, 15, 20, 26], 0, first);
      const a = env.tmp.path('export-1.csv');
      writeFileSync(a, csv(first));
      const imp = await cli(['import', a, '--workspace', file, '--channel', 'twitter', '--json']);
      expect(imp.code, imp.stderr).toBe(0);
      expect(JSON.parse(imp.stdout)).toMatchObject({ imported: first.length, rejected: 0 });
      const rising = ONSET + 5 * HOUR + 30 * 60_000;

      // The app's Today panel, through the real API (studying the export: its newest hour is "now").
      env.deps.session.open(file, rising);
      env.clock.set(rising + 10 * 60_000);
      const today = await callMethod(env.deps, 'dashboard.today', {});
      if (!today.ok) throw new Error(today.error.message);
      const crisis = (
        today.value as { crisis: { id: string; ongoing: boolean; start: string } | null }
      ).crisis;
      expect(crisis).toMatchObject({ ongoing: true });
      env.deps.session.close();

      const at = new Date(rising).toISOString();
      const live = await cli(['crises', '--workspace', file, '--json', '--at', at]);
      expect(live.code, live.stderr).toBe(0);
      const now = (JSON.parse(live.stdout) as { episodes: ContractEpisode[] }).episodes;
      const ongoing = now.find((e) => e.hashtags.includes('#acmetimo'));
      expect(ongoing, live.stdout).toBeDefined();
      expectContract(ongoing!);
      expect(ongoing!.end).toBeNull();
      // three quiet weeks raise nothing; the tag's own detector explains this one
      expect(now).toHaveLength(1);
      expect(ongoing!.signals).toContainEqual(
        expect.objectContaining({ kind: 'hashtag_hijack', hashtag: '#acmetimo' }),
      );
      expect(ongoing!.id).toBe(crisis!.id);
      expect(Math.abs(Date.parse(ongoing!.start) - ONSET)).toBeLessThanOrEqual(3 * HOUR);
      expect(Date.parse(ongoing!.detectedAt)).toBeLessThanOrEqual(rising);

      // The next export: the tag dies down within hours and two ordinary days follow.
      const second: Row[] = [];
      hijack([22, 14, 7, 3, 1], 6, second);
      ordinary(ONSET + 6 * HOUR, ONSET + 54 * HOUR, second);
      for (const r of second) r[0] = `b${r[0]}`;
      const b = env.tmp.path('export-2.csv');
      writeFileSync(b, csv(second));
      const imp2 = await cli(['import', b, '--workspace', file, '--channel', 'twitter', '--json']);
      expect(imp2.code, imp2.stderr).toBe(0);

      env.deps.session.open(file, ONSET + 54 * HOUR);
      env.clock.set(ONSET + 54 * HOUR);
      const later = await callMethod(env.deps, 'dashboard.today', {});
      if (!later.ok) throw new Error(later.error.message);
      expect(later.value).toMatchObject({ crisis: { ongoing: false } });
      env.deps.session.close();

      const after = await cli(['crises', '--workspace', file, '--json']);
      expect(after.code, after.stderr).toBe(0);
      const closed = (JSON.parse(after.stdout) as { episodes: ContractEpisode[] }).episodes.find(
        (e) => e.hashtags.includes('#acmetimo'),
      );
      expectContract(closed!);
      expect(closed!.end).not.toBeNull();
      const end = Date.parse(closed!.end!);
      expect(end).toBeGreaterThan(ONSET + 6 * HOUR);
      expect(end).toBeLessThanOrEqual(ONSET + 16 * HOUR);
      // Replaying the same hour still says what was known then: ongoing.
      const replay = await cli(['crises', '--workspace', file, '--json', '--at', at]);
      const then = (JSON.parse(replay.stdout) as { episodes: ContractEpisode[] }).episodes.find(
        (e) => e.hashtags.includes('#acmetimo'),
      );
      expect(then?.end).toBeNull();
    } finally {
      env.cleanup();
    }
  });
});
