import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../main/core/api/contract';
import { invoke } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { ApiError } from '../../api/api-error';
import { RestoreBackup } from './RestoreBackup';
import { dateTimeFormat } from '../../shared/format';

/** First screen of the desktop app: create, open or reopen a workspace. */
export function WorkspacePicker({ info }: { info: AppInfo }) {
  const { t, i18n } = useTranslation();
  const recent = useApi('workspace.recent', {});
  const open = useApiMutation('workspace.open', ['app.info', 'workspace.get']);
  const create = useApiMutation('workspace.create', ['app.info', 'workspace.get']);
  const demo = useApiMutation('workspace.openDemo', ['app.info', 'workspace.get']);
  const [brand, setBrand] = useState('');
  const [error, setError] = useState<Error | null>(null);

  const onCreate = async (): Promise<void> => {
    setError(null);
    try {
      const { path } = await invoke('workspace.choose', { purpose: 'create' });
      if (!path) return;
      create.mutate({
        path,
        profile: {
          brand: brand.trim(),
          keywords: [brand.trim().toLowerCase()],
          excludes: [],
          handles: [],
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
          holidays: [],
          responseTargetMinutes: 60,
        },
      });
    } catch (e) {
      setError(e as Error);
    }
  };
  const onOpen = async (): Promise<void> => {
    setError(null);
    try {
      const { path } = await invoke('workspace.choose', { purpose: 'open' });
      if (path) open.mutate({ path });
    } catch (e) {
      setError(e as Error);
    }
  };
  // A damaged workspace that failed to open here, or when serve started, with a checked backup.
  const failure = info.openFailure;
  const shown =
    error ??
    open.error ??
    create.error ??
    demo.error ??
    (failure
      ? new ApiError(failure.error.code, failure.error.message, failure.error.details)
      : null);
  const damaged =
    shown instanceof ApiError && shown.details.backup && shown.details.path
      ? { path: shown.details.path, backup: shown.details.backup }
      : null;
  // Opening runs the workspace's pending upgrades first (a full-text index rebuilt takes ~1.5 s
  // per million mentions), in the main process, which cannot report steps meanwhile: say what
  // is happening, and keep a second click from queuing another open (aria-disabled, not
  // disabled: the clicked button keeps the keyboard focus).
  const busy = open.isPending || create.isPending || demo.isPending;
  const date = dateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  return (
    <main className="picker" id="content">
      <h1>◭ {t('picker.title')}</h1>
      <p>{t('picker.intro')}</p>
      {!info.canPickFiles && <p className="notice">{t('picker.browserOnly')}</p>}
      {/* Always in the page, so that screen readers announce the text when it appears. */}
      <p role="status" className={busy ? 'notice' : 'sr-only'} data-testid="opening">
        {open.isPending
          ? t('picker.opening', { name: open.variables?.path ?? '' })
          : demo.isPending
            ? t('picker.openingDemo')
            : create.isPending
              ? t('picker.creating')
              : ''}
      </p>
      {shown && !busy && (
        <ErrorNotice error={shown}>
          {damaged && (
            <>
              <p data-testid="backup-offer">{t('backup.offer', { backup: damaged.backup })}</p>
              <RestoreBackup
                path={damaged.path}
                backup={damaged.backup}
                label={t('backup.restoreFromBackup')}
              />
            </>
          )}
        </ErrorNotice>
      )}
      {info.demoAvailable && (
        <div className="card notice">
          <p>{t('picker.demoIntro')}</p>
          <button
            type="button"
            className="primary"
            onClick={() => !busy && demo.mutate({})}
            aria-disabled={busy}
          >
            {t('picker.demo')}
          </button>
        </div>
      )}
      {info.canPickFiles && (
        <div className="card">
          <label className="field">
            <span>{t('picker.newBrand')}</span>
            <input value={brand} onChange={(e) => setBrand(e.target.value)} />
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!brand.trim()}
              aria-disabled={busy}
              onClick={() => !busy && void onCreate()}
            >
              {t('picker.create')}
            </button>
            <button type="button" aria-disabled={busy} onClick={() => !busy && void onOpen()}>
              {t('picker.open')}
            </button>
          </div>
        </div>
      )}
      <h2>{t('picker.recent')}</h2>
      {recent.data?.items.length ? (
        <ul className="recent">
          {recent.data.items.map((r) => (
            <li key={r.path}>
              <button
                type="button"
                disabled={r.missing}
                aria-disabled={busy}
                onClick={() => !busy && open.mutate({ path: r.path })}
              >
                <strong>{r.brand ?? r.name}</strong> <span className="mono">{r.path}</span>{' '}
                <span className="muted">
                  {r.missing ? t('picker.missing') : date.format(r.openedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('picker.noRecent')}</p>
      )}
      <LanguageSwitch />
    </main>
  );
}
