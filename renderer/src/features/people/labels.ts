/** The labels in the order the People page shows them (most urgent first). */
export const LABELS = [
  'agitator',
  'escalating',
  'angry_customer',
  'neutral',
  'supporter',
  'insufficient_history',
] as const;
export type Label = (typeof LABELS)[number];

/** Labels a user may set (nobody sets "not enough history"). */
export const SETTABLE = LABELS.filter(
  (l): l is Exclude<Label, 'insufficient_history'> => l !== 'insufficient_history',
);
