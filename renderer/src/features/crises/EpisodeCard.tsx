import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisEpisode, CrisisSignal } from '../../../../main/core/crises';
import { formatDateTime, formatHour, formatNumber, numberFormat } from '../../shared/format';
import { channelName } from '../../shared/channel-name';

const HOUR = 3_600_000;

function hourOf(iso: string, lang: string): string {
  return formatHour(Date.parse(iso), lang);
}

/** One detector's finding in plain words, with the figures that made it fire. */
function SignalLine({ s, lang }: { s: CrisisSignal; lang: string }) {
  const { t } = useTranslation();
  const dec = (n: number): string =>
    numberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n);
  const pct = (n: number): string => formatNumber(Math.round(n * 100), lang);
  const text =
    s.kind === 'negative_volume'
      ? t('crises.signal.negative_volume', {
          value: formatNumber(s.value, lang),
          usual: formatNumber(s.usual, lang),
          threshold: formatNumber(s.threshold, lang),
        })
      : s.kind === 'sentiment_drop'
        ? t('crises.signal.sentiment_drop', {
            value: dec(s.value),
            usual: dec(s.usual),
            threshold: dec(s.threshold),
          })
        : t(`crises.signal.hashtag_hijack_${s.tagKind === 'brand' ? 'brand' : 'new'}`, {
            hashtag: s.hashtag ?? '',
            growth: formatNumber(s.growth ?? 0, lang),
            threshold: formatNumber(s.threshold, lang),
            share: pct(s.negativeShare ?? 0),
            shareThreshold: pct(s.negativeShareThreshold ?? 0),
            uses: formatNumber(s.value, lang),
          });
  return (
    <li data-testid={`signal-${s.kind}`}>
      <strong>{t(`crises.kind.${s.kind}`)}</strong> · {text}{' '}
      <span className="muted">{t('crises.firedAt', { when: hourOf(s.detectedAt, lang) })}</span>
    </li>
  );
}

/** A crisis episode: when, how bad, why it fired, how it spread and who drove it. */
export function EpisodeCard({
  e,
  selected,
  children,
}: {
  e: CrisisEpisode;
  selected: boolean;
  /** Extra parts shown at the end of the card (the timeline events of the Reports feature). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selected) {
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus();
    }
  }, [selected]);
  const lag = Math.round((Date.parse(e.detectedAt) - Date.parse(e.start)) / HOUR);
  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`ep-${e.id}`}
      className={`card episode sev-${e.severity}${selected ? ' selected' : ''}`}
      data-testid="episode"
    >
      <h2 id={`ep-${e.id}`}>
        <span className={`chip sev-${e.severity}`}>{t(`crises.sev.${e.severity}`)}</span>{' '}
        <span className="chip">{t(`crises.kind.${e.kind}`)}</span>{' '}
        {formatDateTime(Date.parse(e.start), lang)} →{' '}
        {e.end ? formatDateTime(Date.parse(e.end), lang) : t('crises.ongoing')}
      </h2>
      <p>
        {t('crises.peak', {
          when: formatDateTime(Date.parse(e.peak), lang),
          n: formatNumber(e.peakNegative, lang),
          usual: formatNumber(e.expectedAtPeak, lang),
        })}
      </p>
      <p>
        {t('crises.detectedLag', {
          when: formatDateTime(Date.parse(e.detectedAt), lang),
          count: lag,
          n: formatNumber(lag, lang),
        })}
      </p>
      <h3>{t('crises.why')}</h3>
      <ul className="episode-list">
        {e.signals.map((s) => (
          <SignalLine key={`${s.kind}-${s.hashtag ?? ''}-${s.detectedAt}`} s={s} lang={lang} />
        ))}
      </ul>
      {e.spread.length > 0 && (
        <>
          <h3>{t('crises.spread', { count: e.spread.length, n: e.spread.length })}</h3>
          <ol className="episode-list" data-testid="spread">
            {e.spread.map((c) => (
              <li key={c.channel}>
                {channelName(t, c.channel)} ·{' '}
                {t('crises.joined', {
                  when: hourOf(c.firstAt, lang),
                  n: formatNumber(c.negative, lang),
                })}
              </li>
            ))}
          </ol>
        </>
      )}
      {e.topAuthors.length > 0 && (
        <>
          <h3>{t('crises.authors')}</h3>
          <ol className="episode-list" data-testid="top-authors">
            {e.topAuthors.map((a) => (
              <li key={`${a.channel}:${a.handle}`}>
                @{a.handle} · {channelName(t, a.channel)}
                {a.label
                  ? ` · ${t(`people.labels.${a.label}`, { defaultValue: a.label })}`
                  : ''} ·{' '}
                {t('crises.authorNegative', {
                  count: a.negative,
                  n: formatNumber(a.negative, lang),
                })}
              </li>
            ))}
          </ol>
        </>
      )}
      {e.hashtags.length > 0 && <p>{t('crises.hashtags', { list: e.hashtags.join(' ') })}</p>}
      {children}
    </article>
  );
}
