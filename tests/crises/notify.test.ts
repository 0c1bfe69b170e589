import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/core/api/router';
import type { CrisisEpisode } from '../../main/core/crises';
import {
  decideAlerts,
  loadNotifierState,
  NOTIFY,
  notificationText,
  saveNotifierState,
  type CrisisAlert,
  type NotifierState,
} from '../../main/core/crises/notify';
import { analysed, writeRows, type AnalysedRow } from './analysed';
import { workspaceDeps } from '../helpers/workspace';

const H = 3_600_000;
const NOW = Date.UTC(2026, 2, 10, 12);
const empty = (): NotifierState => ({ episodes: {}, lastPopupAt: null });

function ep(startH: number, o: Partial<CrisisEpisode> = {}): CrisisEpisode {
  const start = NOW - startH * H;
  return {
    id: `c${start / H}`,
    start: new Date(start).toISOString(),
    peak: new Date(start + H).toISOString(),
    end: null,
    severity: 'medium',
    channels: ['twitter'],
    hashtags: [],
    detectedAt: new Date(start + 2 * H).toISOString(),
    kind: 'negative_volume',
    signals: [],
    spread: [],
    topAuthors: [],
    lagHours: 2,
    peakNegative: 40,
    expectedAtPeak: 5,
    reasons: [],
    ...o,
  };
}

describe('crisis notifier', () => {
  it('pops up once per open, fresh episode; later checks stay silent', () => {
    const a = decideAlerts([ep(4)], empty(), NOW);
    expect(a.alerts).toEqual([
      {
        episodeId: ep(4).id,
        severity: 'medium',
        start: ep(4).start,
        kind: 'negative_volume',
        quiet: false,
      },
    ]);
    const b = decideAlerts([ep(4)], a.state, NOW + 60 * 60_000);
    expect(b.alerts).toEqual([]);
    // its start refined by a few hours (a new id): still the same episode
    const moved = ep(7, { detectedAt: ep(4).detectedAt });
    expect(decideAlerts([moved], b.state, NOW + 2 * H).alerts).toEqual([]);
  });

  it('a notified episode growing more severe is a quiet update, not a second popup', () => {
    const a = decideAlerts([ep(4)], empty(), NOW);
    const b = decideAlerts([ep(4, { severity: 'high' })], a.state, NOW + 5 * 60_000);
    expect(b.alerts).toEqual([expect.objectContaining({ severity: 'high', quiet: true })]);
    expect(decideAlerts([ep(4, { severity: 'high' })], b.state, NOW + H).alerts).toEqual([]);
    expect(decideAlerts([ep(4, { severity: 'low' })], b.state, NOW + H).alerts).toEqual([]);
  });

  it('rate-limits popups: a second episode within 15 minutes waits, then pops up if still open', () => {
    const a = decideAlerts([ep(4)], empty(), NOW);
    const second = ep(2, {
      id: 'c999',
      start: new Date(NOW - 30 * H).toISOString(),
      detectedAt: new Date(NOW - H).toISOString(),
      kind: 'hashtag_hijack',
      signals: [
        {
          kind: 'hashtag_hijack',
          detectedAt: new Date(NOW - H).toISOString(),
          start: new Date(NOW - 30 * H).toISOString(),
          end: null,
          value: 30,
          usual: 0,
          threshold: 5,
          hashtag: '#acmetimo',
          growth: 31,
          negativeShare: 0.8,
          tagKind: 'new',
          reason: 'new hashtag',
        },
      ],
    });
    const b = decideAlerts([ep(4), second], a.state, NOW + 5 * 60_000);
    expect(b.alerts).toEqual([
      expect.objectContaining({ episodeId: 'c999', quiet: true, hashtag: '#acmetimo' }),
    ]);
    // still inside the interval: nothing new
    expect(decideAlerts([ep(4), second], b.state, NOW + 10 * 60_000).alerts).toEqual([]);
    const c = decideAlerts([ep(4), second], b.state, NOW + NOTIFY.minIntervalMs);
    expect(c.alerts).toEqual([
      expect.objectContaining({ episodeId: 'c999', quiet: false, kind: 'hashtag_hijack' }),
    ]);
    expect(decideAlerts([ep(4), second], c.state, NOW + H).alerts).toEqual([]);
  });

  it('an ended episode or an old one (an imported archive) is not news', () => {
    expect(
      decideAlerts([ep(10, { end: new Date(NOW - H).toISOString() })], empty(), NOW).alerts,
    ).toEqual([]);
    expect(decideAlerts([ep(24 * 400)], empty(), NOW).alerts).toEqual([]);
  });

  it('words the popup in Spanish and English, with the hashtag and the local time', () => {
    const alert: CrisisAlert = {
      episodeId: 'c1',
      severity: 'high',
      start: '2026-03-10T09:00:00.000Z',
      kind: 'hashtag_hijack',
      hashtag: '#acmetimo',
      quiet: false,
    };
    expect(notificationText(alert, 'es', 'Europe/Madrid')).toEqual({
      title: 'Alerta de crisis grave',
      body: expect.stringMatching(/^El hashtag #acmetimo crece .* desde mar,? 10:00\. Haz clic/),
    });
    expect(
      notificationText({ ...alert, kind: 'negative_volume', severity: 'low' }, 'en', 'UTC'),
    ).toEqual({
      title: 'Possible crisis',
      body: expect.stringMatching(/^Negative mentions .* since Tue,? 09:00\. Click to open/),
    });
  });
});

describe('crisis alerts fed by the import path', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('an import that brings a crisis emits one crisis.detected popup, kept across a restart of the notifier', async () => {
    // five weeks of ordinary traffic: 8 an hour by day, 2 at night, one in five negative
    const crisisStart = Date.UTC(2026, 2, 10, 9);
    const rows: AnalysedRow[] = [];
    let n = 0;
    for (let t = crisisStart - 35 * 24 * H; t < crisisStart; t += H) {
      const hour = new Date(t).getUTCHours();
      const count = hour >= 8 && hour < 22 ? 8 : 2;
      for (let k = 0; k < count; k++) {
        const negative = (n + k) % 5 === 0;
        rows.push({
          channel: 'twitter',
          externalId: `h${n++}`,
          postedAt: t + k * 60_000,
          text: negative ? '@acme no me gusta' : '@acme gracias',
          authorHandle: `u${n % 300}`,
          analysis: analysed(negative),
        });
      }
    }
    writeRows(env.db, rows);
    // the export of the last hours: 30 furious customers an hour for four hours
    const lines = ['id,date,author,text'];
    for (let h = 0; h < 4; h++)
      for (let k = 0; k < 30; k++)
        lines.push(
          `x${h}-${k},${new Date(crisisStart + h * H + k * 90_000).toISOString()},cliente${k},"@acme sois un timo, quiero mi dinero ya, vergüenza #AcmeTimo"`,
        );
    env.clock.set(crisisStart + 4 * H);
    const path = env.tmp.path('export.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const r = await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(path).token,
    });
    expect(r.ok).toBe(true);
    const popups = env.events.filter((e) => e.event === 'crisis.detected');
    expect(popups).toHaveLength(1);
    const alert = popups[0]!.payload as CrisisAlert;
    expect(alert).toMatchObject({ quiet: false, severity: expect.stringMatching(/medium|high/) });
    expect(Math.abs(Date.parse(alert.start) - crisisStart)).toBeLessThanOrEqual(2 * H);
    // the episode it names is the one crises.list shows, so the click can open it
    const list = await callMethod(env.deps, 'crises.list', {});
    const listed = list.ok ? (list.value as { episodes: CrisisEpisode[] }).episodes : [];
    expect(listed.map((e) => e.id)).toContain(alert.episodeId);
    // the notifier's memory is in the workspace: the same episode is not notified again
    expect(loadNotifierState(env.db).episodes[alert.episodeId]?.notifiedAt).toBe(env.clock.now());
    saveNotifierState(env.db, loadNotifierState(env.db));
    env.events.length = 0;
    const again = env.tmp.path('export2.csv');
    writeFileSync(
      again,
      `id,date,author,text\ny1,${new Date(crisisStart + 4 * H + 60_000).toISOString()},otro,"@acme timo #AcmeTimo"\n`,
    );
    env.clock.advance(H);
    await callMethod(env.deps, 'sources.import', {
      fileToken: env.deps.files.register(again).token,
    });
    expect(
      env.events.filter((e) => e.event === 'crisis.detected' && !(e.payload as CrisisAlert).quiet),
    ).toEqual([]);
  });
});
