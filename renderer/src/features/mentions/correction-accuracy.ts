import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { formatPercent } from '../../shared/format';

type Accuracy = NonNullable<OutputOf<'mentions.correct'>['accuracy']>;

/** "On your N corrected mentions Atalaya alone was right on …; with what it learned, …". */
export function correctionAccuracyText(t: TFunction, a: Accuracy, lang: string): string {
  return t('mentions.correctedAccuracy', {
    count: a.corrected,
    n: a.corrected,
    base: formatPercent(a.baseRight / a.corrected, lang),
    learned: formatPercent(a.learnedRight / a.corrected, lang),
  });
}
