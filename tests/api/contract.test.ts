import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, type MethodName } from '../../main/core/api/contract';
import { handlers } from '../../main/core/api/handlers';
import { callMethod, METHOD_NAMES } from '../../main/core/api/router';
import { startServer, type RunningServer } from '../../main/core/server/http-server';
import { createInvokeHandler, trustedUrlChecker } from '../../main/electron/ipc-adapter';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

/** A valid input per method: adding a method without one fails this test. */
const SAMPLES: Record<MethodName, unknown> = {
  'app.info': {},
  'workspace.get': {},
  'workspace.update': { ...PROFILE, brand: 'Acme Travel' },
  'workspace.recent': {},
  'workspace.open': { path: '/tmp/somewhere.atalaya' },
  'workspace.choose': { purpose: 'open' },
  'workspace.create': { path: '/tmp/new.atalaya', profile: PROFILE },
  'workspace.check': {},
  'workspace.openDemo': {},
  'workspace.backups': {},
  'workspace.backup': {},
  'workspace.restore': { path: '/tmp/a.atalaya', backup: '/tmp/a.atalaya.v0.bak', confirm: true },
  'sources.choose': {},
  'sources.upload': {
    name: 'tiny.csv',
    data: Buffer.from('id,text\n1,hola\n').toString('base64'),
    last: true,
  },
  'sources.import': { fileToken: 'no-such-token-0001', format: 'csv', map: { text: 'text' } },
  'sources.cancel': { fileToken: 'no-such-token-0001' },
  'sources.discard': { fileToken: 'no-such-token-0001' },
  'sources.preview': { fileToken: 'no-such-token-0001' },
  'sources.presets': {},
  'sources.savePreset': { name: 'Brand24', map: { text: 'Text', date: 'Date' } },
  'sources.batches': {},
  'sources.undo': { batchId: 999 },
  'mentions.search': { q: 'acme', limit: 10 },
  'mentions.get': { id: 1 },
  'mentions.correct': { id: 1, sentiment: -1, note: 'sarcasm' },
  'mentions.uncorrect': { id: 1, fields: ['sentiment'] },
  'mentions.review': { limit: 20 },
  'analysis.cancel': {},
  'dashboard.overview': { days: 7 },
  'dashboard.trends': { days: 7 },
  'dashboard.responses': { days: 7 },
  'dashboard.today': {},
  'responses.kpis': { days: 30 },
  'responses.queue': {},
  'responses.audit': { days: 30 },
  'responses.check': { text: 'Not our problem', lang: 'en' },
  'responses.mark': { id: 1, handling: 'phone', note: 'called her back' },
  'responses.unmark': { id: 1 },
  'people.list': { refresh: true },
  'people.override': { channel: 'twitter', handle: '@ana', label: 'angry_customer' },
  'people.get': { id: 1 },
  'people.groups': { limit: 10 },
  'crises.list': { sensitivity: 'medium' },
  'reports.generate': { from: 0, to: 86_400_000, lang: 'en' },
  'reports.periodSummary': { from: '2026-11-01', to: '2026-11-30' },
  'reports.generatePeriod': { from: '2026-11-01', to: '2026-11-30', lang: 'en' },
  'reports.list': {},
  'reports.open': { id: 1 },
  'reports.pdf': { id: 999 },
  'reports.remove': { id: 999 },
  'reports.annotations': { crisisId: 'c493000', lang: 'en' },
  'reports.annotate': {
    crisisId: 'c493000',
    crisisType: 'preventable',
    item: { key: 'committee', checked: true, note: 'Met at 10:00' },
  },
  'events.list': { from: 0 },
  'events.add': { at: 86_400_000, label: 'Refund announced', action: true },
  'events.remove': { id: 999 },
  'events.restore': { id: 999 },
  'data.export': { what: 'kpis', format: 'csv' },
  'feeds.list': {},
  'feeds.add': { url: 'https://example.com/feed.xml', keywordFilter: true },
  'feeds.update': { id: 1, paused: true },
  'feeds.remove': { id: 1 },
  'feeds.test': { url: 'http://127.0.0.1:9/feed.xml' },
  'feeds.poll': { ids: [1] },
  'feeds.suggest': {},
  'feeds.exportOpml': {},
  'feeds.importOpml': {
    xml: '<opml><body><outline xmlUrl="https://e.example/rss" title="E"/></body></opml>',
  },
};

const APP = 'atalaya://app';
const trusted = { senderFrame: { url: `${APP}/index.html` } } as never;

describe('API contract', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let server: RunningServer;
  let ipc: ReturnType<typeof createInvokeHandler>;

  beforeAll(async () => {
    env = workspaceDeps();
    server = await startServer({ deps: env.deps, hub: env.hub, rendererDir: env.tmp.dir });
    ipc = createInvokeHandler(env.deps, trustedUrlChecker(APP, undefined));
  });
  afterAll(async () => {
    await server.close();
    env.cleanup();
  });

  const http = async (method: string, input: unknown) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-atalaya-token': server.token },
      body: JSON.stringify(input),
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; error?: { code: string } },
    };
  };

  it('every method has an input schema, a handler and a sample', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of METHOD_NAMES) {
      expect(typeof contract[m].input.safeParse, m).toBe('function');
      expect(typeof handlers[m], m).toBe('function');
      expect(contract[m].input.safeParse(SAMPLES[m]).success, m).toBe(true);
    }
  });

  it('every method is reachable through the IPC adapter and HTTP, and its sample passes validation', async () => {
    // Samples are valid, so each call must reach its handler: it may succeed or fail on the
    // workspace's state (a missing id, an existing feed) but never on transport or validation.
    for (const m of METHOD_NAMES) {
      const viaIpc = await ipc(trusted, m, SAMPLES[m]);
      const viaHttp = await http(m, SAMPLES[m]);
      for (const r of [viaIpc, viaHttp.body]) {
        if (!r.ok)
          expect(r.error?.code, m).not.toMatch(/unknown_method|forbidden|unauthorized|validation/);
      }
    }
    const a = await ipc(trusted, 'workspace.get', {});
    const b = await http('workspace.get', {});
    expect(b.body).toEqual(a);
  });

  it('rejects invalid input with a validation error on every transport', async () => {
    const bad = { ...PROFILE, brand: '', timezone: 'Mars/Olympus', extra: 1 };
    const direct = await callMethod(env.deps, 'workspace.update', bad);
    expect(direct).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!direct.ok) expect(direct.error.message).toMatch(/brand.*required/);
    expect(await ipc(trusted, 'workspace.update', bad)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const viaHttp = await http('workspace.update', bad);
    expect(viaHttp.status).toBe(400);
    expect(viaHttp.body).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await callMethod(env.deps, 'nope.nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await callMethod(env.deps, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('the IPC adapter refuses frames that are not the app', async () => {
    const evil = { senderFrame: { url: 'https://evil.example/' } } as never;
    expect(await ipc(evil, 'workspace.get', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ipc({ senderFrame: null } as never, 'workspace.get', {})).toMatchObject({
      ok: false,
    });
  });

  it('workspace.update persists the profile and the UI cannot open arbitrary paths', async () => {
    const r = await callMethod(env.deps, 'workspace.update', {
      ...PROFILE,
      brand: 'Acme Viajes',
      handles: [{ channel: 'twitter', handle: '@AcmeHelp' }],
    });
    expect(r).toMatchObject({
      ok: true,
      value: { brand: 'Acme Viajes', handles: [{ channel: 'twitter', handle: 'AcmeHelp' }] },
    });
    expect(env.events.some((e) => e.event === 'workspace.changed')).toBe(true);
    const open = await callMethod(env.deps, 'workspace.open', { path: '/etc/passwd' });
    expect(open.ok).toBe(false);
  });

  it('the preload exposes only invoke and on, forwarding to the IPC channel', async () => {
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async (_channel: string, method: string, input: unknown) =>
      ipc(trusted, method, input),
    );
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
      ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
    }));
    await import('../../preload/index');
    const api = exposed['atalaya'] as {
      invoke: (m: string, i: unknown) => Promise<{ ok: boolean }>;
    };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    for (const m of METHOD_NAMES) {
      const r = await api.invoke(m, SAMPLES[m]);
      expect(r, m).toHaveProperty('ok');
    }
    expect(invoke).toHaveBeenCalledWith('atalaya:invoke', 'workspace.get', {});
    vi.doUnmock('electron');
  });

  it('package.json version matches the app version', async () => {
    const { APP_VERSION } = await import('../../main/core/version');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
