import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { authorLabel } from '../../shared/author-label';
import { correctionAccuracyText } from './correction-accuracy';
import { clipText, formatDateTime, formatNumber, formatPercent } from '../../shared/format';
import { channelName } from '../../shared/channel-name';

type Batch = OutputOf<'mentions.review'>;
const SENTIMENTS = [-1, 0, 1] as const;
const NAMES = ['mentions.negative', 'mentions.neutral', 'mentions.positive'] as const;
/** Keys that set a label: 1 negative, 2 neutral, 3 positive. */
const KEYS: Record<string, -1 | 0 | 1> = { '1': -1, '2': 0, '3': 1 };

/**
 * Review suggestions: the mentions whose sentiment Atalaya is least sure of, one at a time.
 * The user confirms the reading (Enter) or sets another (1, 2, 3); either is stored as a
 * correction and the workspace model retrains. A batch is ranked once, when it is asked for,
 * and kept while the user works through it; "Suggest more" ranks again with what was learned.
 */
export function ReviewPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [batch, setBatch] = useState<Batch | null>(null);
  const [at, setAt] = useState(0);
  const [done, setDone] = useState(0);
  const suggest = useApiMutation('mentions.review');
  const correct = useApiMutation('mentions.correct', ['mentions.search', 'dashboard.overview']);
  const card = useRef<HTMLDivElement>(null);
  const ask = (): void =>
    suggest.mutate(
      {},
      {
        onSuccess: (b) => {
          setBatch(b);
          setAt(0);
        },
      },
    );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one batch when the panel opens
  useEffect(ask, []);
  const item = batch?.items[at];
  useEffect(() => card.current?.focus(), [item]);
  const name = (v: number): string => t(NAMES[v + 1] ?? NAMES[1]);

  const label = (sentiment: -1 | 0 | 1): void => {
    if (!item || correct.isPending) return;
    correct.mutate(
      { id: item.mention.id, sentiment },
      {
        onSuccess: () => {
          setDone((n) => n + 1);
          setAt((i) => i + 1);
        },
      },
    );
  };
  const current = item ? ((item.mention.sentiment ?? item.suggestion.sentiment) as -1 | 0 | 1) : 0;
  const hesitates = item
    ? item.suggestion.sentiment !== current
      ? item.suggestion.sentiment
      : item.suggestion.rival
    : 0;
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!item || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = KEYS[e.key];
    if (k !== undefined) {
      e.preventDefault();
      label(k);
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      label(current);
    } else if (e.key === 's' || e.key === 'ArrowRight') {
      e.preventDefault();
      setAt((i) => i + 1);
    } else if (e.key === 'Escape') {
      // as the × does, and as Escape closes an open mention
      e.preventDefault();
      onClose();
    }
  };

  return (
    <aside
      className="mention-detail card review-panel"
      aria-labelledby="review-title"
      data-testid="review-panel"
    >
      <div className="row">
        <h2 id="review-title" className="grow">
          {t('review.title')}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('review.close')}>
          ✕
        </button>
      </div>
      <p className="muted">{t('review.help')}</p>
      {suggest.error && <ErrorNotice error={suggest.error} onRetry={ask} />}
      {correct.error && <ErrorNotice error={correct.error} />}
      {done > 0 && correct.data && (
        <p role="status" className="muted" data-testid="review-status">
          {t('review.saved', { n: formatNumber(done, i18n.language) })}{' '}
          {correct.data.corrections < (batch?.minimum ?? 0)
            ? t('review.untilLearning', {
                n: formatNumber(correct.data.corrections, i18n.language),
                min: formatNumber(batch?.minimum ?? 0, i18n.language),
              })
            : correct.data.accuracy &&
              correctionAccuracyText(t, correct.data.accuracy, i18n.language)}
        </p>
      )}
      {suggest.isPending && <p className="muted">{t('review.ranking')}</p>}
      {batch && batch.items.length === 0 && (
        <p className="empty-state muted" data-testid="review-empty">
          {t('review.empty')}
        </p>
      )}
      {batch && item && (
        <div
          ref={card}
          tabIndex={0}
          className="review-item"
          data-testid="review-item"
          data-mention-id={item.mention.id}
          onKeyDown={onKey}
          aria-describedby="review-keys"
        >
          <p className="muted" data-testid="review-progress">
            {t('review.progress', {
              n: formatNumber(at + 1, i18n.language),
              total: formatNumber(batch.items.length, i18n.language),
            })}
          </p>
          <p className="muted">
            {authorLabel(t, item.mention)} · {channelName(t, item.mention.channel)} ·{' '}
            {formatDateTime(item.mention.postedAt, i18n.language)}
            {item.mention.rating !== null
              ? ` · ${'★'.repeat(Math.round(item.mention.rating))}`
              : ''}
          </p>
          {item.mention.title && <h3>{clipText(item.mention.title, 300)}</h3>}
          <p className="mention-full-text">{clipText(item.mention.text, 1200)}</p>
          <p data-testid="review-reading">
            {t('review.reading', {
              now: name(current).toLocaleLowerCase(i18n.language),
              rival: name(hesitates).toLocaleLowerCase(i18n.language),
              p: formatPercent(item.suggestion.probabilities[current + 1] ?? 0, i18n.language),
              q: formatPercent(item.suggestion.probabilities[hesitates + 1] ?? 0, i18n.language),
            })}
          </p>
          <div className="row" role="group" aria-label={t('review.setLabel')}>
            {SENTIMENTS.map((v, i) => (
              <button
                key={v}
                type="button"
                className={v === current ? 'chip-on' : undefined}
                disabled={correct.isPending}
                onClick={() => label(v)}
                aria-keyshortcuts={String(i + 1)}
              >
                {v === current ? t('review.confirm', { label: name(v) }) : name(v)}{' '}
                <kbd>{i + 1}</kbd>
              </button>
            ))}
            <button type="button" onClick={() => setAt((i) => i + 1)} aria-keyshortcuts="s">
              {t('review.skip')} <kbd>S</kbd>
            </button>
          </div>
          <p id="review-keys" className="muted">
            {t('review.keys')}
          </p>
        </div>
      )}
      {batch && batch.items.length > 0 && !item && (
        <div data-testid="review-done">
          <p>{t('review.batchDone', { n: formatNumber(batch.items.length, i18n.language) })}</p>
          <button type="button" onClick={ask} disabled={suggest.isPending}>
            {t('review.more')}
          </button>
        </div>
      )}
    </aside>
  );
}
