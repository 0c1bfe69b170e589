import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { formatMinutes, formatShare } from './format-minutes';

type Kpis = OutputOf<'responses.kpis'>;

/** "better" / "worse" against the previous period of the same length. */
function Trend({
  now,
  before,
  lowerIsBetter,
}: {
  now: number | null;
  before: number | null;
  lowerIsBetter?: boolean;
}) {
  const { t } = useTranslation();
  if (now === null || before === null || now === before) return null;
  const better = lowerIsBetter ? now < before : now > before;
  return (
    <span className={better ? 'pos' : 'neg'}>
      {' '}
      {better ? t('responses.better') : t('responses.worse')}
    </span>
  );
}

export function ResponseKpiCards({ kpis }: { kpis: Kpis }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const prev = kpis.previous;
  return (
    <dl className="kpis">
      <div>
        <dt>{t('responses.rate')}</dt>
        <dd data-testid="kpi-rate">{formatShare(kpis.responseRate, lang)}</dd>
        <span className="delta">
          {t('responses.ofN', {
            answered: kpis.answered + kpis.handledElsewhere,
            n: kpis.customerMentions,
          })}
          {kpis.handledElsewhere > 0 &&
            ` · ${t('responses.elsewhereN', { n: kpis.handledElsewhere })}`}
          {kpis.dismissed > 0 && ` · ${t('responses.dismissedN', { n: kpis.dismissed })}`}
        </span>
        <span className="delta">
          {t('responses.before', { v: formatShare(prev.responseRate, lang) })}
          <Trend now={kpis.responseRate} before={prev.responseRate} />
        </span>
      </div>
      <div>
        <dt>{t('responses.median')}</dt>
        <dd data-testid="kpi-median">{formatMinutes(kpis.medianMinutes, lang)}</dd>
        <span className="delta">
          {t('responses.p90', { v: formatMinutes(kpis.p90Minutes, lang) })}
        </span>
        <span className="delta">
          {t('responses.before', { v: formatMinutes(prev.medianMinutes, lang) })}
          <Trend now={kpis.medianMinutes} before={prev.medianMinutes} lowerIsBetter />
        </span>
      </div>
      <div>
        <dt>{t('responses.business')}</dt>
        <dd>{formatMinutes(kpis.medianBusinessMinutes, lang)}</dd>
        <span className="delta">
          {t('responses.target', { v: formatShare(kpis.withinTarget, lang) })}
        </span>
      </div>
      <div>
        <dt>{t('responses.within')}</dt>
        <dd>{formatShare(kpis.within1h, lang)}</dd>
        <span className="delta">
          {t('responses.within4', {
            a: formatShare(kpis.within4h, lang),
            b: formatShare(kpis.within24h, lang),
          })}
        </span>
      </div>
    </dl>
  );
}
