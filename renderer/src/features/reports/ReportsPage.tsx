import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/format';
import { DataExport } from './DataExport';
import { saveFile } from './download';
import { EpisodeEvents, episodeRange } from './EpisodeEvents';
import { EpisodePrep } from './EpisodePrep';
import { PeriodReport } from './PeriodReport';
import { StoredReports } from './StoredReports';

/**
 * Reports: for a period the user chooses, or post-crisis for an episode (prepare, generate),
 * and every report generated before.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const crises = useApi('crises.list', {});
  const [lang, setLang] = useState<'es' | 'en'>(i18n.language === 'en' ? 'en' : 'es');
  const [anonymize, setAnonymize] = useState(false);
  const [consultant, setConsultant] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [stored, setStored] = useState<number | null>(null);

  const generate = async (crisisId: string): Promise<void> => {
    setBusy(crisisId);
    setError(null);
    try {
      const r = await invoke('reports.generate', {
        crisisId,
        lang,
        anonymize,
        ...(consultant.trim() ? { consultant: consultant.trim() } : {}),
      });
      saveFile(r.html, 'text/html', r.filename);
      void qc.invalidateQueries({ queryKey: ['reports.list'] });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const episodes = [...(crises.data?.episodes ?? [])].reverse();
  const opened = episodes.find((e) => e.id === open);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.reports')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <div className="card row">
        <label className="inline-field">
          <span>{t('common.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as 'es' | 'en')}>
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="chip-check">
          <input
            type="checkbox"
            checked={anonymize}
            onChange={(e) => setAnonymize(e.target.checked)}
          />
          {t('reports.anonymize')}
        </label>
        <label className="inline-field">
          <span>{t('reports.consultant')}</span>
          <input value={consultant} onChange={(e) => setConsultant(e.target.value)} />
        </label>
      </div>
      <PeriodReport options={{ lang, anonymize, consultant }} onStored={setStored} />
      <h2>{t('reports.episodesTitle')}</h2>
      {error && <ErrorNotice error={error} />}
      {crises.error && <ErrorNotice error={crises.error} onRetry={() => void crises.refetch()} />}
      {crises.data?.episodes.length === 0 && <p className="empty-state">{t('reports.none')}</p>}
      <ul className="queue" data-testid="report-episodes">
        {episodes.map((e) => (
          <li key={e.id} className="row">
            <span className={`chip sev-${e.severity}`}>{t(`crises.sev.${e.severity}`)}</span>
            <span className="grow">
              {formatDateTime(Date.parse(e.start), i18n.language)} →{' '}
              {e.end ? formatDateTime(Date.parse(e.end), i18n.language) : t('crises.ongoing')} ·{' '}
              {e.hashtags.join(' ')}
            </span>
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => void generate(e.id)}
            >
              {busy === e.id ? t('common.loading') : t('reports.generate')}
            </button>
            <button
              type="button"
              aria-expanded={open === e.id}
              onClick={() => setOpen(open === e.id ? null : e.id)}
              data-testid="prepare"
            >
              {open === e.id ? t('reports.preparing') : t('reports.prepare')}
            </button>
          </li>
        ))}
      </ul>
      {opened && (
        <section
          aria-label={t('reports.prepTitle', {
            when: formatDateTime(Date.parse(opened.start), i18n.language),
          })}
        >
          <h2>
            {t('reports.prepTitle', {
              when: formatDateTime(Date.parse(opened.start), i18n.language),
            })}
          </h2>
          <EpisodePrep crisisId={opened.id} />
          <EpisodeEvents onset={Date.parse(opened.start)} {...episodeRange(opened)} />
        </section>
      )}
      <StoredReports highlight={stored} />
      <DataExport />
    </section>
  );
}
