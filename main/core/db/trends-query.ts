import { STOPWORDS } from '../analysis/lexicons/cues';
import type {
  DashboardResponses,
  DashboardTrends,
  EmergingItem,
  FacetCount,
} from '../model/dashboard';
import { localToUtc } from '../responses/business-time';
import {
  channelClause,
  compareRange,
  daysBetween,
  shiftDays,
  type OverviewRange,
} from './dashboard-query';
import { idRangeFor } from './mention-key';
import { summaryFromRollup } from '../responses/rollup-kpis';
import { readResponseRollup } from './response-rollups';
import type { Facet } from './rollups';
import type { Db } from './workspace-file';

/** Baseline of emerging hashtags and terms: at least four weeks before the period. */
const MIN_BASELINE_DAYS = 28;
/** Term counts read the newest mentions of each window, never the whole table. */
const TERM_SAMPLE = { period: 2000, baseline: 4000 };
const STOP = new Set(Object.values(STOPWORDS).flat());

/** UTC epoch ms range [start, end) of local days [from, to] in `tz`. */
export function localDaysToUtc(from: string, to: string, tz: string): [number, number] {
  return [localToUtc(from, '00:00', tz), localToUtc(shiftDays(to, 1), '00:00', tz)];
}

function facetCounts(
  db: Db,
  facet: Facet,
  r: { from: string; to: string; compareFrom: string; compareTo: string },
  ch: { sql: string; args: string[] },
): FacetCount[] {
  const stmt = db.prepare(
    `SELECT value, sum(mentions) AS mentions, sum(negative) AS negative FROM rollup_facet_daily
     WHERE facet = ? AND day BETWEEN ? AND ?${ch.sql} GROUP BY value`,
  );
  type Row = { value: string; mentions: number; negative: number };
  const before = new Map(
    (stmt.all(facet, r.compareFrom, r.compareTo, ...ch.args) as Row[]).map((x) => [
      x.value,
      x.mentions,
    ]),
  );
  const now = stmt.all(facet, r.from, r.to, ...ch.args) as Row[];
  const out = now.map((x) => ({ ...x, previous: before.get(x.value) ?? 0 }));
  // Values seen only in the comparison period still appear (a topic that went quiet).
  for (const [value, previous] of before)
    if (!now.some((x) => x.value === value))
      out.push({ value, mentions: 0, negative: 0, previous });
  return out.sort((a, b) => b.mentions - a.mentions || b.previous - a.previous);
}

/**
 * Ranks what grew against its own baseline: smoothed rates (uses per `unit` of exposure:
 * days or hundreds of mentions), at least `min` uses in the period.
 */
function emerging(
  now: Map<string, { n: number; neg: number }>,
  nowUnits: number,
  base: Map<string, number>,
  baseUnits: number,
  min: number,
  limit: number,
): EmergingItem[] {
  const out: EmergingItem[] = [];
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  for (const [value, c] of now) {
    if (c.n < min) continue;
    const baseline = (base.get(value) ?? 0) / Math.max(baseUnits, 1e-9);
    const rate = c.n / Math.max(nowUnits, 1e-9);
    const growth = (rate + 1) / (baseline + 1);
    if (growth <= 1.25) continue;
    out.push({
      value,
      mentions: c.n,
      negative: c.neg,
      baseline: r2(baseline),
      rate: r2(rate),
      growth: r2(growth),
    });
  }
  return out.sort((a, b) => b.growth - a.growth || b.mentions - a.mentions).slice(0, limit);
}

function emergingHashtags(
  db: Db,
  from: string,
  to: string,
  baselineFrom: string,
  ch: { sql: string; args: string[] },
): EmergingItem[] {
  const stmt = db.prepare(
    `SELECT value, sum(mentions) AS n, sum(negative) AS neg FROM rollup_facet_daily
     WHERE facet = 'hashtag' AND day BETWEEN ? AND ?${ch.sql} GROUP BY value`,
  );
  const now = new Map(
    (stmt.all(from, to, ...ch.args) as Array<{ value: string; n: number; neg: number }>).map(
      (x) => [x.value, x],
    ),
  );
  const base = new Map(
    (
      stmt.all(baselineFrom, shiftDays(from, -1), ...ch.args) as Array<{ value: string; n: number }>
    ).map((x) => [x.value, x.n]),
  );
  return emerging(
    now,
    daysBetween(from, to),
    base,
    daysBetween(baselineFrom, shiftDays(from, -1)),
    3,
    12,
  );
}

const WORD = /[\p{L}][\p{L}\p{N}'’-]{3,30}/gu;
/**
 * Links and @handles are not words: replies start with "@someone" and X shortens every link
 * to t.co/<slug>, so a busy thread made its handle and the slugs "emerging words".
 */
const NOT_WORDS = /(?:https?:\/\/|www\.)\S*|[@＠][\p{L}\p{N}_.@-]+/gu;

/**
 * Words of the newest customer mentions of a window, newest first over the primary key
 * (ids follow time) with a row cap, so the cost is bounded whatever the period. Each word
 * counts once per mention, so its rate is per mention read.
 */
function termSample(
  db: Db,
  start: number,
  end: number,
  cap: number,
  channels: string[] | undefined,
  skip: Set<string>,
): { counts: Map<string, { n: number; neg: number }>; rows: number } {
  const [lo, hi] = idRangeFor(start, end);
  const ch = channelClause(channels);
  const it = db
    .prepare(
      `SELECT text, sentiment FROM mentions WHERE id BETWEEN ? AND ? AND is_brand = 0${ch.sql}
       ORDER BY id DESC LIMIT ?`,
    )
    .iterate(lo, hi, ...ch.args, cap) as IterableIterator<{
    text: string;
    sentiment: number | null;
  }>;
  const counts = new Map<string, { n: number; neg: number }>();
  let rows = 0;
  for (const r of it) {
    rows++;
    const seen = new Set<string>();
    const lower = r.text.toLowerCase().replace(NOT_WORDS, ' ');
    const tagged = lower.includes('#');
    for (const w of lower.match(WORD) ?? []) {
      // Hashtags have their own list; a word that is also a tag here is left to it.
      if (STOP.has(w) || skip.has(w) || seen.has(w) || (tagged && lower.includes(`#${w}`)))
        continue;
      seen.add(w);
      const c = counts.get(w) ?? { n: 0, neg: 0 };
      c.n++;
      if (r.sentiment === -1) c.neg++;
      counts.set(w, c);
    }
  }
  return { counts, rows };
}

/**
 * Topics, star ratings, emerging hashtags (all from rollup_facet_daily) and emerging words
 * (a bounded sample) for a period and its comparison period.
 */
export function dashboardTrends(
  db: Db,
  r: OverviewRange,
  tz: string,
  brandWords: string[] = [],
): DashboardTrends {
  // The brand's own name and keywords are in nearly every mention: never a trend.
  const skip = new Set(brandWords.flatMap((w) => w.toLowerCase().match(WORD) ?? []));
  const cmp = compareRange(r);
  const range = { from: r.from, to: r.to, ...cmp };
  const ch = channelClause(r.channels);
  const span = daysBetween(r.from, r.to);
  const baselineFrom = shiftDays(r.from, -Math.max(MIN_BASELINE_DAYS, span));
  const [start, end] = localDaysToUtc(r.from, r.to, tz);
  const [bStart] = localDaysToUtc(baselineFrom, r.from, tz);
  const nowTerms = termSample(db, start, end, TERM_SAMPLE.period, r.channels, skip);
  const baseTerms = termSample(db, bStart, start, TERM_SAMPLE.baseline, r.channels, skip);
  const base = new Map([...baseTerms.counts].map(([w, c]) => [w, c.n]));
  return {
    ...range,
    baselineFrom,
    topics: facetCounts(db, 'topic', range, ch),
    stars: facetCounts(db, 'stars', range, ch).sort((a, b) => Number(b.value) - Number(a.value)),
    hashtags: emergingHashtags(db, r.from, r.to, baselineFrom, ch),
    terms: emerging(nowTerms.counts, nowTerms.rows / 100, base, baseTerms.rows / 100, 5, 12),
    termSample: { period: nowTerms.rows, baseline: baseTerms.rows },
  };
}

/**
 * Unanswered complaints and median first response of a period and its comparison period,
 * from the response rollups (kept current when a reply arrives later, a complaint is marked
 * or relabelled, a batch is undone): the same figures as the Responses page.
 */
export function dashboardResponses(db: Db, r: OverviewRange): DashboardResponses {
  const cmp = compareRange(r);
  return {
    from: r.from,
    to: r.to,
    ...cmp,
    current: summaryFromRollup(readResponseRollup(db, r.from, r.to, r.channels)),
    previous: summaryFromRollup(readResponseRollup(db, cmp.compareFrom, cmp.compareTo, r.channels)),
  };
}
