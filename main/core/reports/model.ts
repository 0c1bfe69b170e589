import { detectCrises, episodeSpan, findEpisode } from '../crises';
import { extractHashtags } from '../analysis/hashtags';
import { AtalayaError } from '../db/errors';
import { idRangeFor } from '../db/mention-key';
import { newestPostedAt } from '../db/mention-span';
import { readProfile } from '../db/profile-repo';
import type { Db } from '../db/workspace-file';
import { auditBrandReplies } from '../responses/audit';
import { responseKpis } from '../responses/kpis';
import { kpisFromRollup } from '../responses/rollup-kpis';
import { readResponseRollup } from '../db/response-rollups';
import { readAnnotations } from '../db/episode-annotations-repo';
import { listEvents } from '../db/timeline-events-repo';
import { reportNamer } from './anonymize';
import { partialCoverage, previousPeriod, wholeDays, type LocalPeriod } from './period';
import {
  REPORT_STAGES,
  type ReportModel,
  type ReportRequest,
  type ReportStage,
} from './report-model';
import { scorePlaybook } from './playbook';
import {
  CRISIS_TYPES,
  detectStrategies,
  DISCOURAGED,
  RECOMMENDED,
  STRATEGIES,
  type CrisisType,
  type Strategy,
} from './scct';

const HOUR = 3_600_000;

export { REPORT_STAGES, type ReportModel, type ReportRequest, type ReportStage };

/** Same data, same report: every figure comes from the store, nothing from the clock. */
export function buildReport(db: Db, o: ReportRequest): ReportModel {
  const steps = reportSteps(db, o);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The report's model, made step by step: it yields before each stage after the first, so
 * a caller may report progress and let other work run between them (buildReport runs it
 * straight through).
 */
export function* reportSteps(db: Db, o: ReportRequest): Generator<ReportStage, ReportModel> {
  const profile = readProfile(db);
  let from = o.from ?? 0;
  let to = o.to ?? 0;
  let phases: ReportModel['phases'] = { onset: null, peak: null, end: null, detectedAt: null };
  const detected = detectCrises(db, profile.timezone).episodes;
  if (o.crisisId) {
    const e = findEpisode(detected, o.crisisId);
    if (!e)
      throw new AtalayaError(
        'not_found',
        `No crisis episode ${o.crisisId} in this workspace (see: crises --json)`,
      );
    phases = {
      onset: Date.parse(e.start),
      peak: Date.parse(e.peak),
      end: e.end ? Date.parse(e.end) : null,
      detectedAt: Date.parse(e.detectedAt),
    };
    from = Date.parse(e.start) - 24 * HOUR;
    to = (phases.end ?? newestPostedAt(db) ?? 0) + 48 * HOUR;
  }
  const kind = o.crisisId ? 'crisis' : 'period';
  const episodes: ReportModel['episodes'] =
    kind === 'period'
      ? detected
          .map((e) => ({
            id: e.id,
            start: Date.parse(e.start),
            peak: Date.parse(e.peak),
            end: e.end ? Date.parse(e.end) : null,
            severity: e.severity,
          }))
          .filter((e) => e.start < to && (e.end ?? Infinity) >= from)
      : [];
  const coverage = kind === 'period' ? partialCoverage(db, from, to, profile.timezone) : null;
  yield 'mentions';
  const [lo, hi] = idRangeFor(from, to);
  const totals = totalsBetween(db, lo, hi);
  // A period report compares with as many days just before; a crisis with the month before.
  const prev =
    kind === 'period'
      ? previousPeriod(from, to, profile.timezone)
      : { from: from - 30 * 24 * HOUR, to: from, days: null };
  const previous = kind === 'period' ? totalsBetween(db, ...idRangeFor(prev.from, prev.to)) : null;
  const series = db
    .prepare(
      `SELECT hour, sum(mentions) AS total, sum(CASE WHEN sentiment = -1 THEN mentions ELSE 0 END) AS negative,
         sum(CASE WHEN sentiment = 1 THEN mentions ELSE 0 END) AS positive FROM rollup_hourly
       WHERE is_brand = 0 AND hour >= ? AND hour < ? GROUP BY hour ORDER BY hour`,
    )
    .all(Math.floor(from / HOUR), Math.ceil(to / HOUR)) as ReportModel['series'];
  // Net sentiment per 24 hours from the start of the period: the recovery curve.
  const daily = new Map<number, { positive: number; negative: number }>();
  const h0 = Math.floor(from / HOUR);
  for (const p of series) {
    const k = h0 + Math.floor((p.hour - h0) / 24) * 24;
    const d = daily.get(k) ?? { positive: 0, negative: 0 };
    d.positive += p.positive;
    d.negative += p.negative;
    daily.set(k, d);
  }
  const sentimentDaily = [...daily.entries()].map(([hour, d]) => ({
    hour,
    net: d.positive + d.negative ? (d.positive - d.negative) / (d.positive + d.negative) : null,
    polar: d.positive + d.negative,
  }));
  const channels = db
    .prepare(
      `SELECT channel, count(*) AS mentions, sum(CASE WHEN sentiment = -1 THEN 1 ELSE 0 END) AS negative FROM mentions
       WHERE id BETWEEN ? AND ? AND is_brand = 0 GROUP BY channel ORDER BY mentions DESC`,
    )
    .all(lo, hi) as ReportModel['channels'];
  yield 'hashtags';
  const tags = new Map<string, number>();
  for (const r of db
    .prepare('SELECT text FROM mentions WHERE id BETWEEN ? AND ? AND is_brand = 0')
    .iterate(lo, hi) as IterableIterator<{ text: string }>) {
    for (const t of extractHashtags(r.text)) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  const hashtags = [...tags.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([tag, n]) => ({ tag, n }));
  yield 'people';
  const authorRows = db
    .prepare(
      `SELECT a.handle, a.channel, coalesce(a.label, 'neutral') AS label, sum(CASE WHEN m.sentiment = -1 THEN 1 ELSE 0 END) AS negative, count(*) AS posts
       FROM mentions m JOIN authors a ON a.id = m.author_id WHERE m.id BETWEEN ? AND ? AND m.is_brand = 0
       GROUP BY a.id ORDER BY negative DESC, posts DESC`,
    )
    .all(lo, hi) as ReportModel['people']['top'];
  const byLabel: Record<string, number> = {};
  for (const a of authorRows) byLabel[a.label] = (byLabel[a.label] ?? 0) + 1;
  const keyPosts = db
    .prepare(
      `SELECT a.handle, m.channel, m.posted_at AS at, m.text, coalesce(m.likes, 0) + coalesce(m.shares, 0) AS reach FROM mentions m
       LEFT JOIN authors a ON a.id = m.author_id WHERE m.id BETWEEN ? AND ? AND m.is_brand = 0 AND m.sentiment = -1
       ORDER BY reach DESC, m.id LIMIT 5`,
    )
    .all(lo, hi) as ReportModel['keyPosts'];
  const kp = {
    hours: profile.hours,
    timezone: profile.timezone,
    holidays: profile.holidays,
    targetMinutes: profile.responseTargetMinutes,
  };
  yield 'responses';
  // Whole local days are read from the response rollups, as the Responses page reads them
  // (same figures; a year of a 1M workspace took 2.7 s and 350 MB from the rows); a crisis's
  // hours, and times that are no local midnight, from the mentions.
  const days = kind === 'period' ? wholeDays(from, to, profile.timezone) : null;
  const kpisOf = (a: number, b: number, d: LocalPeriod | null) =>
    d
      ? kpisFromRollup(readResponseRollup(db, d.fromDay, d.toDay), profile.responseTargetMinutes)
      : responseKpis(db, a, b, kp);
  const during = kpisOf(from, to, days);
  const before = kpisOf(prev.from, prev.to, days && prev.days);
  yield 'tone';
  const audit = auditBrandReplies(db, from, to);
  const tone = {
    replies: audit.length,
    flagged: audit.filter((r) => r.warnings.length).length,
    canned: audit.filter((r) => r.canned).length,
    personalised: audit.filter((r) => r.personalised).length,
  };

  // The LetsBonus playbook, measured where the data allows.
  const onset = phases.onset ?? from;
  const brandPosts = db
    .prepare(
      'SELECT posted_at AS t, channel, text FROM mentions WHERE id BETWEEN ? AND ? AND is_brand = 1 ORDER BY id',
    )
    .all(lo, hi) as Array<{ t: number; channel: string; text: string }>;
  const events = listEvents(db, from, to - 1);
  const annotations = o.crisisId
    ? readAnnotations(db, episodeSpan(db, profile.timezone, o.crisisId))
    : { crisisType: null, items: {} };
  const playbook = scorePlaybook({
    onset,
    end: phases.end ?? to,
    brandPosts,
    complaints: totals.complaints,
    complainChannels: channels.filter((c) => c.negative > 0).map((c) => c.channel),
    tone,
    events,
    annotations,
  });
  const crisisType = (CRISIS_TYPES as readonly string[]).includes(annotations.crisisType ?? '')
    ? (annotations.crisisType as CrisisType)
    : null;
  const seen = new Map<Strategy, { replies: number; cues: Map<string, number> }>();
  const replies = brandPosts.filter((b) => b.t >= onset);
  for (const b of replies) {
    for (const d of detectStrategies(b.text)) {
      const s = seen.get(d.strategy) ?? { replies: 0, cues: new Map<string, number>() };
      s.replies++;
      for (const c of d.cues) s.cues.set(c, (s.cues.get(c) ?? 0) + 1);
      seen.set(d.strategy, s);
    }
  }
  const scct: ReportModel['scct'] = {
    type: crisisType,
    recommended: crisisType ? RECOMMENDED[crisisType] : [],
    discouraged: crisisType ? DISCOURAGED[crisisType] : [],
    replies: replies.length,
    seen: STRATEGIES.filter((s) => seen.has(s)).map((s) => {
      const v = seen.get(s) as { replies: number; cues: Map<string, number> };
      return {
        strategy: s,
        replies: v.replies,
        cues: [...v.cues.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 4)
          .map(([c]) => c),
      };
    }),
  };
  const { name: anon, scrub } = reportNamer(profile.handles, o);
  return {
    brand: profile.brand,
    lang: o.lang ?? 'es',
    kind,
    from,
    to,
    timezone: profile.timezone,
    crisisId: o.crisisId ?? null,
    phases,
    totals,
    previous,
    coverage,
    episodes,
    series,
    sentimentDaily,
    channels,
    hashtags,
    people: {
      byLabel,
      top: authorRows.slice(0, 10).map((a) => ({ ...a, handle: anon(a.handle, a.channel) })),
    },
    keyPosts: keyPosts.map((k) => ({
      ...k,
      handle: anon(k.handle, k.channel),
      text: scrub(k.text),
    })),
    responses: { during, before },
    tone,
    // what the user typed can name people too ("called @ana"): scrubbed like post text
    playbook: playbook.map((p) => ({
      ...p,
      measured: scrub(p.measured),
      ...(p.note ? { note: scrub(p.note) } : {}),
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      label: scrub(e.label),
      action: e.action,
      note: e.note === null ? null : scrub(e.note),
    })),
    scct,
    anonymized: o.anonymize === true,
  };
}

function totalsBetween(db: Db, lo: number, hi: number): ReportModel['totals'] {
  const r = db
    .prepare(
      `SELECT count(*) AS mentions, coalesce(sum(is_brand = 0), 0) AS customer,
         coalesce(sum(is_brand = 0 AND sentiment = -1), 0) AS negative,
         coalesce(sum(is_brand = 0 AND complaint = 1), 0) AS complaints,
         coalesce(sum(is_brand = 1), 0) AS brandReplies
       FROM mentions WHERE id BETWEEN ? AND ?`,
    )
    .get(lo, hi) as ReportModel['totals'];
  return r;
}
