import { existsSync } from 'node:fs';
import { AtalayaError } from '../db/errors';

/** A local Chromium for PDF output in the CLI: $CHROMIUM_PATH, else a system one. */
export function findChromium(): string | null {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

/**
 * How Atalaya runs a local Chromium: headless, and nothing it may fetch or report on its own
 * (no background networking, component updates, sync or QUIC). The browser tests use the same.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints the report HTML to an A4 PDF with every network request refused. */
export async function htmlToPdf(html: string, out: string): Promise<void> {
  const exe = findChromium();
  if (!exe)
    throw new AtalayaError(
      'unavailable',
      'PDF needs Chromium: install it or set CHROMIUM_PATH (the HTML report needs nothing)',
    );
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: exe,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: out, format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
