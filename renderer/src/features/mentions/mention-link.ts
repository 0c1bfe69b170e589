import { CHANNELS, type Channel } from '../../../../main/core/model/channels';
import { AUTHOR_LABELS } from '../../../../main/core/model/labels';
import type { InputOf } from '../../../../main/core/api/contract';

/** The Mentions filters a link can carry (from a chart point, a KPI or a list). */
export type MentionLink = Pick<
  InputOf<'mentions.search'>,
  | 'q'
  | 'fromDay'
  | 'toDay'
  | 'channels'
  | 'sentiment'
  | 'complaint'
  | 'topic'
  | 'lang'
  | 'authorLabel'
  | 'unanswered'
  | 'stars'
>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `#/mentions?…` for these filters. */
export function mentionsHref(f: MentionLink): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = p.toString();
  return `#/mentions${qs ? `?${qs}` : ''}`;
}

/** Reads the filters back from the hash; anything unknown or malformed is dropped. */
export function linkFromHash(hash: string): MentionLink {
  const qs = hash.split('?')[1];
  if (!qs) return {};
  const p = new URLSearchParams(qs);
  const f: MentionLink = {};
  const q = p.get('q');
  if (q) f.q = q.slice(0, 500);
  const fromDay = p.get('fromDay');
  if (fromDay && DAY.test(fromDay)) f.fromDay = fromDay;
  const toDay = p.get('toDay');
  if (toDay && DAY.test(toDay)) f.toDay = toDay;
  const channels = (p.get('channels') ?? '')
    .split(',')
    .filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c));
  if (channels.length) f.channels = channels;
  const s = p.get('sentiment');
  if (s === '-1' || s === '0' || s === '1') f.sentiment = Number(s) as -1 | 0 | 1;
  if (p.get('complaint') === 'true') f.complaint = true;
  const topic = p.get('topic');
  if (topic && /^[a-z_]{1,40}$/.test(topic)) f.topic = topic;
  const lang = p.get('lang');
  if (lang && /^[a-z]{2,3}$/.test(lang)) f.lang = lang;
  const label = p.get('authorLabel');
  const known = AUTHOR_LABELS.find((l) => l === label);
  if (known) f.authorLabel = known;
  if (p.get('unanswered') === 'true') f.unanswered = true;
  const stars = Number(p.get('stars'));
  if (Number.isInteger(stars) && stars >= 1 && stars <= 5) f.stars = stars;
  return f;
}
