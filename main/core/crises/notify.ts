import { readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/workspace-file';
import type { CrisisEpisode } from './index';
import type { SignalKind } from './signals';

type Severity = 'low' | 'medium' | 'high';

/** The `crisis.detected` event: a popup, or (quiet) an update of an episode already shown. */
export interface CrisisAlert {
  episodeId: string;
  severity: Severity;
  start: string;
  kind: SignalKind;
  hashtag?: string;
  /** True for an update of an episode already notified, or one held back by the rate limit. */
  quiet: boolean;
}

interface Seen {
  start: number;
  severity: Severity;
  /** When its popup was shown; null while the rate limit holds it back. */
  notifiedAt: number | null;
}

export interface NotifierState {
  episodes: Record<string, Seen>;
  lastPopupAt: number | null;
}

export const NOTIFY = {
  /** At most one popup per this interval, whatever the number of episodes. */
  minIntervalMs: 15 * 60_000,
  /** Only episodes whose alarm is this recent are news (an imported archive is not). */
  freshMs: 24 * 3_600_000,
  /** An episode whose start moved by less than this is the same one (starts are refined). */
  sameWithinMs: 12 * 3_600_000,
  /** Forget episodes older than this. */
  keepMs: 30 * 24 * 3_600_000,
};

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/**
 * Decides what to tell the user about the episodes the detector sees now: a popup once per
 * episode when it is open and its alarm is fresh, at most one popup per `minIntervalMs`
 * (an episode held back pops up on a later check if it is still open), and a quiet update
 * when a notified episode becomes more severe. Pure: the state goes in and comes out.
 */
export function decideAlerts(
  episodes: CrisisEpisode[],
  state: NotifierState,
  now: number,
  o: typeof NOTIFY = NOTIFY,
): { alerts: CrisisAlert[]; state: NotifierState } {
  const next: NotifierState = { episodes: {}, lastPopupAt: state.lastPopupAt };
  for (const [id, s] of Object.entries(state.episodes))
    if (now - s.start < o.keepMs) next.episodes[id] = { ...s };
  const alerts: CrisisAlert[] = [];
  const byNewest = [...episodes].sort(
    (a, b) => Date.parse(b.detectedAt) - Date.parse(a.detectedAt),
  );
  for (const e of byNewest) {
    if (e.end !== null || now - Date.parse(e.detectedAt) > o.freshMs) continue;
    const start = Date.parse(e.start);
    const knownId =
      e.id in next.episodes
        ? e.id
        : Object.keys(next.episodes).find(
            (id) => Math.abs((next.episodes[id] as Seen).start - start) < o.sameWithinMs,
          );
    const seen = knownId === undefined ? undefined : next.episodes[knownId];
    if (knownId !== undefined && knownId !== e.id) {
      delete next.episodes[knownId];
    }
    const hashtag = e.signals.find((s) => s.kind === 'hashtag_hijack')?.hashtag;
    const alert: CrisisAlert = {
      episodeId: e.id,
      severity: e.severity,
      start: e.start,
      kind: e.kind,
      ...(hashtag ? { hashtag } : {}),
      quiet: true,
    };
    if (seen?.notifiedAt != null) {
      next.episodes[e.id] = { ...seen, start, severity: e.severity };
      if (RANK[e.severity] > RANK[seen.severity]) alerts.push(alert);
      continue;
    }
    const mayPopUp = next.lastPopupAt === null || now - next.lastPopupAt >= o.minIntervalMs;
    if (mayPopUp) {
      next.lastPopupAt = now;
      next.episodes[e.id] = { start, severity: e.severity, notifiedAt: now };
      alerts.push({ ...alert, quiet: false });
    } else {
      // held back: the UI still hears of it; the popup comes on a later check
      if (!seen || RANK[e.severity] > RANK[seen.severity]) alerts.push(alert);
      next.episodes[e.id] = { start, severity: e.severity, notifiedAt: null };
    }
  }
  return { alerts, state: next };
}

const META_KEY = 'crisis_notifier';

/** The notifier's memory lives in the workspace, so a restart does not notify again. */
export function loadNotifierState(db: Db): NotifierState {
  const saved = readMeta(db, META_KEY);
  if (saved === undefined) return { episodes: {}, lastPopupAt: null };
  try {
    return JSON.parse(saved) as NotifierState;
  } catch {
    return { episodes: {}, lastPopupAt: null };
  }
}

export function saveNotifierState(db: Db, s: NotifierState): void {
  writeMeta(db, META_KEY, JSON.stringify(s));
}

const TEXT = {
  en: {
    title: { low: 'Possible crisis', medium: 'Crisis alert', high: 'Serious crisis alert' },
    negative_volume: (when: string) =>
      `Negative mentions well above their usual level since ${when}.`,
    sentiment_drop: (when: string) =>
      `Net sentiment has fallen against its usual level since ${when}.`,
    hashtag_hijack: (when: string, tag: string) =>
      `The hashtag ${tag} is growing fast with a negative tone since ${when}.`,
    click: 'Click to open the episode.',
  },
  es: {
    title: { low: 'Posible crisis', medium: 'Alerta de crisis', high: 'Alerta de crisis grave' },
    negative_volume: (when: string) =>
      `Menciones negativas muy por encima de lo habitual desde ${when}.`,
    sentiment_drop: (when: string) =>
      `El sentimiento neto ha caído respecto a lo habitual desde ${when}.`,
    hashtag_hijack: (when: string, tag: string) =>
      `El hashtag ${tag} crece deprisa y en tono negativo desde ${when}.`,
    click: 'Haz clic para abrir el episodio.',
  },
} as const;

/** The popup's words (the desktop shell shows them), in the app's language and local time. */
export function notificationText(
  a: CrisisAlert,
  lang: 'es' | 'en',
  timeZone?: string,
): { title: string; body: string } {
  const t = TEXT[lang];
  const when = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(Date.parse(a.start));
  const what =
    a.kind === 'hashtag_hijack' && a.hashtag
      ? t.hashtag_hijack(when, a.hashtag)
      : a.kind === 'sentiment_drop'
        ? t.sentiment_drop(when)
        : t.negative_volume(when);
  return { title: t.title[a.severity], body: `${what} ${t.click}` };
}
