import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/format';

/** Post-crisis reports: pick an episode (or a period), language, branding and anonymisation. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const crises = useApi('crises.list', {});
  const [lang, setLang] = useState<'es' | 'en'>(i18n.language === 'en' ? 'en' : 'es');
  const [anonymize, setAnonymize] = useState(false);
  const [consultant, setConsultant] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

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
      const url = URL.createObjectURL(new Blob([r.html], { type: 'text/html' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

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
      {error && <ErrorNotice error={error} />}
      {crises.data?.episodes.length === 0 && <p className="empty-state">{t('reports.none')}</p>}
      <ul className="queue" data-testid="report-episodes">
        {[...(crises.data?.episodes ?? [])].reverse().map((e) => (
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
          </li>
        ))}
      </ul>
    </section>
  );
}
