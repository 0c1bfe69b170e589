import { GRIEVANCE, TOPICS } from './lexicons/cues';
import type { Prepared } from './text';

export type Topic =
  | 'delivery_delay'
  | 'cancellation'
  | 'refund_billing'
  | 'customer_service'
  | 'product_fault'
  | 'booking_access'
  | 'price'
  | 'other';

export interface ComplaintResult {
  complaint: boolean;
  topic: Topic | null;
  evidence: Array<{ topic: string; term: string; weight: number }>;
  grievance: string[];
  reason: string;
}

/** Topic evidence needed, with negative tone, to call a post a complaint. */
export const COMPLAINT_EVIDENCE = 2;

// Cues are matched as whole words or word prefixes inside the padded normalised text.
const CUES = Object.entries(TOPICS).flatMap(([topic, list]) =>
  list.map(([term, weight]) => ({ topic, term, weight })),
);

/**
 * A complaint is a negative post about something the brand did or failed to do: topic
 * vocabulary (what went wrong) plus negative tone, or first-person transaction language
 * plus negative tone. The topic is the one with the most evidence.
 */
export function detectComplaint(p: Prepared, sentimentScore: number): ComplaintResult {
  const evidence: ComplaintResult['evidence'] = [];
  const byTopic = new Map<string, number>();
  for (const c of CUES) {
    if (p.norm.includes(` ${c.term}`)) {
      evidence.push(c);
      byTopic.set(c.topic, (byTopic.get(c.topic) ?? 0) + c.weight);
    }
  }
  const grievance = GRIEVANCE.filter((g) => p.norm.includes(` ${g}`));
  let best: string | null = null;
  let bestScore = 0;
  for (const [t, s] of byTopic) {
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  const negative = sentimentScore <= -0.25;
  const strongCue = bestScore >= 3;
  const complaint =
    (negative && (bestScore >= COMPLAINT_EVIDENCE || grievance.length > 0)) ||
    (strongCue && sentimentScore < 0.3 && grievance.length > 0);
  const topic = complaint ? ((best as Topic | null) ?? 'other') : null;
  const reason = complaint
    ? `negative tone${
        best
          ? ` with ${best.replace('_', ' ')} words (${evidence
              .filter((e) => e.topic === best)
              .map((e) => e.term)
              .join(', ')})`
          : ''
      }${grievance.length ? `; personal transaction (${grievance.join(', ')})` : ''}`
    : bestScore > 0
      ? `topic words without a negative tone (score ${sentimentScore.toFixed(2)})`
      : 'no complaint vocabulary';
  return { complaint, topic, evidence, grievance, reason };
}
