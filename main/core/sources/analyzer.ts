import { analyzeText, ANALYSIS_VERSION, explainText } from '../analysis';
import { correctedVerdict, type CorrectionModel } from '../analysis/learning';
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
 * The analysis run on every mention as it is stored. A language the platform reports (X and
 * Mastodon tag posts) is trusted for Spanish and English; otherwise it is detected.
 */
export function createAnalyzer(
  _profile: WorkspaceProfile,
  model: CorrectionModel | null = null,
): Analyzer {
  return (m) => {
    const text = analysedText(m);
    const opts = analysisOptions(m);
    // The workspace's corrections adjust the verdict once there are enough of them to trust.
    if (!model || model.examples === 0 || model.trust === 0)
      return { ...analyzeText(text, opts), version: ANALYSIS_VERSION };
    const { analysis, explanation } = explainText(text, opts);
    return {
      ...analysis,
      sentiment: correctedVerdict(model, text, explanation),
      version: ANALYSIS_VERSION,
    };
  };
}
