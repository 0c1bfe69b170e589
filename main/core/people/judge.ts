import { normaliseText } from './fingerprint';

export type AuthorLabel =
  'supporter' | 'neutral' | 'angry_customer' | 'escalating' | 'agitator' | 'insufficient_history';

/**
 * The documented thresholds behind the labels (shown in the People page). Shares are of the
 * author's posts.
 */
export const THRESHOLDS = {
  /** Below this many posts nobody is labelled: one angry post says nothing about intent. */
  minHistory: 3,
  /** Posts by different accounts sharing text or hashtags+links within this window coordinate. */
  coordinationWindowMinutes: 10,
  /** A coordinated group has at least this many accounts. */
  coordinationMinAccounts: 3,
  /** Agitator: at least this negative share… */
  agitatorNegativeShare: 0.4,
  /** …with little personal grievance (share of posts with concrete details below this)… */
  agitatorMaxConcreteness: 0.2,
  /** …and campaigning in this share of posts, or repetition, or coordination. */
  agitatorCampaignShare: 0.3,
  agitatorRepetitionShare: 0.4,
  /** Angry customer: at least this negative share, or any complaint. */
  angryNegativeShare: 0.4,
  /** Supporter: at least this positive share. */
  supporterPositiveShare: 0.6,
  /** Care account of another company: this share of posts answer others with apologies/"DM us". */
  careShare: 0.6,
  /** …or at least this many posts, mostly replies, addressed to many different people. */
  careMinPosts: 5,
} as const;

export const MIN_HISTORY = THRESHOLDS.minHistory;
export const COORDINATION_WINDOW_MS = THRESHOLDS.coordinationWindowMinutes * 60_000;

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
  /** Plain English sentences (the CLI prints them). */
  reasons: string[];
  /** The same reasons as translation keys with their numbers (the UI shows them). */
  why: Reason[];
  posts: number;
  features: AuthorFeatures;
  evidence: number[];
  overridden: boolean;
}

/** One reason for a label: a translation key, its numbers, and the English sentence. */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

/** One post of the author as the judge needs it. */
export interface PostFacts {
  id: number;
  natural_key: string;
  posted_at: number;
  text: string;
  sentiment: number | null;
  complaint: number | null;
  insult: number | null;
  campaign: number | null;
  reply_to_key: string | null;
}

/** The first brand reply to a post. */
export interface BrandReply {
  at: number;
  text: string;
}

/**
 * Customer-care accounts of other companies (or of the brand under another handle): they
 * answer other people, apologise, send people to DMs and sign with agent initials. They are
 * not customers, and a booking number in their reply is not their grievance.
 */
const CARE =
  /\b(sorry|apolog|dm us|send us a dm|direct message|please follow|get in touch|reaching out|happy to help|glad to help|lo sentimos|disculpa|escr[ií]benos|por md|mensaje privado)\b|(\^|\*|-|–)\s?[A-Z][A-Za-z]{1,10}\s*$/i;

const CONCRETE = [
  /\b\d{4,}\b/, // order, booking or ticket numbers (tested with @handles removed)
  /\b(mi|mis) (pedido|reserva|vuelo|billete|factura|paquete|cuenta|numero|envio|devolucion|reembolso)\b/i,
  /\b(my|our) (order|booking|flight|ticket|invoice|package|account|refund|reservation)\b/i,
  // (?!\p{L}) instead of \b: JavaScript's \b does not know that "é" is a letter
  /(?<!\p{L})(he pagado|pagu[eé]|compr[eé]|i paid|i ordered|i bought|i booked|reserv[eé])(?!\p{L})/iu,
  /\b\d+([.,]\d{2})? ?(€|eur|euros|\$|usd|dolares|dollars)\b/i,
  /\b(el|desde el|on) \d{1,2}(\/| de )/i,
];
const COMPENSATION =
  /\b(reembols|devolv|devuelto|compensa|vale de|cup[oó]n|descuento|refund|voucher|credit|compensat|discount)/i;

function share(n: number, d: number): number {
  return d ? Math.round((n / d) * 100) / 100 : 0;
}

/** "1 post", "3 posts": the English reasons the CLI prints. */
const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);

/**
 * Labels one author from their posts (oldest first), the brand replies to them (by natural
 * key) and how many accounts they coordinated with. Pure: the same facts give the same verdict.
 */
export function judgeAuthor(
  a: { id: number; channel: string; handle: string },
  posts: PostFacts[],
  replies: Map<string, BrandReply>,
  coordinatedWith: number,
): AuthorVerdict {
  const n = posts.length;
  const neg = posts.filter((p) => p.sentiment === -1);
  const pos = posts.filter((p) => p.sentiment === 1);
  const campaign = posts.filter((p) => p.campaign === 1);
  // "@115712" (anonymised handles) or "@user2019" is not an order number.
  const concreteHits = posts.filter((p) => {
    const text = p.text.replace(/@[\w.]+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
    return CONCRETE.some((re) => re.test(text));
  });
  const norm = posts.map((p) => normaliseText(p.text));
  const seen = new Set<string>();
  let repeated = 0;
  for (const t of norm) {
    if (t.length < 15) continue;
    if (seen.has(t)) repeated++;
    else seen.add(t);
  }
  const days = new Set(posts.map((p) => Math.floor(p.posted_at / 86_400_000))).size;
  const firstReply = posts
    .map((p) => replies.get(p.natural_key))
    .filter((r): r is BrandReply => !!r)
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
  const reasons: Reason[] = [];
  const say = (key: string, text: string, params: Reason['params'] = {}): Reason => ({
    key,
    params,
    text,
  });
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
      say(
        'concrete',
        `Gives concrete details of a personal case in ${concreteHits.length} of ${n} posts (order numbers, amounts, "my order", "I paid")`,
        { k: concreteHits.length, n },
      ),
    );
    concreteHits.slice(0, 3).forEach((p) => evidence.add(p.id));
  }
  if (f.campaignShare > 0) {
    reasons.push(
      say(
        'campaign',
        `Calls others to act (boycott, share, RT) in ${campaign.length} of ${n} posts`,
        {
          k: campaign.length,
          n,
        },
      ),
    );
    campaign.slice(0, 3).forEach((p) => evidence.add(p.id));
  }
  if (repeated > 0)
    reasons.push(
      say('repeated', `Repeats the same message ${repeated} ${plural(repeated, 'time')}`, {
        k: repeated,
      }),
    );
  if (coordinatedWith >= 2)
    reasons.push(
      say(
        'coordinated',
        `Posted the same text (or the same hashtags and links) as ${coordinatedWith} other accounts within ${COORDINATION_WINDOW_MS / 60_000} minutes`,
        { k: coordinatedWith, min: COORDINATION_WINDOW_MS / 60_000 },
      ),
    );
  if (f.insults > 0)
    reasons.push(
      say('insults', `Insults or swears in ${f.insults} ${plural(f.insults, 'post')}`, {
        k: f.insults,
      }),
    );
  let label: AuthorLabel;
  // Worse after the reply: more campaigning, or more negative and still negative at the end
  // (a customer whose last word is "refund received, thanks" has calmed down).
  const lastAfter = after[after.length - 1];
  const escalated =
    firstReply &&
    after.length >= 2 &&
    (f.negativeAfterReply ?? 0) >= (f.negativeBeforeReply ?? 0) &&
    ((f.campaignAfterReply ?? 0) >
      share(before.filter((p) => p.campaign === 1).length, before.length) ||
      ((f.negativeAfterReply ?? 0) > (f.negativeBeforeReply ?? 0) && lastAfter?.sentiment === -1));
  const careLike = posts.filter((p) => p.reply_to_key !== null && CARE.test(p.text)).length;
  const replies_ = posts.filter((p) => p.reply_to_key !== null);
  const replyShare = replies_.length / Math.max(1, n);
  // A care account answers many different people; a customer keeps addressing the brand.
  const addressed = new Set(
    replies_.map((p) => /^\s*@([\w.]+)/.exec(p.text)?.[1]?.toLowerCase()).filter(Boolean),
  ).size;
  const answersMany =
    n >= THRESHOLDS.careMinPosts &&
    replyShare >= 0.8 &&
    addressed >= 0.6 * n &&
    f.campaignShare < THRESHOLDS.agitatorCampaignShare &&
    coordinatedWith < 2;
  if (
    n >= MIN_HISTORY &&
    (careLike / n >= THRESHOLDS.careShare ||
      (n >= 10 && replyShare >= 0.9 && careLike / n >= 0.3) ||
      answersMany)
  ) {
    label = 'neutral';
    reasons.unshift(
      careLike / n >= 0.3
        ? say(
            'care',
            `Looks like a customer-care account: ${careLike} of ${n} posts answer other people with apologies or "DM us"; add it to the brand's accounts in Settings if it is yours`,
            { k: careLike, n },
          )
        : say(
            'careMany',
            `Looks like a customer-care account: ${replies_.length} of ${n} posts are replies to ${addressed} different people; add it to the brand's accounts in Settings if it is yours`,
            { k: replies_.length, n, people: addressed },
          ),
    );
    score = 0;
  } else if (n < MIN_HISTORY && coordinatedWith < 2) {
    label = 'insufficient_history';
    reasons.unshift(
      say(
        'insufficient',
        `Only ${n} ${plural(n, 'post')}: at least ${MIN_HISTORY} are needed before judging an account`,
        { n, min: MIN_HISTORY },
      ),
    );
  } else if (escalated && f.concreteness > 0) {
    label = 'escalating';
    const params = {
      before: Math.round((f.negativeBeforeReply ?? 0) * 100),
      after: Math.round((f.negativeAfterReply ?? 0) * 100),
      camp: Math.round((f.campaignAfterReply ?? 0) * 100),
    };
    reasons.unshift(
      say(
        f.compensationMentioned ? 'escalatingComp' : 'escalating',
        `Had a concrete complaint and got worse after the brand's reply${f.compensationMentioned ? ', even after compensation was offered' : ''}: negative posts ${params.before}% → ${params.after}%, campaigning ${params.camp}% of later posts`,
        params,
      ),
    );
  } else if (
    f.negativeShare >= THRESHOLDS.agitatorNegativeShare &&
    f.concreteness < THRESHOLDS.agitatorMaxConcreteness &&
    (f.campaignShare >= THRESHOLDS.agitatorCampaignShare ||
      f.repetitionShare >= THRESHOLDS.agitatorRepetitionShare ||
      coordinatedWith >= 2)
  ) {
    label = 'agitator';
    reasons.unshift(
      say(
        'agitator',
        'Posts negative content to mobilise others, without a personal case behind it',
      ),
    );
    score = Math.max(score, 0.6);
  } else if (f.negativeShare >= THRESHOLDS.angryNegativeShare || f.complaints > 0) {
    label = 'angry_customer';
    reasons.unshift(
      f.concreteness > 0
        ? say('angryCase', 'Complains about a specific case of their own')
        : say('angryVague', 'Mostly negative about the brand, without signs of campaigning'),
    );
    if (firstReply && (f.negativeAfterReply ?? 1) < (f.negativeBeforeReply ?? 0))
      reasons.push(say('calmed', 'Calmed down after the brand replied'));
    neg.slice(0, 3).forEach((p) => evidence.add(p.id));
  } else if (f.positiveShare >= THRESHOLDS.supporterPositiveShare) {
    label = 'supporter';
    reasons.unshift(
      say('supporter', `Positive in ${pos.length} of ${n} posts`, { k: pos.length, n }),
    );
    pos.slice(0, 3).forEach((p) => evidence.add(p.id));
  } else {
    label = 'neutral';
    reasons.unshift(say('neutral', 'Neither mostly negative nor mostly positive'));
  }
  return {
    id: a.id,
    channel: a.channel,
    handle: a.handle,
    label,
    score,
    reasons: reasons.map((r) => r.text),
    why: reasons,
    posts: n,
    features: f,
    evidence: [...evidence],
    overridden: false,
  };
}
