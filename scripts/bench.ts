import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readProfile, writeProfile } from '../main/core/db/profile-repo';
import { createWorkspaceFile, openWorkspaceFile } from '../main/core/db/workspace-file';
import { dashboardOverview, shiftDays } from '../main/core/db/dashboard-query';
import { searchMentions, type MentionFilter } from '../main/core/db/mentions-query';
import { dashboardResponses, dashboardTrends } from '../main/core/db/trends-query';
import type { Db } from '../main/core/db/workspace-file';
import { createAnalyzer } from '../main/core/sources/analyzer';
import { importFiles } from '../main/core/sources/import-runner';
import type { Channel } from '../main/core/model/channels';
import type { ImportSummary } from '../main/core/model/imports';
import {
  BRAND_CHANNELS,
  BRAND_HANDLE,
  CORPUS_MAP,
  writeCorpusCsv,
  writeCorpusJsonl,
} from './bench/corpus';
import { benchResponses, corpusLastDay } from './bench/responses';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addFeed } from '../main/core/db/feeds-repo';
import { pollFeeds } from '../main/core/sources/feeds/poller';
import { evalThroughput } from './eval-analysis';
import { detectCrises } from '../main/core/crises';
import { benchPeople } from './bench/people';
import { benchReanalyse } from './bench/reanalyse';
import { memoryTrace } from './bench/memory-trace';
import { CHROMIUM_ARGS, findChromium } from '../main/core/reports/pdf';
import { existsSync } from 'node:fs';
import { insightHandlers } from '../main/core/api/handlers/insights';
import { silentLogger, systemClock, type Deps } from '../main/core/api/deps';
import { WorkspaceSession } from '../main/core/workspace/session';
import { FileRegistry } from '../main/core/sources/file-registry';

/**
 * `atalaya serve` in a child process, as a user runs it. In this process its synchronous
 * SQLite calls would also block the Playwright client, which then sees the chart only after
 * the slowest call of the page (the Today panel's crisis detection) has finished.
 */
async function startServeChild(
  wsPath: string,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const proc = spawn(
    process.execPath,
    [join(__dirname, 'atalaya.cjs'), 'serve', '--workspace', wsPath, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout });
    rl.once('line', (line) => resolve(line.trim()));
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    close: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/**
 * Overview first paint and Mentions scroll cost in Chromium against the 1M workspace,
 * through `serve` (skipped when the renderer is not built or no Chromium is installed).
 */
async function benchRenderer(wsPath: string): Promise<Record<string, number | null> | null> {
  const rendererDir = join(__dirname, '../renderer');
  const exe = findChromium();
  if (!existsSync(join(rendererDir, 'index.html')) || !exe) return null;
  const server = await startServeChild(wsPath);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: exe,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(server.url, { waitUntil: 'commit' });
    // The Today panel, the KPIs and the volume chart each paint as their own data arrives.
    const paint = async (p: typeof first): Promise<number[]> => {
      const t0 = Date.now();
      await p.goto(`http://127.0.0.1:${server.port}/#/overview`);
      const at = (id: string): Promise<number> =>
        p
          .getByTestId(id)
          .waitFor({ timeout: 30_000 })
          .then(() => Date.now() - t0);
      return Promise.all([at('today'), at('kpi-mentions'), at('chart-volume')]);
    };
    // The first load of the session, then a second page as a user reopening the Overview.
    const [, , coldMs] = await paint(first);
    await first.waitForTimeout(1000);
    const page = await context.newPage();
    const [todayMs, kpisMs, overviewMs] = await paint(page);
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-row').first().waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const script = async (): Promise<number> =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')
        ?.value ?? 0) * 1000;
    const steps: number[] = [];
    for (let i = 0; i < 40; i++) {
      const before = await script();
      await page.getByTestId('mention-list').evaluate((el) => el.scrollBy(0, 1500));
      await page.waitForTimeout(120);
      steps.push((await script()) - before);
    }
    steps.sort((a, b) => a - b);
    const domRows = await page.locator('[data-testid="mention-row"]').count();
    return {
      overviewFirstPaintMs: overviewMs ?? null,
      overviewFirstLoadMs: coldMs ?? null,
      overviewTodayPanelMs: todayMs ?? null,
      overviewKpisMs: kpisMs ?? null,
      scrollStepScriptMsP50: Math.round((steps[20] ?? 0) * 10) / 10,
      scrollStepScriptMsP95: Math.round((steps[37] ?? 0) * 10) / 10,
      mentionRowsInDom: domRows,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** 500 feeds behind a local server with ~250 ms latency; every other feed answers 304. */
async function benchFeeds(dir: string): Promise<{
  seconds: number;
  cpuSeconds: number;
  feeds: number;
  new: number;
  notModified: number;
  failed: number;
  cycle304CpuSeconds: number;
}> {
  const item = (i: number, k: number) =>
    `<item><title>Acme news ${i}-${k}</title><guid>g-${i}-${k}</guid><description>Acme ${k}</description></item>`;
  const server = createServer((req, res) => {
    const i = Number((req.url ?? '').replace(/\D/g, ''));
    setTimeout(() => {
      if (i % 2 === 0 && req.headers['if-none-match'] === `"e${i}"`)
        return void res.writeHead(304).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: `"e${i}"` });
      res.end(
        `<rss version="2.0"><channel><title>Feed ${i}</title>${Array.from({ length: 20 }, (_, k) => item(i, k)).join('')}</channel></rss>`,
      );
    }, 250);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const wsPath = join(dir, 'feeds.atalaya');
  createWorkspaceFile(wsPath, (db) =>
    writeProfile(
      db,
      {
        brand: 'Acme',
        keywords: ['acme'],
        excludes: [],
        handles: [],
        timezone: 'UTC',
        hours: { days: [1], start: '09:00', end: '18:00' },
        holidays: [],
        responseTargetMinutes: 60,
      },
      Date.now(),
    ),
  ).close();
  const ws = openWorkspaceFile(wsPath);
  for (let i = 0; i < 500; i++)
    addFeed(ws.db, { url: `http://127.0.0.1:${port}/feed/${i}`, name: `feed ${i}` }, 0);
  const deps = {
    db: ws.db,
    now: Date.now,
    timezone: 'UTC',
    keywords: ['acme'],
    excludes: [] as string[],
  };
  // First cycle fetches everything (and learns ETags); the measured cycle is the steady state:
  // half the feeds unchanged (304), half re-sent.
  await pollFeeds(deps, { all: true, concurrency: 64 });
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const s = await pollFeeds(deps, { all: true, concurrency: 64 });
  const seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  ws.close();
  server.close();
  return {
    seconds,
    cpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
    feeds: s.feeds,
    new: s.new,
    notModified: s.notModified,
    failed: s.failed,
    cycle304CpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
  };
}

/**
 * Overview and trends (topics, stars, emerging hashtags and words), response KPIs of the
 * Overview over 7–730 days ending at the newest data, and the Mentions filters users combine.
 */
function dashboardTimings(db: Db): Record<string, number> {
  const last = corpusLastDay(db);
  const periods = [7, 30, 90, 365, 730];
  const fromFor = (i: number): string =>
    shiftDays(last, -((periods[Math.abs(i) % periods.length] ?? 30) - 1));
  const dashboard = timeIt(50, (i) => dashboardOverview(db, { from: fromFor(i), to: last }));
  const trends = timeIt(20, (i) =>
    dashboardTrends(db, { from: fromFor(i), to: last }, 'Europe/Madrid', ['Acme', 'acme']),
  );
  const month = { from: shiftDays(last, -29), to: last };
  const trends30 = timeIt(10, () => dashboardTrends(db, month, 'Europe/Madrid', ['acme']));
  const responses30 = timeIt(10, () => dashboardResponses(db, month));
  const responsesLong = timeIt(10, (i) => dashboardResponses(db, { from: fromFor(i), to: last }));
  const filters: MentionFilter[] = [
    { sentiment: -1, complaint: true },
    { topic: 'refund_billing' },
    { lang: 'en', channels: ['twitter'] },
    { unanswered: true },
    { authorLabel: 'agitator' },
    { q: 'acme', sentiment: -1 },
  ];
  const filtered = timeIt(60, (i) =>
    searchMentions(db, filters[Math.abs(i) % filters.length] ?? {}, { limit: 100 }),
  );
  return {
    dashboardP50Ms: dashboard.p50,
    dashboardP95Ms: dashboard.p95,
    trendsP50Ms: trends.p50,
    trendsP95Ms: trends.p95,
    trends30dP95Ms: trends30.p95,
    dashboardResponses30dP95Ms: responses30.p95,
    dashboardResponsesP95Ms: responsesLong.p95,
    mentionFiltersP50Ms: filtered.p50,
    mentionFiltersP95Ms: filtered.p95,
  };
}

/**
 * `crises.list` and `dashboard.today` through the real handlers on a workspace opened as the
 * app opens it. Cold: the first call after opening (the detector reads its rollups and runs;
 * after an import or poll the next call pays this once), three opens, the worst listed.
 * Warm: repeated calls while the data stays as it is (what the Overview and Crises pages do).
 */
function crisisTimings(path: string): Record<string, number> {
  const cold = { list: 0, today: 0 };
  let warm = { list: { p50: 0, p95: 0 }, today: { p50: 0, p95: 0 } };
  for (let k = 0; k < 3; k++) {
    const session = new WorkspaceSession();
    session.open(path, Date.now());
    const deps: Deps = {
      clock: systemClock,
      log: silentLogger,
      fetch: globalThis.fetch,
      session,
      mode: 'cli',
      version: 'bench',
      emit: () => {},
      files: new FileRegistry(),
    };
    const once = (fn: () => unknown): number => {
      const s = process.hrtime.bigint();
      fn();
      return Number(process.hrtime.bigint() - s) / 1e6;
    };
    const today = (): unknown => insightHandlers['dashboard.today'](deps, {});
    const list = (): unknown => insightHandlers['crises.list'](deps, {});
    // Today first, as the Overview asks for it; the Crises page's list then shares its run.
    cold.today = Math.max(cold.today, Math.round(once(today) * 10) / 10);
    cold.list = Math.max(cold.list, Math.round(once(list) * 10) / 10);
    warm = { list: timeIt(30, list), today: timeIt(30, today) };
    session.close();
  }
  return {
    crisesListColdMs: cold.list,
    dashboardTodayColdMs: cold.today,
    crisesListP50Ms: warm.list.p50,
    crisesListP95Ms: warm.list.p95,
    dashboardTodayP50Ms: warm.today.p50,
    dashboardTodayP95Ms: warm.today.p95,
  };
}

/** p50/p95 in ms of a function run `n` times (after one warm-up run). */
function timeIt(n: number, fn: (i: number) => void): { p50: number; p95: number } {
  fn(-1);
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    fn(i);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  const q = (p: number): number =>
    Math.round((t[Math.min(t.length - 1, Math.floor(p * t.length))] ?? 0) * 100) / 100;
  return { p50: q(0.5), p95: q(0.95) };
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function timeCommand(cmd: string, args: string[], input?: string): number | null {
  const s = Date.now();
  const r = spawnSync(cmd, args, { input, stdio: ['pipe', 'ignore', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(`${cmd} failed: ${r.stderr?.toString().slice(0, 200)}\n`);
    return null;
  }
  return (Date.now() - s) / 1000;
}

function createBenchWorkspace(path: string): void {
  createWorkspaceFile(path, (db) =>
    writeProfile(
      db,
      {
        brand: 'Acme',
        keywords: ['acme'],
        excludes: [],
        // The corpus's brand replies come from this account on every channel it answers on.
        handles: BRAND_CHANNELS.map((channel) => ({
          channel: channel as Channel,
          handle: BRAND_HANDLE,
        })),
        timezone: 'Europe/Madrid',
        hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
        holidays: [],
        responseTargetMinutes: 60,
      },
      Date.now(),
    ),
  ).close();
}

export interface ImportFigures {
  seconds: number;
  rowsPerSec: number;
  peakRssMB: number;
  cpuSeconds: number;
  writerCpuSeconds: number;
  imported: number;
  analysedRows: number;
  ftsRows: number;
  rollupRows: number;
}

/**
 * Imports the corpus JSONL into a new workspace through the import worker, as the app does.
 * The clock stops when the last batch (analysis, FTS, rollups) is committed.
 */
async function benchImport(
  jsonl: string,
  wsPath: string,
  analyse: boolean,
  rssTrace?: string,
): Promise<{ seconds: number; summary: ImportSummary; figures: ImportFigures }> {
  createBenchWorkspace(wsPath);
  const ws = openWorkspaceFile(wsPath);
  const profile = readProfile(ws.db);
  const memory = memoryTrace(rssTrace);
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const main0 = process.threadCpuUsage();
  const summary = await importFiles(
    {
      db: ws.db,
      timezone: profile.timezone,
      now: Date.now,
      analyze: analyse ? createAnalyzer(profile) : undefined,
      worker: { script: join(__dirname, 'import-worker.cjs'), modelJson: null, analyse },
    },
    [jsonl],
    { format: 'jsonl', map: CORPUS_MAP, onProgress: (p) => memory.rows(p.rows) },
  );
  const seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainCpu = process.threadCpuUsage(main0);
  const peak = await memory.stop();
  const one = (sql: string): number => (ws.db.prepare(sql).get() as { n: number }).n;
  const figures: ImportFigures = {
    seconds,
    rowsPerSec: Math.round(summary.imported / seconds),
    peakRssMB: Math.round(peak / 1024 / 1024),
    // CPU time is steadier than wall time on a shared machine: all threads, and the writer alone.
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    writerCpuSeconds: Math.round((mainCpu.user + mainCpu.system) / 1e4) / 100,
    imported: summary.imported,
    analysedRows: one('SELECT count(*) AS n FROM mentions WHERE analysis_version IS NOT NULL'),
    // Rows the full-text index finds: every generated post names the brand. (A plain count(*)
    // of an external-content FTS table reads the content table and proves nothing.)
    ftsRows: one("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'acme'"),
    rollupRows: one('SELECT coalesce(sum(mentions), 0) AS n FROM rollup_hourly'),
  };
  ws.close();
  return { seconds, summary, figures };
}

/** The import with analysis switched off, in a child process of its own (clean peak RSS). */
function benchImportInChild(jsonl: string, wsPath: string): ImportFigures | null {
  const script = process.argv[1];
  if (!script) return null;
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, script, '--child-import', jsonl, '--child-ws', wsPath, '--no-analyse'],
    { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout.toString()) as ImportFigures;
}

interface PeerFigures {
  sqlite3CliSeconds: number | null;
  /** `sqlite-utils insert --csv` of the same rows as CSV, in the median pair (benchBare). */
  sqliteUtilsSeconds: number | null;
  /** `sqlite-utils insert --nl` of the very JSONL file Atalaya imports. */
  sqliteUtilsJsonlSeconds: number | null;
}

/**
 * The peers on the same generated rows: the `sqlite3` CLI `.import` and `sqlite-utils insert`
 * of the equivalent CSV (same seed, same rows, same columns), and `sqlite-utils` on the JSONL
 * file itself. Null where a tool is absent.
 */
async function benchPeers(
  dir: string,
  jsonl: string,
  csv: string,
  bare: BareRuns,
  log: (m: string) => void,
): Promise<PeerFigures> {
  log('peers…');
  return {
    sqlite3CliSeconds: which('sqlite3')
      ? timeCommand('sqlite3', [join(dir, 'peer-cli.db')], `.mode csv\n.import ${csv} mentions\n`)
      : null,
    sqliteUtilsSeconds: bare.medianPair?.sqliteUtilsSeconds ?? null,
    sqliteUtilsJsonlSeconds: which('sqlite-utils')
      ? utilsInsert(dir, 'peer-utils-nl.db', jsonl, '--nl', '--alter')
      : null,
  };
}

/**
 * `sqlite-utils insert` into a new database (removed after). `--alter` on the JSONL: only the
 * brand's replies carry `reply_to`, and sqlite-utils makes the table from the first rows' keys
 * (without it the insert stops at the first reply).
 */
function utilsInsert(dir: string, db: string, file: string, ...flags: string[]): number | null {
  const path = join(dir, db);
  const t = timeCommand('sqlite-utils', ['insert', path, 'mentions', file, ...flags]);
  rmSync(path, { force: true });
  return t;
}

/** One bare import and the `sqlite-utils insert --csv` of the same rows next to it. */
interface BarePair {
  atalayaSeconds: number;
  sqliteUtilsSeconds: number;
  ratio: number;
  /** Which of the two ran first: pairs alternate, so neither always meets a warmer cache. */
  first: 'atalaya' | 'sqlite-utils';
}

interface BareRuns {
  /**
   * The import reported as `import.noAnalysis`: the one of the median pair (the lower middle
   * one by ratio), so that its time, the peer's and the ratio printed are of one pair; without
   * pairs, the run with the median time.
   */
  median: ImportFigures | null;
  /** The median pair (null without pairs). */
  medianPair: BarePair | null;
  pairs: BarePair[];
}

/** a / b to two decimals; null when either is missing or zero. */
function ratio(a: number | null, b: number | null | undefined): number | null {
  return a && b ? Math.round((a / b) * 100) / 100 : null;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1] as number;
}

/**
 * The import with analysis off and `sqlite-utils insert --csv` of the same rows, in `pairs`
 * interleaved pairs: the speed of this shared machine drifts by a quarter within minutes
 * (sqlite-utils alone 15.8 and 19.7 s four minutes apart), so a ratio of two runs minutes
 * apart said more of the machine than of the import. Each pair's ratio is taken right after
 * each other; the figure reported is the median pair's.
 */
function benchBare(
  dir: string,
  jsonl: string,
  csv: string | null,
  pairs: number,
  log: (m: string) => void,
): BareRuns {
  const runs: ImportFigures[] = [];
  const out: Array<{ pair: BarePair; run: ImportFigures }> = [];
  const utils = csv !== null && which('sqlite-utils');
  const peerRun = (): number | null =>
    utils ? utilsInsert(dir, 'peer-utils.db', csv, '--csv') : null;
  for (let k = 0; k < (utils ? pairs : 1); k++) {
    const first = k % 2 === 0 ? 'atalaya' : 'sqlite-utils';
    const before = first === 'sqlite-utils' ? peerRun() : null;
    const ws = join(dir, 'bare.atalaya');
    for (const suffix of ['', '-wal', '-shm']) rmSync(ws + suffix, { force: true });
    const run = benchImportInChild(jsonl, ws);
    if (!run) break;
    runs.push(run);
    const peer = first === 'atalaya' ? peerRun() : before;
    const r = ratio(peer, run.seconds);
    if (peer !== null && r !== null)
      out.push({
        pair: { atalayaSeconds: run.seconds, sqliteUtilsSeconds: peer, ratio: r, first },
        run,
      });
    log(
      `import without analysis: ${run.seconds} s${peer !== null ? `, sqlite-utils ${peer} s (${first} first)` : ''}`,
    );
  }
  const mid = [...out].sort((x, y) => x.pair.ratio - y.pair.ratio)[(out.length - 1) >> 1];
  const midTime = median(runs.map((r) => r.seconds));
  return {
    median: mid ? mid.run : (runs.find((r) => r.seconds === midTime) ?? null),
    medianPair: mid?.pair ?? null,
    pairs: out.map((o) => o.pair),
  };
}

/** Atalaya against the peers: the import with analysis, and the bare one (what the peers do). */
function peerRatios(
  p: PeerFigures,
  seconds: number | null,
  bare: BareRuns,
): Record<string, number | null> {
  const noAnalysis = bare.median;
  return {
    vsSqlite3Cli: ratio(seconds, p.sqlite3CliSeconds),
    speedupVsSqliteUtils: ratio(p.sqliteUtilsSeconds, seconds),
    // The same ratio for the import with analysis off (what sqlite-utils does: no analysis):
    // the median of the interleaved pairs' ratios (benchBare).
    noAnalysisSpeedupVsSqliteUtils: bare.medianPair?.ratio ?? null,
    noAnalysisSpeedupVsSqliteUtilsJsonl: ratio(p.sqliteUtilsJsonlSeconds, noAnalysis?.seconds),
  };
}

/**
 * A whole number from 1 for `--name` (`fallback` when absent); anything else stops the run
 * (exit 2) instead of printing nulls or benchmarking something else.
 */
function countArg(name: string, arg: string | undefined, fallback: number): number {
  const n = arg === undefined ? fallback : Number(arg);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: --${name} takes a whole number from 1, not "${arg}"\n`);
    process.exit(2);
  }
  return n;
}

const ONLY = ['import', 'bare', 'reanalyse'];

/**
 * Seconds a fixed loop of 3·10⁸ additions takes on one core, before and after the run. This
 * shared machine's speed drifts by up to three times between hours (the same import took 11.7
 * and 26 s on different days): the gauge says which kind of hour the absolute figures come
 * from, and figures are only comparable with a similar gauge.
 */
function speedGauge(): number {
  const t0 = process.hrtime.bigint();
  let s = 0;
  for (let i = 0; i < 3e8; i++) s += i;
  if (s < 0) throw new Error('unreachable');
  return Math.round(Number(process.hrtime.bigint() - t0) / 1e7) / 100;
}

const USAGE = `npm run bench -- [--size N] [--json] [--keep] [--pairs N] [--authors N]
    [--only import|bare|reanalyse] [--no-peers] [--no-bare] [--prepared WORKSPACE]
Prints one JSON document of figures (see BENCHMARKS.md); progress goes to stderr.
`;

function readArgs() {
  return parseArgs({
    options: {
      size: { type: 'string' },
      json: { type: 'boolean' },
      keep: { type: 'boolean' },
      'no-peers': { type: 'boolean' },
      'no-bare': { type: 'boolean' },
      // Interleaved pairs of the bare import and sqlite-utils (benchBare).
      pairs: { type: 'string' },
      only: { type: 'string' },
      // Corpus accounts (default: one per ten mentions); the People figures need 100k+.
      authors: { type: 'string' },
      'child-import': { type: 'string' },
      'child-ws': { type: 'string' },
      'no-analyse': { type: 'boolean' },
      // The child import's RSS and V8 spaces over time, as TSV (memory-trace.ts).
      'rss-trace': { type: 'string' },
      // Dashboard queries and renderer figures only, on a workspace kept by an earlier
      // `--keep` run: minutes saved when working on the UI.
      prepared: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<void> {
  let values: ReturnType<typeof readArgs>['values'];
  try {
    ({ values } = readArgs());
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const pairs = countArg('pairs', values.pairs, 3);
  const authors = values.authors === undefined ? undefined : countArg('authors', values.authors, 1);
  if (values.only !== undefined && !ONLY.includes(values.only)) {
    process.stderr.write(`bench: --only takes ${ONLY.join(', ')}, not "${values.only}"\n${USAGE}`);
    process.exit(2);
  }
  if (values.prepared) {
    const ws = openWorkspaceFile(values.prepared);
    const queries = dashboardTimings(ws.db);
    const responses = benchResponses(ws.db, timeIt);
    ws.close();
    Object.assign(queries, crisisTimings(values.prepared));
    const ui = await benchRenderer(values.prepared);
    process.stdout.write(`${JSON.stringify({ queries, responses, renderer: ui }, null, 2)}\n`);
    return;
  }
  if (values['child-import'] && values['child-ws']) {
    const r = await benchImport(
      values['child-import'],
      values['child-ws'],
      !values['no-analyse'],
      values['rss-trace'],
    );
    process.stdout.write(`${JSON.stringify(r.figures)}\n`);
    return;
  }
  const size = countArg('size', values.size, 1_000_000);
  const gaugeBefore = speedGauge();
  const machine = async (): Promise<Record<string, unknown>> => ({
    cpus: (await import('node:os')).cpus().length,
    node: process.version,
    speedGaugeSeconds: { before: gaugeBefore, after: speedGauge() },
  });
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-bench-'));
  const log = (m: string): void => {
    process.stderr.write(`${m}\n`);
  };
  const jsonl = join(dir, 'corpus.jsonl');
  log(`generating ${size} mentions…`);
  const bytes = await writeCorpusJsonl(jsonl, {
    size,
    seed: 42,
    ...(authors !== undefined ? { authors } : {}),
  });
  const wsPath = join(dir, 'bench.atalaya');
  const csv = values['no-peers'] ? null : join(dir, 'corpus.csv');
  if (csv) await writeCorpusCsv(csv, { size, seed: 42 });
  // The bare import (analysis off) runs first, in its own process, so its peak RSS is its own,
  // interleaved with sqlite-utils on the same rows (benchBare).
  const bare: BareRuns = values['no-bare']
    ? { median: null, medianPair: null, pairs: [] }
    : benchBare(dir, jsonl, csv, pairs, log);
  const noAnalysis = bare.median;
  const barePairs = bare.pairs;
  log('importing…');
  // `--only import` / `--only bare`: no queries, renderer or feeds.
  if (values.only === 'import' || values.only === 'bare') {
    const peers = csv ? await benchPeers(dir, jsonl, csv, bare, log) : null;
    const full = values.only === 'bare' ? null : await benchImport(jsonl, wsPath, true);
    const figures = { ...full?.figures, noAnalysis: noAnalysis ?? null };
    const ratios = peers ? peerRatios(peers, full?.seconds ?? null, bare) : null;
    process.stdout.write(
      `${JSON.stringify({ size, machine: await machine(), import: figures, peers: peers && { ...peers, ...ratios, pairs: barePairs } }, null, 2)}\n`,
    );
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    return;
  }
  // `--only reanalyse`: the re-analysis job over every imported row (e.g. --size 200000).
  if (values.only === 'reanalyse') {
    await benchImport(jsonl, wsPath, true);
    const reanalyse = benchReanalyse(wsPath);
    process.stdout.write(`${JSON.stringify({ size, reanalyse }, null, 2)}\n`);
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    return;
  }
  const full = await benchImport(jsonl, wsPath, true);
  const { seconds } = full;
  const ws = openWorkspaceFile(wsPath);

  log('querying…');
  const dash = dashboardTimings(ws.db);
  const searchRare = timeIt(50, () => searchMentions(ws.db, { q: 'collection' }, { limit: 50 }));
  const searchCommon = timeIt(50, () => searchMentions(ws.db, { q: 'acme' }, { limit: 50 }));
  const listNewest = timeIt(50, () => searchMentions(ws.db, {}, { limit: 50 }));
  const topAuthors = timeIt(30, () =>
    ws.db.prepare('SELECT id, handle, posts FROM authors ORDER BY posts DESC LIMIT 100').all(),
  );
  // Responses, crises and people at full size.
  const prof = readProfile(ws.db);
  // Response KPIs as the Responses page reads them (rollups), and their precision at 1M.
  const responses = benchResponses(ws.db, timeIt);
  const t1 = Date.now();
  const crisis = detectCrises(ws.db, prof.timezone);
  const crisisSeconds = (Date.now() - t1) / 1000;
  const people = benchPeople(ws.db, timeIt, prof.timezone);
  ws.close();
  const crisisQueries = crisisTimings(wsPath);
  const ui = await benchRenderer(wsPath);

  const peers = csv ? await benchPeers(dir, jsonl, csv, bare, log) : null;
  const result = {
    size,
    machine: await machine(),
    corpus: { bytes },
    import: { ...full.figures, noAnalysis },
    queries: {
      ...dash,
      searchRareP50Ms: searchRare.p50,
      searchRareP95Ms: searchRare.p95,
      searchCommonP50Ms: searchCommon.p50,
      searchCommonP95Ms: searchCommon.p95,
      listNewestP95Ms: listNewest.p95,
      topAuthorsP95Ms: topAuthors.p95,
      responseKpis30dP95Ms: responses.kpis30dP95Ms,
      responseKpisP95Ms: responses.kpisP95Ms,
      peopleListP95Ms: people.listP95Ms,
      peopleDetailP95Ms: people.detailP95Ms,
      ...crisisQueries,
    },
    crises: {
      seconds: crisisSeconds,
      episodes: crisis.episodes.length,
      hours: crisis.series.length,
    },
    responses,
    people,
    renderer: ui,
    feeds: await benchFeeds(dir),
    analysis: evalThroughput(),
    peers: {
      sqlite3CliSeconds: peers?.sqlite3CliSeconds ?? null,
      sqliteUtilsSeconds: peers?.sqliteUtilsSeconds ?? null,
      sqliteUtilsJsonlSeconds: peers?.sqliteUtilsJsonlSeconds ?? null,
      ...(peers ? peerRatios(peers, seconds, bare) : {}),
      pairs: barePairs,
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, values.json ? 2 : 2)}\n`);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
}

void main();
