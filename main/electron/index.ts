import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  protocol,
  session,
  shell,
} from 'electron';
import { systemClock } from '../core/api/deps';
import type { Deps } from '../core/api/deps';
import { EventHub } from '../core/api/event-hub';
import { notificationText, type CrisisAlert } from '../core/crises/notify';
import { APP_VERSION } from '../core/version';
import { startFeedScheduler } from '../core/sources/feeds/scheduler';
import { FileRegistry } from '../core/sources/file-registry';
import { RecentStore } from '../core/workspace/recent-store';
import { WorkspaceSession } from '../core/workspace/session';
import { APP_ORIGIN, APP_SCHEME, serveAppFile } from './app-protocol';
import { printReportPdf } from './print-pdf';
import {
  createInvokeHandler,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  isExternalLinkAllowed,
  trustedUrlChecker,
} from './ipc-adapter';

// Everything here needs a desktop session; the logic it wires is tested in the core.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererDir = join(__dirname, '../renderer');
const hub = new EventHub();
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Atalaya',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would open links in a new window, bypassing setWindowOpenHandler checks.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrusted(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isTrusted(url)) event.preventDefault();
  });
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

const isTrusted = trustedUrlChecker(APP_ORIGIN, devUrl);

async function choosePath(purpose: 'open' | 'create'): Promise<string | null> {
  const filters = [{ name: 'Atalaya workspace', extensions: ['atalaya'] }];
  if (purpose === 'create') {
    const r = await dialog.showSaveDialog({ filters, defaultPath: 'brand.atalaya' });
    return r.canceled || !r.filePath ? null : r.filePath;
  }
  const r = await dialog.showOpenDialog({ filters, properties: ['openFile'] });
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function chooseImportFiles(): Promise<string[]> {
  const r = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'] });
  return r.canceled ? [] : r.filePaths;
}

/** What to notify is decided in the core (crises/notify.ts); the shell only shows it. */
function showCrisisNotification(alert: CrisisAlert): void {
  if (alert.quiet || !Notification.isSupported()) return;
  const lang = app.getLocale().toLowerCase().startsWith('es') ? 'es' : 'en';
  const n = new Notification(notificationText(alert, lang));
  n.on('click', () => {
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow();
    mainWindow.show();
    mainWindow.focus();
    hub.emit('crisis.open', { episodeId: alert.episodeId });
  });
  n.show();
}

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url));
  // No web permission (camera, geolocation…) is ever needed; notifications use the main process.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  const deps: Deps = {
    clock: systemClock,
    log: { info: console.log, warn: console.warn, error: console.error },
    fetch: globalThis.fetch,
    session: new WorkspaceSession(
      new RecentStore(join(app.getPath('userData'), 'recent-workspaces.json')),
    ),
    mode: 'electron',
    version: APP_VERSION,
    emit: hub.emit.bind(hub),
    choosePath,
    chooseImportFiles,
    files: new FileRegistry(),
    importWorker: join(__dirname, 'import-worker.js'),
    printPdf: printReportPdf,
    demo: {
      source: join(
        app.isPackaged ? process.resourcesPath : join(__dirname, '../..'),
        'resources/demo.atalaya',
      ),
      targetDir: join(app.getPath('userData'), 'demo'),
    },
  };
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(deps, isTrusted));
  hub.subscribe((event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed())
      mainWindow.webContents.send(EVENT_CHANNEL, event, payload);
    if (event === 'crisis.detected') showCrisisNotification(payload as CrisisAlert);
  });
  mainWindow = createWindow();
  const stopPolling = startFeedScheduler(deps);
  app.on('will-quit', stopPolling);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('before-quit', () => {
    deps.session.close();
    deps.files.close();
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
