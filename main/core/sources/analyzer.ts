import { analyzeText, ANALYSIS_VERSION } from '../analysis';
import { applyCorrectionModel, type CorrectionModel } from '../analysis/learning';
import type { Analyzer } from '../db/mention-writer';
import type { WorkspaceProfile } from '../model/workspace';

/**
 * The analysis run on every mention as it is stored. A language the platform reports (X and
 * Mastodon tag posts) is trusted for Spanish and English; otherwise it is detected.
 */
export function createAnalyzer(
  _profile: WorkspaceProfile,
  model: CorrectionModel | null = null,
): Analyzer {
  return (m) => {
    const text = m.title && !m.text.startsWith(m.title) ? `${m.title}. ${m.text}` : m.text;
    const hint = m.lang === 'es' || m.lang === 'en' ? m.lang : 'auto';
    // The workspace's own corrections adjust the verdict once the user has made some.
    const a = applyCorrectionModel(
      model,
      text,
      analyzeText(text, { lang: hint, rating: m.rating ?? null }),
    );
    return { ...a, version: ANALYSIS_VERSION };
  };
}
