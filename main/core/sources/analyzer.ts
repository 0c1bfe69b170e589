import {
  analyzeText,
  ANALYSIS_VERSION,
  explainText,
  type Explanation,
  type Topic,
} from '../analysis';
import {
  correctedVerdict,
  correctFlag,
  isTrusted,
  type WorkspaceModels,
} from '../analysis/learning';
import type { Analyzer } from '../db/mention-writer';
import type { WorkspaceProfile } from '../model/workspace';

/** The text a mention is analysed on: its title (reviews, feed items) and its body. */
export function analysedText(m: { title?: string | null; text: string }): string {
  return m.title && !m.text.startsWith(m.title) ? `${m.title}. ${m.text}` : m.text;
}

/** The options a mention is analysed with: a language the platform reports, its stars. */
export function analysisOptions(m: { lang?: string | null; rating?: number | null }): {
  lang: string;
  rating: number | null;
} {
  return {
    lang: m.lang === 'es' || m.lang === 'en' ? m.lang : 'auto',
    rating: m.rating ?? null,
  };
}

/**
 * The topic of a mention the workspace's complaint model calls a complaint: the engine's, or the
 * topic its complaint words point at most, or `other`.
 */
function topicOf(e: Explanation): Topic {
  if (e.complaint.topic) return e.complaint.topic;
  const by = new Map<string, number>();
  for (const c of e.complaint.evidence) by.set(c.topic, (by.get(c.topic) ?? 0) + c.weight);
  let best: Topic = 'other';
  let most = 0;
  for (const [t, w] of by)
    if (w > most) {
      best = t as Topic;
      most = w;
    }
  return best;
}

/**
 * The analysis run on every mention as it is stored. A language the platform reports (X and
 * Mastodon tag posts) is trusted for Spanish and English; otherwise it is detected. The
 * workspace's models (sentiment, complaint, insult) adjust the verdicts once each has enough
 * corrections to trust.
 */
export function createAnalyzer(
  _profile: WorkspaceProfile,
  models: Partial<WorkspaceModels> | null = null,
): Analyzer {
  const sentiment = isTrusted(models?.sentiment) ? (models?.sentiment ?? null) : null;
  const complaint = isTrusted(models?.complaint) ? (models?.complaint ?? null) : null;
  const insult = isTrusted(models?.insult) ? (models?.insult ?? null) : null;
  return (m) => {
    const text = analysedText(m);
    const opts = analysisOptions(m);
    if (!sentiment && !complaint && !insult)
      return { ...analyzeText(text, opts), version: ANALYSIS_VERSION };
    const { analysis, explanation } = explainText(text, opts);
    const out = { ...analysis, version: ANALYSIS_VERSION };
    if (sentiment) out.sentiment = correctedVerdict(sentiment, text, explanation);
    if (complaint) {
      const v = correctFlag(complaint, text, explanation).value;
      if (v !== out.complaint) out.topic = v ? topicOf(explanation) : null;
      out.complaint = v;
    }
    if (insult) out.insult = correctFlag(insult, text, explanation).value;
    return out;
  };
}
