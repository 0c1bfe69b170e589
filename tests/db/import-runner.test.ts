import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  serialiseModels,
  trainCorrectionModel,
  trainFlagModel,
  type WorkspaceModels,
} from '../../main/core/analysis/learning';
import { undoBatch } from '../../main/core/db/batches-repo';
import { rebuildResponseRollups } from '../../main/core/db/response-rollups';
import type { Db } from '../../main/core/db/workspace-file';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { importFiles, type ImportDeps } from '../../main/core/sources/import-runner';
import { CORPUS_MAP, writeCorpusJsonl } from '../../scripts/bench/corpus';
import { COMPLAINT_CORRECTED, INSULT_CORRECTED } from '../helpers/flag-corrections';
import { CORRECTED } from '../helpers/restaurant-corrections';
import { writeTextsJsonl } from '../helpers/texts-jsonl';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

// The import worker is a separate bundle: these tests drive the built one, as the app does.
const WORKER = join(__dirname, '../../out/cli/import-worker.cjs');

const UTC_PROFILE = { ...PROFILE, timezone: 'UTC' };

function rows(db: Db, sql: string, ...args: unknown[]): unknown[] {
  return db.prepare(sql).all(...args);
}
function one(db: Db, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

/** The rollup tables must always equal a GROUP BY over the mentions they summarise. */
function expectRollupsMatchMentions(db: Db): void {
  const cells = `channel, coalesce(sentiment, 0) AS sentiment, coalesce(complaint, 0) AS complaint,
    is_brand, count(*) AS mentions, round(coalesce(sum(sentiment_score), 0), 6) AS score,
    round(coalesce(sum(rating), 0), 6) AS rating, count(rating) AS ratings`;
  const keys = '1, 2, 3, 4, 5';
  const hourlyDirect = rows(
    db,
    `SELECT posted_at / 3600000 AS bucket, ${cells} FROM mentions GROUP BY ${keys} ORDER BY ${keys}`,
  );
  const hourly = rows(
    db,
    `SELECT hour AS bucket, channel, sentiment, complaint, is_brand, mentions, round(score_sum, 6) AS score,
       round(rating_sum, 6) AS rating, rating_count AS ratings FROM rollup_hourly ORDER BY ${keys}`,
  );
  expect(hourly).toEqual(hourlyDirect);
  // The workspace runs in UTC, so a local day is SQLite's date() of the instant.
  const dailyDirect = rows(
    db,
    `SELECT date(posted_at / 1000, 'unixepoch') AS bucket, ${cells} FROM mentions GROUP BY ${keys} ORDER BY ${keys}`,
  );
  const daily = rows(
    db,
    `SELECT day AS bucket, channel, sentiment, complaint, is_brand, mentions, round(score_sum, 6) AS score,
       round(rating_sum, 6) AS rating, rating_count AS ratings FROM rollup_daily ORDER BY ${keys}`,
  );
  expect(daily).toEqual(dailyDirect);
}

function expectConsistent(db: Db): void {
  const n = one(db, 'SELECT count(*) AS n FROM mentions');
  // rank 1: the index against the text of every mention (a count of the external-content
  // table would read the mentions themselves and could not fail)
  expect(() =>
    db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run(),
  ).not.toThrow();
  expect(one(db, 'SELECT coalesce(sum(posts), 0) AS n FROM authors')).toBe(
    one(db, 'SELECT count(*) AS n FROM mentions WHERE author_id IS NOT NULL'),
  );
  expect(
    one(
      db,
      `SELECT count(*) AS n FROM authors a WHERE posts > 0 AND (first_seen_at IS NOT
         (SELECT min(posted_at) FROM mentions WHERE author_id = a.id) OR last_seen_at IS NOT
         (SELECT max(posted_at) FROM mentions WHERE author_id = a.id))`,
    ),
  ).toBe(0);
  expectRollupsMatchMentions(db);
  if (n > 0) expect(one(db, 'SELECT count(*) AS n FROM rollup_hourly')).toBeGreaterThan(0);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('import runner with the import worker', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let file: string;
  const SIZE = 6000;
  beforeEach(async () => {
    if (!existsSync(WORKER))
      throw new Error('Run `npm run build` first: the import worker is built');
    env = workspaceDeps(UTC_PROFILE);
    file = env.tmp.path('corpus.jsonl');
    await writeCorpusJsonl(file, { size: SIZE, seed: 3 });
  });
  afterEach(() => env.cleanup());

  const deps = (db: Db, worker: boolean, analyse = true): ImportDeps => ({
    db,
    timezone: 'UTC',
    now: () => 1_000,
    analyze: analyse ? createAnalyzer(UTC_PROFILE) : undefined,
    worker: worker ? { script: WORKER, modelJson: null, analyse } : undefined,
  });

  it('stores every row analysed exactly as an import on one thread does, and re-importing adds 0', async () => {
    const s = await importFiles(deps(env.db, true), [file], { format: 'jsonl', batchSize: 500 });
    expect(s).toMatchObject({ imported: SIZE, duplicates: 0, rejected: 0 });
    expect(one(env.db, 'SELECT count(*) AS n FROM mentions WHERE analysis_version IS NULL')).toBe(
      0,
    );
    expectConsistent(env.db);

    const other = workspaceDeps(UTC_PROFILE);
    try {
      await importFiles(deps(other.db, false), [file], { format: 'jsonl', batchSize: 500 });
      const q = `SELECT natural_key, m.id, lang, sentiment, sentiment_score, irony, complaint, topic,
          insult, toxicity, campaign, m.is_brand, a.handle, raw, typeof(raw) AS rawType FROM mentions m
          LEFT JOIN authors a ON a.id = m.author_id ORDER BY natural_key`;
      expect(rows(env.db, q)).toEqual(rows(other.db, q));
      // the worker sends each raw line as its UTF-8 bytes: stored as text all the same
      expect(one(env.db, "SELECT count(*) AS n FROM mentions WHERE typeof(raw) = 'text'")).toBe(
        SIZE,
      );
    } finally {
      other.cleanup();
    }

    const again = await importFiles(deps(env.db, true), [file], { format: 'jsonl' });
    expect(again).toMatchObject({ imported: 0, duplicates: SIZE });
    expectConsistent(env.db);
  });

  it('the worker applies the workspace models (sentiment, complaint, insult) as one thread does', async () => {
    const models: WorkspaceModels = {
      sentiment: trainCorrectionModel(
        CORRECTED.map(([text, sentiment]) => ({ text, label: { sentiment } })),
      ),
      complaint: trainFlagModel(
        'complaint',
        COMPLAINT_CORRECTED.map(([text, complaint]) => ({ text, label: { complaint } })),
      ),
      insult: trainFlagModel(
        'insult',
        INSULT_CORRECTED.map(([text, insult]) => ({ text, label: { insult } })),
      ),
    };
    const learned = [
      'Menudo chuletón, una bestialidad',
      'El horno hace un ruido raro',
      'La tortilla de puta madre',
      'Menudo melón el cocinero',
    ];
    const small = env.tmp.path('learned.jsonl');
    writeTextsJsonl(small, [
      ...learned,
      ...Array.from({ length: 40 }, (_, i) => `Pedido ${i} entregado, gracias`),
    ]);
    const withModels = (db: Db, worker: boolean): ImportDeps => ({
      db,
      timezone: 'UTC',
      now: () => 1_000,
      analyze: createAnalyzer(UTC_PROFILE, models),
      worker: worker ? { script: WORKER, modelJson: serialiseModels(models) } : undefined,
    });
    await importFiles(withModels(env.db, true), [small], { format: 'jsonl' });
    const q = 'SELECT text, sentiment, complaint, topic, insult FROM mentions ORDER BY text';
    const got = new Map(
      (
        rows(env.db, q) as Array<{
          text: string;
          sentiment: number;
          complaint: number;
          topic: string | null;
          insult: number;
        }>
      ).map((r) => [r.text, r]),
    );
    expect(got.get(learned[0] as string)?.sentiment).toBe(1);
    expect(got.get(learned[1] as string)).toMatchObject({
      complaint: 1,
      topic: expect.any(String),
    });
    expect(got.get(learned[2] as string)?.insult).toBe(0);
    expect(got.get(learned[3] as string)?.insult).toBe(1);
    const other = workspaceDeps(UTC_PROFILE);
    try {
      await importFiles(withModels(other.db, false), [small], { format: 'jsonl' });
      expect(rows(env.db, q)).toEqual(rows(other.db, q));
    } finally {
      other.cleanup();
    }
  });

  it('imports with analysis switched off: columns stay null, search and rollups still complete', async () => {
    const s = await importFiles(deps(env.db, true, false), [file], { format: 'jsonl' });
    expect(s.imported).toBe(SIZE);
    expect(
      one(env.db, 'SELECT count(*) AS n FROM mentions WHERE analysis_version IS NOT NULL'),
    ).toBe(0);
    expect(
      one(env.db, "SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'acme'"),
    ).toBeGreaterThan(SIZE / 2);
    expectConsistent(env.db);
  });

  /** The response rollups as stored, to compare with a rebuild. */
  const responseTables = (): unknown[] => [
    rows(env.db, 'SELECT * FROM rollup_response ORDER BY 1, 2, 3, 4, 5, 6'),
    rows(
      env.db,
      `SELECT grain, at, clock, channel, reach, bucket, replies, round(minutes_sum, 6)
         FROM rollup_response_delay ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    rows(env.db, 'SELECT * FROM response_orphans ORDER BY 1'),
  ];

  function expectResponsesLikeRebuild(): void {
    const kept = responseTables();
    expect(
      one(
        env.db,
        "SELECT sum(mentions) AS n FROM rollup_response WHERE grain = 'day' AND state = 'answered'",
      ),
    ).toBeGreaterThan(100);
    expect(
      one(env.db, "SELECT sum(mentions) AS n FROM rollup_response WHERE grain = 'month'"),
    ).toBe(one(env.db, 'SELECT count(*) AS n FROM mentions WHERE is_brand = 0'));
    rebuildResponseRollups(env.db, 'UTC');
    expect(responseTables()).toEqual(kept);
    expect(one(env.db, "SELECT count(*) AS n FROM meta WHERE key LIKE 'bulk_load%'")).toBe(0);
  }

  it.each([{ analyse: false }, { analyse: true }])(
    'leaves the response rollups of a bulk load (analysis $analyse) to a worker of their own: equal to a rebuild here',
    async ({ analyse }) => {
      const s = await importFiles(deps(env.db, true, analyse), [file], {
        format: 'jsonl',
        map: CORPUS_MAP, // brand replies keep their reply_to
        bulk: true,
      });
      expect(s.imported).toBe(SIZE);
      expectResponsesLikeRebuild();
      expectConsistent(env.db);
    },
  );

  /**
   * The import worker's script, except that the worker started for the response rollups dies
   * when it is asked for them (`exit`: the thread ends; `throw`: an uncaught error).
   */
  function dyingResponsesWorker(how: 'exit' | 'throw'): string {
    const script = env.tmp.path(`responses-${how}.cjs`);
    const die = how === 'exit' ? 'process.exit(3)' : "throw new Error('the rollups worker broke')";
    writeFileSync(
      script,
      `const { parentPort, workerData } = require('node:worker_threads');
if (workerData && workerData.type === 'responses') parentPort.once('message', () => { ${die}; });
else require(${JSON.stringify(WORKER)});
`,
    );
    return script;
  }

  it.each(['exit', 'throw'] as const)(
    'finishes a bulk load at once when the response rollups worker dies (%s): the writer computes them',
    async (how) => {
      const started = Date.now();
      const s = await importFiles(
        {
          ...deps(env.db, true, false),
          worker: { script: dyingResponsesWorker(how), modelJson: null, analyse: false },
        },
        [file],
        { format: 'jsonl', map: CORPUS_MAP, bulk: true },
      );
      // Waiting for an answer that never comes would take the 120 s guard.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(s).toMatchObject({ imported: SIZE, duplicates: 0, rejected: 0 });
      expectResponsesLikeRebuild();
      expectConsistent(env.db);
    },
  );

  it('bulk-loads a file that repeats its own rows, in small grouped batches, and undoes it', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    // Rows repeated right after themselves (same transaction) and 5,000 rows later.
    const repeated = [...lines.slice(0, 300), ...lines.slice(0, 300), ...lines.slice(300)];
    repeated.push(...lines.slice(1000, 1400));
    const dup = env.tmp.path('dup.jsonl');
    writeFileSync(dup, `${repeated.join('\n')}\n`);
    const indexNames = () =>
      rows(env.db, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name");
    const before = indexNames();
    const s = await importFiles(deps(env.db, true, false), [dup], {
      format: 'jsonl',
      batchSize: 100,
      bulk: true,
    });
    expect(s).toMatchObject({ imported: SIZE, duplicates: 700, rejected: 0 });
    expect(indexNames()).toEqual(before);
    expect(one(env.db, 'SELECT count(DISTINCT natural_key) AS n FROM mentions')).toBe(SIZE);
    expect(
      one(env.db, "SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'acme'"),
    ).toBe(one(env.db, "SELECT count(*) AS n FROM mentions WHERE text LIKE '%acme%'"));
    expectConsistent(env.db);
    expect(one(env.db, 'SELECT count(*) AS n FROM authors WHERE posts > 0')).toBe(
      one(env.db, 'SELECT count(DISTINCT author_id) AS n FROM mentions'),
    );

    undoBatch(env.db, s.files[0]!.batchId!, 'UTC', 2_000);
    expect(one(env.db, 'SELECT count(*) AS n FROM mentions')).toBe(0);
    expect(one(env.db, 'SELECT count(*) AS n FROM rollup_hourly')).toBe(0);
    expectConsistent(env.db);
  });

  it('keeps rollups equal to a GROUP BY after a load into a workspace with data, and after undo', async () => {
    const small = env.tmp.path('small.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(small, `${lines.slice(0, 700).join('\n')}\n`); // the big file's first rows
    const first = await importFiles(deps(env.db, true), [small], { format: 'jsonl' });
    expect(first.imported).toBe(700);
    const big = await importFiles(deps(env.db, true), [file], {
      format: 'jsonl',
      batchSize: 1000,
      bulk: true,
    });
    expect(
      env.db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'mentions_author'")
        .get(),
    ).toEqual({ n: 1 });
    expect(big).toMatchObject({ imported: SIZE - 700, duplicates: 700 });
    expectConsistent(env.db);
    const search = one(
      env.db,
      "SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'refund OR reembolso'",
    );
    expect(search).toBe(
      one(
        env.db,
        "SELECT count(*) AS n FROM mentions WHERE text LIKE '%refund%' OR text LIKE '%reembolso%'",
      ),
    );

    undoBatch(env.db, big.files[0]!.batchId!, 'UTC', 2_000);
    expect(one(env.db, 'SELECT count(*) AS n FROM mentions')).toBe(700);
    expectConsistent(env.db);
    undoBatch(env.db, first.files[0]!.batchId!, 'UTC', 3_000);
    expect(one(env.db, 'SELECT count(*) AS n FROM mentions')).toBe(0);
    expect(one(env.db, 'SELECT count(*) AS n FROM rollup_hourly')).toBe(0);
    expect(one(env.db, 'SELECT count(*) AS n FROM rollup_daily')).toBe(0);
    expectConsistent(env.db);

    // Undone data imports again in full.
    const again = await importFiles(deps(env.db, true), [file], { format: 'jsonl' });
    expect(again.imported).toBe(SIZE);
    expectConsistent(env.db);
  });
});
