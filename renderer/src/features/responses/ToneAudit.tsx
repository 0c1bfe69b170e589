import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { WarningList } from './WarningList';
import { channelName } from '../../shared/channel-name';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber } from '../../shared/format';

/** The brand's own replies that a customer could hold against it, each flag explained. */
export function ToneAudit() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const audit = useApi('responses.audit', { days: 30 });
  const [showAll, setShowAll] = useState(false);
  if (audit.error) return <ErrorNotice error={audit.error} onRetry={() => void audit.refetch()} />;
  const d = audit.data;
  return (
    <div className="card">
      <h2>{t('responses.audit')}</h2>
      {!d ? (
        <p className="loading">{t('common.loading')}</p>
      ) : d.audited === 0 ? (
        <p className="empty-state">{t('responses.auditNone')}</p>
      ) : (
        <>
          <p data-testid="audit-summary">
            {t('responses.auditSummary', {
              n: formatNumber(d.audited, lang),
              flagged: formatNumber(d.flagged, lang),
              canned: formatNumber(d.canned, lang),
              personal: formatNumber(d.personalised, lang),
            })}
          </p>
          <p className="muted">{t('responses.cannedHelp')}</p>
          {d.items.length === 0 ? (
            <p className="notice">{t('responses.auditClean')}</p>
          ) : (
            <ul className="queue" data-testid="audit">
              {(showAll ? d.items : d.items.slice(0, 10)).map((r) => (
                <li key={r.id} data-testid="audit-item">
                  <span className="muted">
                    {channelName(t, r.channel)} · {formatDateTime(r.postedAt, lang)}
                  </span>
                  {r.canned && (
                    <span className="chip chip-paused">
                      {t('responses.cannedChip', { n: r.templateUses })}
                    </span>
                  )}
                  {r.personalised && (
                    <span className="chip chip-ok">{t('responses.personal')}</span>
                  )}
                  <div>{r.text}</div>
                  {(r.warnings.length > 0 || r.notes.length > 0) && (
                    <WarningList warnings={r.warnings} notes={r.notes} />
                  )}
                </li>
              ))}
            </ul>
          )}
          {d.items.length > 10 && (
            <button type="button" onClick={() => setShowAll(!showAll)}>
              {showAll ? t('responses.showFewer') : t('responses.showAll', { n: d.items.length })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
