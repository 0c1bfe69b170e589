import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../main/core/api/contract';
import type { CorrectableField } from '../../../../main/core/model/labels';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { authorLabel } from '../../shared/author-label';
import { correctionAccuracyText } from './correction-accuracy';
import { clipText, formatDateTime, formatNumber } from '../../shared/format';
import { channelName } from '../../shared/channel-name';
import { useExplainText } from './explain-text';

/** Links leave the app only as plain http(s) links opened outside (never javascript: etc.). */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const FLAGS = ['complaint', 'insult'] as const;

/** What the workspace's model of a flag does to this mention (nothing before its first correction). */
function LearnedFlagLine({
  flag,
  learned,
}: {
  flag: (typeof FLAGS)[number];
  learned: OutputOf<'mentions.get'>['explanation']['learnedFlags'][(typeof FLAGS)[number]];
}) {
  const { t } = useTranslation();
  if (!learned) return null;
  const value = (v: boolean): string => t(`mentions.flagValue.${flag}.${v ? 'yes' : 'no'}`);
  return (
    <li data-testid={`learned-${flag}`}>
      {t(
        learned.changed
          ? 'mentions.learnedFlagChanged'
          : learned.corrections < learned.minimum
            ? 'mentions.learnedFlagTooFew'
            : 'mentions.learnedFlagKept',
        {
          n: learned.corrections,
          min: learned.minimum,
          what: t(`mentions.flagWhat.${flag}`),
          base: value(learned.base),
          now: value(learned.value),
        },
      )}
    </li>
  );
}

/** Longer posts (hostile or broken exports) are shown cut: laying out 300 000 characters took Chromium ~25 s. */
const FULL_TEXT_MAX = 20_000;

export function MentionDetailPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const say = useExplainText();
  const num = (n: number): string => formatNumber(n, i18n.language);
  const detail = useApi('mentions.get', { id });
  const sentimentName = (v: number): string =>
    t(
      ['mentions.negative', 'mentions.neutral', 'mentions.positive'][v + 1] ?? '',
    ).toLocaleLowerCase(i18n.language);
  const correct = useApiMutation('mentions.correct', [
    'mentions.get',
    'mentions.search',
    'dashboard.overview',
  ]);
  const uncorrect = useApiMutation('mentions.uncorrect', [
    'mentions.get',
    'mentions.search',
    'dashboard.overview',
  ]);
  // The flag the last correction set (its model's figures are shown), or none: sentiment.
  const correctedFlag = FLAGS.find((f) => correct.variables?.[f] !== undefined);
  const fieldList = (fields: readonly CorrectableField[]): string =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      fields.map((f) => t(`mentions.correctedField.${f}`)),
    );
  // The undo button goes away with the corrections: keyboard focus moves to what it did.
  const undoneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (uncorrect.data) undoneRef.current?.focus();
  }, [uncorrect.data]);
  const correctNow = (input: Omit<InputOf<'mentions.correct'>, 'id'>): void => {
    uncorrect.reset();
    correct.mutate({ id, ...input });
  };
  return (
    <aside
      className="mention-detail card"
      aria-label={t('mentions.detail')}
      data-testid="mention-detail"
    >
      <div className="row">
        <h2 className="grow">{t('mentions.detail')}</h2>
        <button type="button" onClick={onClose} aria-label={t('mentions.close')}>
          ✕
        </button>
      </div>
      {detail.error && <ErrorNotice error={detail.error} />}
      {detail.data && (
        <>
          <p className="muted">
            {authorLabel(t, detail.data.mention)} · {channelName(t, detail.data.mention.channel)} ·{' '}
            {formatDateTime(detail.data.mention.postedAt, i18n.language)}
          </p>
          {detail.data.mention.title && <h3>{detail.data.mention.title}</h3>}
          <p className="mention-full-text">{clipText(detail.data.mention.text, FULL_TEXT_MAX)}</p>
          {detail.data.mention.text.length > FULL_TEXT_MAX && (
            <p className="muted" data-testid="text-clipped">
              {t('mentions.clipped', {
                shown: formatNumber(FULL_TEXT_MAX, i18n.language),
                total: formatNumber(detail.data.mention.text.length, i18n.language),
              })}
            </p>
          )}
          {safeHref(detail.data.mention.url) && (
            <p>
              <a
                href={safeHref(detail.data.mention.url) ?? undefined}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('mentions.original')}
              </a>
            </p>
          )}
          <dl className="facts">
            <dt>{t('mentions.language')}</dt>
            <dd data-testid="mention-lang">
              {detail.data.mention.lang
                ? t(`mentions.lang.${detail.data.mention.lang}`, {
                    defaultValue: detail.data.mention.lang,
                  })
                : '—'}
            </dd>
            <dt>{t('mentions.sentiment')}</dt>
            <dd>
              {detail.data.mention.sentiment === null
                ? t('mentions.notAnalysed')
                : t(
                    ['mentions.negative', 'mentions.neutral', 'mentions.positive'][
                      detail.data.mention.sentiment + 1
                    ] ?? '',
                  )}
            </dd>
          </dl>
          <div className="row" role="group" aria-label={t('mentions.correctLabel')}>
            <span className="muted">{t('mentions.correctLabel')}:</span>
            {([-1, 0, 1] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={detail.data.mention.sentiment === v}
                className={detail.data.mention.sentiment === v ? 'chip-on' : undefined}
                onClick={() => correctNow({ sentiment: v })}
              >
                {t(['mentions.negative', 'mentions.neutral', 'mentions.positive'][v + 1] ?? '')}
              </button>
            ))}
            <button
              type="button"
              onClick={() => correctNow({ complaint: !detail.data.mention.complaint })}
            >
              {detail.data.mention.complaint
                ? t('mentions.notComplaint')
                : t('mentions.isComplaint')}
            </button>
            <button
              type="button"
              onClick={() => correctNow({ insult: !detail.data.mention.insult })}
            >
              {detail.data.mention.insult ? t('mentions.notInsult') : t('mentions.isInsult')}
            </button>
          </div>
          {correct.data && (
            <p role="status" className="muted" data-testid="correction-status">
              {correctedFlag ? (
                <>
                  {t(
                    correct.data.flags[correctedFlag].corrections < correct.data.minimum
                      ? 'mentions.correctedFlagTooFew'
                      : 'mentions.correctedFlag',
                    {
                      n: correct.data.flags[correctedFlag].corrections,
                      min: correct.data.minimum,
                      what: t(`mentions.flagWhat.${correctedFlag}`),
                    },
                  )}
                  {correct.data.flags[correctedFlag].accuracy && (
                    <>
                      {' '}
                      {correctionAccuracyText(
                        t,
                        correct.data.flags[correctedFlag].accuracy,
                        i18n.language,
                      )}
                    </>
                  )}
                </>
              ) : (
                <>
                  {t(
                    correct.data.corrections < correct.data.minimum
                      ? 'mentions.correctedTooFew'
                      : 'mentions.corrected',
                    { n: correct.data.corrections, min: correct.data.minimum },
                  )}
                  {correct.data.accuracy && (
                    <> {correctionAccuracyText(t, correct.data.accuracy, i18n.language)}</>
                  )}
                </>
              )}
            </p>
          )}
          {detail.data.corrected.length > 0 && (
            <div className="row" data-testid="corrected-fields">
              <span className="muted">
                {t('mentions.correctedBy', { fields: fieldList(detail.data.corrected) })}
              </span>
              <button
                type="button"
                title={t('mentions.undoCorrectionHint')}
                disabled={uncorrect.isPending}
                onClick={() => {
                  correct.reset();
                  uncorrect.mutate({ id });
                }}
              >
                {t('mentions.undoCorrection')}
              </button>
            </div>
          )}
          {uncorrect.error && <ErrorNotice error={uncorrect.error} />}
          {uncorrect.data && (
            <p
              role="status"
              className="muted"
              data-testid="uncorrect-status"
              tabIndex={-1}
              ref={undoneRef}
            >
              {uncorrect.data.undone.length
                ? t('mentions.uncorrected', { fields: fieldList(uncorrect.data.undone) })
                : t('mentions.uncorrectedNone')}
            </p>
          )}
          <h3>{t('mentions.why')}</h3>
          <ul className="why" data-testid="explanation">
            <li>
              {t('mentions.scoreLine', {
                score: num(detail.data.explanation.sentiment.score),
                pos: num(detail.data.explanation.sentiment.thresholds.positive),
                neg: num(detail.data.explanation.sentiment.thresholds.negative),
              })}
            </li>
            {detail.data.explanation.sentiment.terms.map((term, i) => (
              <li key={i}>
                <span className={term.weight < 0 ? 'neg' : 'pos'}>
                  {term.term} ({term.weight > 0 ? '+' : ''}
                  {num(term.weight)})
                </span>
                {term.notes.length > 0 && (
                  <span className="muted"> — {term.notes.map(say).join(', ')}</span>
                )}
              </li>
            ))}
            {detail.data.explanation.sentiment.rules.map((r, i) => (
              <li key={`r${i}`}>{say(r)}</li>
            ))}
            {detail.data.explanation.irony && (
              <li>{t('mentions.irony', { reason: say(detail.data.explanation.irony) })}</li>
            )}
            <li>
              {t('mentions.complaintLine', {
                reason: detail.data.explanation.complaint.reasons.map(say).join('; '),
              })}
            </li>
            <LearnedFlagLine
              flag="complaint"
              learned={detail.data.explanation.learnedFlags.complaint}
            />
            {detail.data.explanation.toxicity.findings.map((f, i) => (
              <li key={`t${i}`} className="neg">
                {t(`mentions.toxicKind.${f.kind}`, { defaultValue: f.kind })}:{' '}
                {f.note ? say(f.note) : `“${f.term}”`} ({t('mentions.severity', { n: f.severity })})
              </li>
            ))}
            <LearnedFlagLine flag="insult" learned={detail.data.explanation.learnedFlags.insult} />
            {detail.data.explanation.campaign.map((c, i) => (
              <li key={`c${i}`}>{say(c)}</li>
            ))}
            {detail.data.explanation.learned && (
              <li data-testid="learned">
                {t(
                  detail.data.explanation.learned.changed
                    ? 'mentions.learnedChanged'
                    : detail.data.explanation.learned.features.length
                      ? 'mentions.learnedKept'
                      : detail.data.explanation.learned.corrections <
                          detail.data.explanation.learned.minimum
                        ? 'mentions.learnedTooFew'
                        : 'mentions.learnedNothing',
                  {
                    n: detail.data.explanation.learned.corrections,
                    min: detail.data.explanation.learned.minimum,
                    base: sentimentName(detail.data.explanation.learned.base),
                    now: sentimentName(detail.data.explanation.learned.sentiment),
                  },
                )}
                {detail.data.mention.sentiment !== null &&
                  detail.data.mention.sentiment !== detail.data.explanation.learned.sentiment && (
                    <>
                      {' '}
                      <span className="muted">
                        {t('mentions.learnedStored', {
                          stored: sentimentName(detail.data.mention.sentiment),
                        })}
                      </span>
                    </>
                  )}
                {detail.data.explanation.learned.features.length > 0 && (
                  <ul>
                    {detail.data.explanation.learned.features.map((f, i) => (
                      <li key={`l${i}`}>
                        <span className={f.weight < 0 ? 'neg' : 'pos'}>
                          {f.kind === 'signal'
                            ? t(`mentions.signal.${f.name}`, { defaultValue: f.name })
                            : `“${f.name}”`}{' '}
                          ({f.weight > 0 ? '+' : ''}
                          {f.weight})
                        </span>
                        {f.kind === 'lexicon' && (
                          <span className="muted">
                            {' '}
                            —{' '}
                            {t(
                              f.negated
                                ? 'mentions.learnedLexiconNegated'
                                : 'mentions.learnedLexicon',
                            )}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            )}
          </ul>
          {detail.data.thread.length > 1 && (
            <>
              <h3>{t('mentions.thread')}</h3>
              <ol className="thread">
                {detail.data.thread.map((m) => (
                  <li key={m.id} className={m.id === id ? 'current' : undefined}>
                    <strong>{m.authorHandle ? `@${m.authorHandle}` : '—'}</strong>{' '}
                    {m.isBrand && <span className="chip">{t('mentions.brand')}</span>}{' '}
                    <span className="muted">{formatDateTime(m.postedAt, i18n.language)}</span>
                    <div className="thread-text">{clipText(m.text, 2000)}</div>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </aside>
  );
}
