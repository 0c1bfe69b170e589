import { explainText } from '../analysis';
import { rankForReview, type ReviewSuggestion } from '../analysis/review';
import { sentimentThresholds } from '../analysis/sentiment';
import type { MentionListItem } from '../model/mention';
import { analysedText, analysisOptions } from '../sources/analyzer';
import { loadCorrectionModel } from './corrections-repo';
import { getMentionItems } from './mentions-query';
import type { Db } from './workspace-file';

/**
 * Mentions ranked at most, nearest a threshold of the lexicon score first: every one is analysed
 * again to rank it (~0.1 s for 2,500), and in a large workspace the ones the model hesitates on
 * are among those anyway.
 */
export const REVIEW_CANDIDATES = 2500;

export interface ReviewItem {
  mention: MentionListItem;
  suggestion: ReviewSuggestion;
}

/**
 * The customers' mentions to review next (sentiment): those the workspace model is least sure
 * of, diversified (analysis/review.ts). A mention whose sentiment the user already set — a
 * change or a confirmation — is never suggested again; nor are the brand's own posts.
 */
export function reviewSuggestions(
  db: Db,
  limit: number,
): { items: ReviewItem[]; reviewed: number } {
  const es = sentimentThresholds('es');
  const other = sentimentThresholds('en');
  const rows = db
    .prepare(
      `SELECT m.id, m.text, m.title, m.lang, m.rating FROM mentions m
       WHERE m.is_brand = 0 AND m.sentiment IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM overrides o WHERE o.target_kind = 'mention' AND o.target_key = m.natural_key AND o.field = 'sentiment')
       ORDER BY min(abs(m.sentiment_score - (CASE WHEN m.lang = 'es' THEN ? ELSE ? END)),
                    abs(m.sentiment_score - (CASE WHEN m.lang = 'es' THEN ? ELSE ? END))), m.id
       LIMIT ?`,
    )
    .all(es.positive, other.positive, es.negative, other.negative, REVIEW_CANDIDATES) as Array<{
    id: number;
    text: string;
    title: string | null;
    lang: string | null;
    rating: number | null;
  }>;
  const ranked = rankForReview(
    rows.map((r) => {
      const text = analysedText(r);
      return { id: r.id, text, explanation: explainText(text, analysisOptions(r)).explanation };
    }),
    loadCorrectionModel(db),
    limit,
  );
  const mentions = new Map(
    getMentionItems(
      db,
      ranked.map((s) => s.id),
    ).map((m) => [m.id, m]),
  );
  const reviewed = db
    .prepare("SELECT count(*) FROM overrides WHERE target_kind = 'mention' AND field = 'sentiment'")
    .pluck()
    .get() as number;
  return {
    items: ranked.flatMap((s) => {
      const mention = mentions.get(s.id);
      return mention ? [{ mention, suggestion: s }] : [];
    }),
    reviewed,
  };
}
