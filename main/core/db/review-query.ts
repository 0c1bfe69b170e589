import { explainText } from '../analysis';
import { rankForReview, type ReviewCandidate, type ReviewSuggestion } from '../analysis/review';
import { sentimentThresholds } from '../analysis/sentiment';
import type { MentionListItem } from '../model/mention';
import { analysedText, analysisOptions } from '../sources/analyzer';
import { loadCorrectionModel } from './corrections-repo';
import { getMentionItems } from './mentions-query';
import type { Db } from './workspace-file';

/**
 * Mentions analysed again to rank a page of candidates, nearest a threshold of the lexicon
 * score first (~0.1 s for 2,500): in a large workspace the ones the model hesitates on are
 * among those anyway. When copies of a few posts fill a page (a campaign, retweets) and too few
 * different ones are left, the next page is added, up to REVIEW_PAGES.
 */
export const REVIEW_CANDIDATES = 2500;
const REVIEW_PAGES = 4;
/**
 * Candidates come from the newest this-many mentions: ordering every customer mention by its
 * distance to a threshold was a full scan and sort (1.0–1.1 s at 1M) each time the panel
 * opened; within the newest 100,000 there are as many near-ties as a review can use, and
 * recent posts are the ones whose labels matter to the user. Ids follow time, so the window
 * is one short walk down the primary key.
 */
export const REVIEW_WINDOW = 100_000;

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
  window = REVIEW_WINDOW,
): { items: ReviewItem[]; reviewed: number } {
  const es = sentimentThresholds('es');
  const other = sentimentThresholds('en');
  const rows = db
    .prepare(
      `SELECT m.id, m.text, m.title, m.lang, m.rating FROM mentions m
       WHERE m.id >= coalesce((SELECT id FROM mentions ORDER BY id DESC LIMIT 1 OFFSET ?), 0)
         AND m.is_brand = 0 AND m.sentiment IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM overrides o WHERE o.target_kind = 'mention' AND o.target_key = m.natural_key AND o.field = 'sentiment')
       ORDER BY min(abs(m.sentiment_score - (CASE WHEN m.lang = 'es' THEN ? ELSE ? END)),
                    abs(m.sentiment_score - (CASE WHEN m.lang = 'es' THEN ? ELSE ? END))), m.id
       LIMIT ?`,
    )
    .all(
      window - 1,
      es.positive,
      other.positive,
      es.negative,
      other.negative,
      REVIEW_CANDIDATES * REVIEW_PAGES,
    ) as Array<{
    id: number;
    text: string;
    title: string | null;
    lang: string | null;
    rating: number | null;
  }>;
  const model = loadCorrectionModel(db);
  const candidates: ReviewCandidate[] = [];
  let ranked: ReviewSuggestion[] = [];
  for (let from = 0; from < rows.length; from += REVIEW_CANDIDATES) {
    for (const r of rows.slice(from, from + REVIEW_CANDIDATES)) {
      const text = analysedText(r);
      candidates.push({
        id: r.id,
        text,
        explanation: explainText(text, analysisOptions(r)).explanation,
      });
    }
    ranked = rankForReview(candidates, model, limit);
    if (ranked.length >= limit) break;
  }
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
