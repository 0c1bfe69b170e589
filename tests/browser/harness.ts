import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS } from '../../main/core/reports/pdf';
import { tempDir, type TempDir } from '../helpers/workspace';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'out/cli/atalaya.cjs');
export const OUTPUT = join(ROOT, 'test-output/browser');

export function chromiumPath(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (!found)
    throw new Error(
      'Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH',
    );
  return found;
}

export function requireBuild(): void {
  if (
    !existsSync(CLI) ||
    !existsSync(join(ROOT, 'out/renderer/index.html')) ||
    !existsSync(join(ROOT, 'resources/demo.atalaya'))
  ) {
    throw new Error('Browser tests drive the built app: run `npm run build` first');
  }
  mkdirSync(OUTPUT, { recursive: true });
}

/** Runs the built CLI to completion (as a user would from a terminal). */
export function runCli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `serve` and resolves with the URL it prints as its first stdout line. */
export async function startServe(
  workspace: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ url: string; port: number; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--workspace', workspace, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: env ? { ...process.env, ...env } : process.env,
  });
  const rl = createInterface({ input: proc.stdout! });
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error('serve did not print its URL within 15 s')),
      15_000,
    );
    rl.once('line', (line) => {
      clearTimeout(timer);
      res(line.trim());
    });
    proc.once('exit', (code) => rej(new Error(`serve exited early with ${code}`)));
  });
  return { url, port: Number(new URL(url).port), proc };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

export interface DemoSession {
  page: Page;
  url: string;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A copy of the shipped demo workspace served on loopback and opened in Chromium. */
export async function openDemo(locale = 'en-GB'): Promise<DemoSession> {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-demo-'));
  const ws = join(dir, 'demo.atalaya');
  copyFileSync(join(ROOT, 'resources/demo.atalaya'), ws);
  const serve = await startServe(ws);
  const browser = await launchChromium();
  const page = await (await browser.newContext({ locale, acceptDownloads: true })).newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    page,
    url: serve.url,
    errors,
    close: async () => {
      await browser.close();
      serve.proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo session of a describe block: opened in Chromium (in `locale`, e.g. 'es-ES') before
 * its tests, closed after them. `page` can be taken at once (`const { page } = useDemo()`):
 * it forwards to the browser page once that is open; `url` and `errors` are read in tests.
 */
export function useDemo(
  locale = 'en-GB',
  viewport?: { width: number; height: number },
): DemoSession {
  let session: DemoSession | undefined;
  const open = (): DemoSession => {
    if (!session) throw new Error('useDemo: the demo opens in beforeAll; use it inside a test');
    return session;
  };
  beforeAll(async () => {
    session = await openDemo(locale);
    if (viewport) await session.page.setViewportSize(viewport);
  });
  afterAll(() => session?.close());
  const page = forwardPage(() => open().page);
  return {
    page,
    get url() {
      return open().url;
    },
    get errors() {
      return open().errors;
    },
    close: () => open().close(),
  };
}

/** A Page that forwards to the one `get` returns, so a describe block can take it before beforeAll. */
function forwardPage(get: () => Page): Page {
  return new Proxy({} as Page, {
    get(_target, key) {
      const real = get();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(real)
        : value;
    },
  });
}

/**
 * A new workspace of a describe block: `setup` makes it in a temp dir (through the CLI, as a
 * user would) and returns its path; it is served and opened in Chromium in `locale` before the
 * tests and removed after them. `page` can be taken at once, like useDemo's.
 */
export function useNewWorkspace(
  locale: string,
  setup: (tmp: TempDir) => string | Promise<string>,
): { page: Page } {
  let tmp: TempDir | undefined;
  let serve: Awaited<ReturnType<typeof startServe>> | undefined;
  let browser: Browser | undefined;
  let opened: Page | undefined;
  beforeAll(async () => {
    requireBuild();
    tmp = tempDir();
    serve = await startServe(await setup(tmp));
    browser = await launchChromium();
    opened = await (await browser.newContext({ locale })).newPage();
    await opened.goto(serve.url);
  });
  afterAll(async () => {
    await browser?.close();
    serve?.proc.kill('SIGTERM');
    tmp?.cleanup();
  });
  return {
    page: forwardPage(() => {
      if (!opened) throw new Error('useNewWorkspace: the page opens in beforeAll');
      return opened;
    }),
  };
}
