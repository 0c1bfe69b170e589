import { BrowserWindow } from 'electron';

/**
 * Prints a report to an A4 PDF with Electron's own Chromium, so the desktop app needs no
 * separate browser. The window is hidden, sandboxed, without JavaScript, in an in-memory
 * session; the report's own policy (default-src 'none') refuses every request.
 */
export async function printReportPdf(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      partition: 'report-pdf',
    },
  });
  try {
    await win.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    );
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    win.destroy();
  }
}
