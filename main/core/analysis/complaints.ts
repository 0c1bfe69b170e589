import { GRIEVANCE, TOPICS } from './lexicons/cues';
import { notesText, type Note } from './notes';
import { PhraseMatcher } from './phrase-matcher';
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
  /** `reason` as keys a UI translates. */
  notes: Note[];
}

/** Topic evidence needed, with negative tone, to call a post a complaint. */
export const COMPLAINT_EVIDENCE = 2;

interface Cue {
  topic: string;
  term: string;
  weight: number;
}
// Cues match whole words, or word prefixes for their last word ("retras" → "retrasado").
const CUES = new PhraseMatcher<Cue>(
  Object.entries(TOPICS).flatMap(([topic, list]) =>
    list.map(([term, weight]): [string, Cue] => [term, { topic, term, weight }]),
  ),
  true,
);
const GRIEVANCE_CUES = new PhraseMatcher<string>(
  GRIEVANCE.map((g): [string, string] => [g, g]),
  true,
);

/**
 * A complaint is a negative post about something the brand did or failed to do: topic
 * vocabulary (what went wrong) plus negative tone, or first-person transaction language
 * plus negative tone. The topic is the one with the most evidence.
 */
export function detectComplaint(p: Prepared, sentimentScore: number): ComplaintResult {
  const evidence: ComplaintResult['evidence'] = [];
  const byTopic = new Map<string, number>();
  const seen = new Set<string>();
  for (const { value: c } of CUES.match(p.words)) {
    if (seen.has(c.term)) continue; // a cue counts once however often it appears
    seen.add(c.term);
    evidence.push(c);
    byTopic.set(c.topic, (byTopic.get(c.topic) ?? 0) + c.weight);
  }
  const grievance = [...new Set(GRIEVANCE_CUES.match(p.words).map((m) => m.value))];
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
  const notes: Note[] = [];
  if (complaint) {
    const words = evidence.filter((e) => e.topic === best).map((e) => e.term);
    notes.push(
      best
        ? { key: 'complaintTopic', params: { topic: best, words: words.join(', ') } }
        : { key: 'complaintTone' },
    );
    if (grievance.length)
      notes.push({ key: 'personalTransaction', params: { words: grievance.join(', ') } });
  } else if (bestScore > 0)
    notes.push({ key: 'topicWithoutTone', params: { score: sentimentScore } });
  else notes.push({ key: 'noComplaintWords' });
  return { complaint, topic, evidence, grievance, reason: notesText(notes, '; '), notes };
}
