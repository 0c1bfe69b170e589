import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { WarningList } from './WarningList';
import { ErrorNotice } from '../../shared/ErrorNotice';

/** Paste a draft before posting it: warnings with reasons and a calmer way to say it. */
export function DraftChecker() {
  const { t } = useTranslation();
  const check = useApiMutation('responses.check');
  const [draft, setDraft] = useState('');
  const run = () => {
    if (draft.trim()) check.mutate({ text: draft.slice(0, 5000) });
  };
  return (
    <div className="card">
      <h2>{t('responses.checker')}</h2>
      <p className="muted">{t('responses.checkerHelp')}</p>
      <textarea
        className="draft"
        rows={3}
        value={draft}
        data-testid="draft"
        maxLength={5000}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
        }}
        aria-label={t('responses.checker')}
      />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!draft.trim() || check.isPending}
          onClick={run}
          data-testid="check-draft"
          title={t('responses.checkShortcut')}
        >
          {t('responses.check')}
        </button>
      </div>
      {check.error && <ErrorNotice error={check.error} />}
      {check.data && (
        <div role="status" data-testid="draft-result">
          {check.data.warnings.length === 0 && (
            <p className="notice">
              {t(check.data.notes.length ? 'responses.okWithNotes' : 'responses.ok')}
            </p>
          )}
          {(check.data.warnings.length > 0 || check.data.notes.length > 0) && (
            <WarningList warnings={check.data.warnings} notes={check.data.notes} />
          )}
          {check.data.notes.length > 0 && <p className="muted">{t('responses.notesHelp')}</p>}
        </div>
      )}
    </div>
  );
}
