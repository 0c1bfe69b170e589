/** Complaint topics the analysis assigns (PRODUCT.md, `score` contract). */
export const TOPICS = [
  'delivery_delay',
  'cancellation',
  'refund_billing',
  'customer_service',
  'product_fault',
  'booking_access',
  'price',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** People labels (PRODUCT.md, `authors` contract). */
export const AUTHOR_LABELS = [
  'supporter',
  'neutral',
  'angry_customer',
  'escalating',
  'agitator',
  'insufficient_history',
] as const;
export type AuthorLabel = (typeof AUTHOR_LABELS)[number];

/** The analysis fields of a mention a user can correct (`mentions.correct`) and take back. */
export const CORRECTABLE_FIELDS = ['sentiment', 'complaint', 'insult', 'topic'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
