import { createServer, type AddressInfo } from 'node:net';
import i18next, { type TFunction } from 'i18next';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { MethodName } from '../../main/core/api/contract';
import type { FeedRow } from '../../main/core/model/feeds';
import {
  FEED_ERROR_TEMPLATES,
  feedError,
  readFeedError,
} from '../../main/core/sources/feeds/feed-errors';
import { feedErrorText } from '../../renderer/src/features/sources/row-reason-text';
import { describeError } from '../../renderer/src/shared/describe-error';
import { ApiError } from '../../renderer/src/api/api-error';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import { workspaceDeps } from '../helpers/workspace';
import { startFeedServer } from './feed-server';

async function i18n(lng: 'en' | 'es') {
  const inst = i18next.createInstance();
  await inst.init({
    lng,
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
  });
  return inst;
}

describe('a feed that cannot be read says why in the UI language, with what to do', () => {
  let srv: Awaited<ReturnType<typeof startFeedServer>>;
  let env: ReturnType<typeof workspaceDeps>;
  beforeAll(async () => {
    srv = await startFeedServer({
      '/tienda.html': (_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end('<!doctype html><html><head><title>Panadería Sol</title></head><body/></html>'),
      '/vacio.xml': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(''),
      '/privado.rss': (_req, res) => res.writeHead(401, 'Unauthorized').end(),
    });
  });
  afterAll(() => srv.close());
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  const call = async <T>(method: MethodName, input: unknown): Promise<T> => {
    const r = await callMethod(env.deps, method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };

  it('the feed list gives each stored error its key; Spanish and English say it, the store keeps English', async () => {
    for (const p of ['/tienda.html', '/vacio.xml', '/privado.rss'])
      await call('feeds.add', { url: srv.url(p) });
    const polled = await call<{ failed: number }>('feeds.poll', {});
    expect(polled.failed).toBe(3);
    const { items } = await call<{ items: FeedRow[] }>('feeds.list', {});
    expect(items.map((f) => [f.lastErrorKey, f.lastErrorParams])).toEqual([
      ['webPageTitled', { title: 'Panadería Sol' }],
      ['emptyDocument', {}],
      ['needsLogin', { status: '401 Unauthorized' }],
    ]);
    expect(items.map((f) => f.lastError)).toEqual([
      'Not a feed: the address returns a web page (“Panadería Sol”)',
      'Not a feed: the server returned an empty document',
      'The server answered 401 Unauthorized: the feed needs a login',
    ]);
    const tEs = (await i18n('es')).t as TFunction;
    expect(items.map((f) => feedErrorText(tEs, f))).toEqual([
      'La dirección es una página web («Panadería Sol»), no un feed. Ábrela en el navegador y copia la dirección de su enlace RSS o Atom.',
      'El servidor ha enviado una página vacía, no un feed. Comprueba la dirección o inténtalo más tarde.',
      'El servidor respondió 401 Unauthorized: el feed pide iniciar sesión. Atalaya solo puede leer feeds públicos.',
    ]);
    const tEn = (await i18n('en')).t as TFunction;
    expect(feedErrorText(tEn, items[0] as FeedRow)).toMatch(
      /^The address is a web page \(“Panadería Sol”\), not a feed\. Open it in a browser/,
    );
  });

  it('Add feed’s check names the reason by key, so the alert is in the UI language', async () => {
    const r = await callMethod(env.deps, 'feeds.test', { url: srv.url('/tienda.html') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/could not be read as a feed: Not a feed: the address/);
    const err = new ApiError(r.error.code, r.error.message, r.error.details);
    const es1 = await i18n('es');
    expect(describeError(err, es1.t, es1)).toBe(
      `No se ha podido leer ${srv.url('/tienda.html')} como fuente. La dirección es una página web («Panadería Sol»), no un feed. Ábrela en el navegador y copia la dirección de su enlace RSS o Atom.`,
    );
    // an address nothing answers on: the connection's own reason, also by key
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = await callMethod(env.deps, 'feeds.test', { url: `http://127.0.0.1:${port}/rss` });
    if (down.ok) throw new Error(`port ${port} answered`);
    expect(down.error.details?.reason?.key).toBe('sources.feedErrors.connectionRefused');
  });

  it('every error reads back to its key and values, and both languages have its words', () => {
    for (const [key, template] of Object.entries(FEED_ERROR_TEMPLATES)) {
      const wanted = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(wanted.map((n) => [n, `${n}-value`]));
      const text = feedError(key as keyof typeof FEED_ERROR_TEMPLATES, params);
      expect(readFeedError(text), text).toEqual({ key, params });
      for (const m of [en, es]) {
        const said = (m.sources.feedErrors as Record<string, string>)[key] ?? '';
        expect(said, key).toBeTruthy();
        const used = [...said.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1] as string).sort();
        expect(used, key).toEqual([...wanted].sort());
      }
    }
    expect(readFeedError('Something nobody wrote')).toBe(null);
  });
});
