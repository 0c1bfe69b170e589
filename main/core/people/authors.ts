import type { Db } from '../db/workspace-file';

export type AuthorLabel =
  'supporter' | 'neutral' | 'angry_customer' | 'escalating' | 'agitator' | 'insufficient_history';

/** Below this many posts nobody is labelled: one angry post says nothing about intent. */
export const MIN_HISTORY = 3;
/** Posts by different accounts with the same text within this window are coordinated. */
export const COORDINATION_WINDOW_MS = 10 * 60_000;

export interface AuthorFeatures {
  posts: number;
  activeDays: number;
  channels: number;
  negativeShare: number;
  positiveShare: number;
  complaints: number;
  insults: number;
  campaignShare: number;
  repetitionShare: number;
  concreteness: number;
  coordinatedWith: number;
  repliedByBrand: boolean;
  negativeBeforeReply: number | null;
  negativeAfterReply: number | null;
  campaignAfterReply: number | null;
  compensationMentioned: boolean;
}

export interface AuthorVerdict {
  id: number;
  channel: string;
  handle: string;
  label: AuthorLabel;
  score: number;
  reasons: string[];
  posts: number;
  features: AuthorFeatures;
  evidence: number[];
  overridden: boolean;
}

interface Row {
  id: number;
  author_id: number;
  natural_key: string;
  posted_at: number;
  text: string;
  sentiment: number | null;
  complaint: number | null;
  insult: number | null;
  campaign: number | null;
  reply_to_key: string | null;
}

/**
 * Customer-care accounts of other companies (or of the brand under another handle): they
 * answer other people, apologise, send people to DMs and sign with agent initials. They are
 * not customers, and a booking number in their reply is not their grievance.
 */
const CARE =
  /\b(sorry|apolog|dm us|send us a dm|direct message|please follow|get in touch|reaching out|happy to help|glad to help|lo sentimos|disculpa|escr[ií]benos|por md|mensaje privado)\b|(\^|\*|-|–)\s?[A-Z][A-Za-z]{1,10}\s*$/i;

const CONCRETE = [
  /\b\d{4,}\b/, // order, booking or ticket numbers
  /\b(mi|mis) (pedido|reserva|vuelo|billete|factura|paquete|cuenta|numero|envio|devolucion|reembolso)\b/i,
  /\b(my|our) (order|booking|flight|ticket|invoice|package|account|refund|reservation)\b/i,
  // (?!\p{L}) instead of \b: JavaScript's \b does not know that "é" is a letter
  /(?<!\p{L})(he pagado|pagu[eé]|compr[eé]|i paid|i ordered|i bought|i booked|reserv[eé])(?!\p{L})/iu,
  /\b\d+([.,]\d{2})? ?(€|eur|euros|\$|usd|dolares|dollars)\b/i,
  /\b(el|desde el|on) \d{1,2}(\/| de )/i,
];
const COMPENSATION =
  /\b(reembols|devolv|devuelto|compensa|vale de|cup[oó]n|descuento|refund|voucher|credit|compensat|discount)/i;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, '')
    .replace(/@[\w.]+/g, '')
    .replace(/[^\p{L}\s#]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Labels every author from their stored mentions. An angry customer has concrete reasons
 * (order numbers, amounts, "my order", "I paid"); an agitator posts negative things to get
 * results — calls to action, repetition, coordination — with little personal grievance; an
 * escalating author is an angry customer whose posts turn into campaigning after the brand
 * replied or compensated. Every label carries the sentences and the posts behind it.
 */
export function analyseAuthors(db: Db, now: number): AuthorVerdict[] {
  const authors = db
    .prepare('SELECT id, channel, handle FROM authors WHERE is_brand = 0 AND posts > 0')
    .all() as Array<{ id: number; channel: string; handle: string }>;
  const rows = db
    .prepare(
      `SELECT id, author_id, natural_key, posted_at, text, sentiment, complaint, insult, campaign, reply_to_key FROM mentions
       WHERE author_id IS NOT NULL AND is_brand = 0 ORDER BY author_id, id`,
    )
    .all() as Row[];
  // First brand reply to each post (by natural key), for the reaction-to-reply features.
  const replies = new Map<string, { at: number; text: string }>();
  for (const r of db
    .prepare(
      'SELECT reply_to_key AS k, min(posted_at) AS at, text FROM mentions WHERE is_brand = 1 AND reply_to_key IS NOT NULL GROUP BY reply_to_key',
    )
    .all() as Array<{ k: string; at: number; text: string }>) {
    replies.set(r.k, { at: r.at, text: r.text });
  }
  // Coordination: identical normalised texts from different accounts within minutes.
  const byText = new Map<string, Array<{ author: number; at: number }>>();
  for (const r of rows) {
    // A retweet copies text by design: sharing is not coordination.
    if (/^RT @/.test(r.text)) continue;
    const n = normalise(r.text);
    if (n.length < 20) continue;
    const list = byText.get(n) ?? [];
    list.push({ author: r.author_id, at: r.posted_at });
    byText.set(n, list);
  }
  const coordinated = new Map<number, Set<number>>();
  for (const list of byText.values()) {
    if (list.length < 3) continue;
    list.sort((a, b) => a.at - b.at);
    for (let i = 0; i < list.length; i++) {
      const group = list.filter(
        (x) => Math.abs(x.at - (list[i] as { at: number }).at) <= COORDINATION_WINDOW_MS,
      );
      const ids = new Set(group.map((g) => g.author));
      if (ids.size >= 3)
        for (const a of ids)
          for (const b of ids)
            if (a !== b) (coordinated.get(a) ?? coordinated.set(a, new Set()).get(a))?.add(b);
    }
  }
  const overrides = new Map(
    (
      db
        .prepare(
          "SELECT target_key AS k, value FROM overrides WHERE target_kind = 'author' AND field = 'label'",
        )
        .all() as Array<{ k: string; value: string }>
    ).map((o) => [o.k, o.value]),
  );
  const byAuthor = new Map<number, Row[]>();
  for (const r of rows)
    (byAuthor.get(r.author_id) ?? byAuthor.set(r.author_id, []).get(r.author_id))?.push(r);

  const out: AuthorVerdict[] = [];
  for (const a of authors) {
    const posts = byAuthor.get(a.id) ?? [];
    const v = judge(a, posts, replies, coordinated.get(a.id)?.size ?? 0);
    const o = overrides.get(`${a.channel}:${a.handle.toLowerCase()}`);
    if (o) {
      v.reasons.unshift(`Label set by the user (computed: ${v.label.replace('_', ' ')})`);
      v.label = o as AuthorLabel;
      v.overridden = true;
    }
    out.push(v);
  }
  const save = db.prepare(
    'UPDATE authors SET label = ?, score = ?, reasons = ?, features = ?, analysed_at = ? WHERE id = ?',
  );
  db.transaction(() => {
    for (const v of out)
      save.run(v.label, v.score, JSON.stringify(v.reasons), JSON.stringify(v.features), now, v.id);
  })();
  return out;
}

function share(n: number, d: number): number {
  return d ? Math.round((n / d) * 100) / 100 : 0;
}

function judge(
  a: { id: number; channel: string; handle: string },
  posts: Row[],
  replies: Map<string, { at: number; text: string }>,
  coordinatedWith: number,
): AuthorVerdict {
  const n = posts.length;
  const neg = posts.filter((p) => p.sentiment === -1);
  const pos = posts.filter((p) => p.sentiment === 1);
  const campaign = posts.filter((p) => p.campaign === 1);
  const concreteHits = posts.filter((p) => CONCRETE.some((re) => re.test(p.text)));
  const norm = posts.map((p) => normalise(p.text));
  const repeated = norm.filter((t, i) => t.length >= 15 && norm.indexOf(t) !== i).length;
  const days = new Set(posts.map((p) => Math.floor(p.posted_at / 86_400_000))).size;
  const firstReply = posts
    .map((p) => replies.get(p.natural_key))
    .filter((r): r is { at: number; text: string } => !!r)
    .sort((x, y) => x.at - y.at)[0];
  const before = firstReply ? posts.filter((p) => p.posted_at <= firstReply.at) : [];
  const after = firstReply ? posts.filter((p) => p.posted_at > firstReply.at) : [];
  const f: AuthorFeatures = {
    posts: n,
    activeDays: days,
    channels: 1,
    negativeShare: share(neg.length, n),
    positiveShare: share(pos.length, n),
    complaints: posts.filter((p) => p.complaint === 1).length,
    insults: posts.filter((p) => p.insult === 1).length,
    campaignShare: share(campaign.length, n),
    repetitionShare: share(repeated, n),
    concreteness: share(concreteHits.length, n),
    coordinatedWith,
    repliedByBrand: !!firstReply,
    negativeBeforeReply: firstReply
      ? share(before.filter((p) => p.sentiment === -1).length, before.length)
      : null,
    negativeAfterReply:
      firstReply && after.length
        ? share(after.filter((p) => p.sentiment === -1).length, after.length)
        : null,
    campaignAfterReply:
      firstReply && after.length
        ? share(after.filter((p) => p.campaign === 1).length, after.length)
        : null,
    compensationMentioned: !!firstReply && COMPENSATION.test(firstReply.text),
  };
  const reasons: string[] = [];
  const evidence = new Set<number>();
  // How agitator-like: campaigning, repetition, coordination and insults raise it; concrete
  // personal grievances lower it.
  let score =
    0.35 * f.campaignShare +
    0.2 * f.repetitionShare +
    (coordinatedWith >= 2 ? 0.25 : 0) +
    0.1 * share(f.insults, n) +
    0.15 * f.negativeShare -
    0.3 * f.concreteness;
  score = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  if (f.concreteness > 0) {
    reasons.push(
      `Gives concrete details of a personal case in ${concreteHits.length} of ${n} posts (order numbers, amounts, "my order", "I paid")`,
    );
    concreteHits.slice(0, 3).forEach((p) => evidence.add(p.id));
  }
  if (f.campaignShare > 0) {
    reasons.push(`Calls others to act (boycott, share, RT) in ${campaign.length} of ${n} posts`);
    campaign.slice(0, 3).forEach((p) => evidence.add(p.id));
  }
  if (repeated > 0) reasons.push(`Repeats the same message ${repeated} time(s)`);
  if (coordinatedWith >= 2)
    reasons.push(
      `Posted the same text as ${coordinatedWith} other accounts within ${COORDINATION_WINDOW_MS / 60_000} minutes`,
    );
  if (f.insults > 0) reasons.push(`Insults or swears in ${f.insults} post(s)`);
  let label: AuthorLabel;
  const escalated =
    firstReply &&
    after.length >= 2 &&
    (f.negativeAfterReply ?? 0) >= (f.negativeBeforeReply ?? 0) &&
    ((f.campaignAfterReply ?? 0) >
      share(before.filter((p) => p.campaign === 1).length, before.length) ||
      (f.negativeAfterReply ?? 0) > (f.negativeBeforeReply ?? 0));
  const careLike = posts.filter((p) => p.reply_to_key !== null && CARE.test(p.text)).length;
  const replyShare = posts.filter((p) => p.reply_to_key !== null).length / Math.max(1, n);
  if (
    n >= MIN_HISTORY &&
    (careLike / n >= 0.6 || (n >= 10 && replyShare >= 0.9 && careLike / n >= 0.3))
  ) {
    label = 'neutral';
    reasons.unshift(
      `Looks like a customer-care account: ${careLike} of ${n} posts answer other people with apologies or "DM us"; add it to the brand's accounts in Settings if it is yours`,
    );
    score = 0;
  } else if (n < MIN_HISTORY && coordinatedWith < 2) {
    label = 'insufficient_history';
    reasons.unshift(
      `Only ${n} post(s): at least ${MIN_HISTORY} are needed before judging an account`,
    );
  } else if (escalated && f.concreteness > 0) {
    label = 'escalating';
    reasons.unshift(
      `Had a concrete complaint and got worse after the brand's reply${f.compensationMentioned ? ', even after compensation was offered' : ''}: negative posts ${Math.round((f.negativeBeforeReply ?? 0) * 100)}% → ${Math.round((f.negativeAfterReply ?? 0) * 100)}%, campaigning ${Math.round((f.campaignAfterReply ?? 0) * 100)}% of later posts`,
    );
  } else if (
    f.negativeShare >= 0.4 &&
    f.concreteness < 0.2 &&
    (f.campaignShare >= 0.3 || f.repetitionShare >= 0.4 || coordinatedWith >= 2)
  ) {
    label = 'agitator';
    reasons.unshift('Posts negative content to mobilise others, without a personal case behind it');
    score = Math.max(score, 0.6);
  } else if (f.negativeShare >= 0.4 || f.complaints > 0) {
    label = 'angry_customer';
    reasons.unshift(
      f.concreteness > 0
        ? 'Complains about a specific case of their own'
        : 'Mostly negative about the brand, without signs of campaigning',
    );
    if (firstReply && (f.negativeAfterReply ?? 1) < (f.negativeBeforeReply ?? 0))
      reasons.push('Calmed down after the brand replied');
    neg.slice(0, 3).forEach((p) => evidence.add(p.id));
  } else if (f.positiveShare >= 0.6) {
    label = 'supporter';
    reasons.unshift(`Positive in ${pos.length} of ${n} posts`);
    pos.slice(0, 3).forEach((p) => evidence.add(p.id));
  } else {
    label = 'neutral';
    reasons.unshift('Neither mostly negative nor mostly positive');
  }
  return {
    id: a.id,
    channel: a.channel,
    handle: a.handle,
    label,
    score,
    reasons,
    posts: n,
    features: f,
    evidence: [...evidence],
    overridden: false,
  };
}
