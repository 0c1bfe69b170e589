import { AtalayaError } from '../../db/errors';
import { clearHandling, markHandling, UNANSWERED_SQL } from '../../db/handling-repo';
import { SOURCE_NAME } from '../../db/mentions-query';
import { readProfile } from '../../db/profile-repo';
import type { Db } from '../../db/workspace-file';
import type { MentionListItem } from '../../model/mention';
import { auditBrandReplies } from '../../responses/audit';
import { reviewReply } from '../../responses/draft-check';
import type { ResponseKpis } from '../../responses/kpis';
import { kpisFromRollup } from '../../responses/rollup-kpis';
import { compareRange } from '../../db/dashboard-query';
import { readResponseRollup } from '../../db/response-rollups';
import { localDaysToUtc } from '../../db/trends-query';
import { resolveRange } from './dashboard';
import type { Handlers } from '../handler-types';
import { ids, period } from './insights';

type Methods =
  | 'responses.audit'
  | 'responses.kpis'
  | 'responses.queue'
  | 'responses.check'
  | 'responses.mark'
  | 'responses.unmark';

/**
 * KPIs of local days [from, to] from the response rollups: the same definitions and figures
 * as the Overview's response cards, whatever the period's length.
 */
function kpisFor(db: Db, from: string, to: string): ResponseKpis {
  return kpisFromRollup(readResponseRollup(db, from, to), readProfile(db).responseTargetMinutes);
}

const notFound = (id: number): AtalayaError =>
  new AtalayaError('not_found', `No mention with id ${id} in this workspace`);

export const responseHandlers: Pick<Handlers, Methods> = {
  'responses.kpis': (deps, input) => {
    const db = deps.session.require().db;
    const days = input.days ?? 30;
    const tz = readProfile(db).timezone;
    // The last `days` local days up to today (or the newest data), like the Overview.
    const r = resolveRange(db, deps.clock.now(), tz, { days });
    const cmp = compareRange(r);
    const [from, to] = localDaysToUtc(r.from, r.to, tz);
    const previous = kpisFor(db, cmp.compareFrom, cmp.compareTo);
    return {
      from,
      to,
      ...kpisFor(db, r.from, r.to),
      // The period before, same length, so the page can say "better" or "worse".
      previous: {
        responseRate: previous.responseRate,
        medianMinutes: previous.medianMinutes,
        medianBusinessMinutes: previous.medianBusinessMinutes,
        within1h: previous.within1h,
        customerMentions: previous.customerMentions,
      },
    };
  },
  'responses.queue': (deps, input) => {
    const db = deps.session.require().db;
    const { from, to } = period(db, deps.clock.now(), input.days ?? 30);
    // Unanswered complaints, most urgent first: insults and reach push up, then age.
    // Complaints the user marked as handled by phone/DM/email or dismissed leave the queue.
    const items = db
      .prepare(
        `SELECT m.id, m.channel, m.posted_at AS postedAt, m.text, m.title, m.url, a.handle AS authorHandle, a.name AS authorName,
           ${SOURCE_NAME}, m.author_id AS authorId, m.lang, m.rating, m.is_brand AS isBrand, m.sentiment, m.sentiment_score AS score, m.complaint, m.topic, m.insult
         FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
         WHERE m.is_brand = 0 AND m.complaint = 1 AND m.id BETWEEN ? AND ? AND m.posted_at BETWEEN ? AND ?
           AND ${UNANSWERED_SQL}
         ORDER BY (coalesce(m.insult, 0) + coalesce(a.label = 'escalating', 0) * 2 + min(coalesce(m.author_followers, a.followers, 0), 100000) / 50000.0) DESC, m.posted_at ASC
         LIMIT 200`,
      )
      .all(...ids(from, to), from, to) as Array<
      Omit<MentionListItem, 'isBrand' | 'complaint' | 'insult'> & {
        isBrand: number;
        complaint: number;
        insult: number;
      }
    >;
    return {
      items: items.map((r) => ({
        ...r,
        isBrand: r.isBrand === 1,
        complaint: r.complaint === 1,
        insult: r.insult === 1,
      })),
    };
  },
  'responses.audit': (deps, input) => {
    const db = deps.session.require().db;
    const { from, to } = period(db, deps.clock.now(), input.days ?? 30);
    const all = auditBrandReplies(db, from, to);
    return {
      items: all
        .filter((r) => r.warnings.length > 0 || r.notes.length > 0 || r.canned)
        .slice(0, 200),
      audited: all.length,
      flagged: all.filter((r) => r.warnings.length > 0).length,
      canned: all.filter((r) => r.canned).length,
      personalised: all.filter((r) => r.personalised).length,
    };
  },
  'responses.check': (_deps, input) => reviewReply(input.text, { lang: input.lang ?? 'auto' }),
  'responses.mark': (deps, input) => {
    const db = deps.session.require().db;
    const done = markHandling(
      db,
      input.id,
      { handling: input.handling, note: input.note ?? null },
      deps.clock.now(),
    );
    if (!done) throw notFound(input.id);
    return { marked: true, previous: done.previous };
  },
  'responses.unmark': (deps, input) => {
    const db = deps.session.require().db;
    const done = clearHandling(db, input.id);
    if (!done) throw notFound(input.id);
    return { removed: done.removed };
  },
};
