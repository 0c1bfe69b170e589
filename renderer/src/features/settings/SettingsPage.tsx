import { useMemo, useState } from 'react';
import type { WorkspaceDetails } from '../../../../main/core/api/contract';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../main/core/model/channels';
import { useApi, useApiMutation } from '../../api/hooks';
import type { ThemeChoice } from '../../app/theme';
import { channelName } from '../../shared/channel-name';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { BackupSection } from './BackupSection';
import { formFromProfile, profileFromForm, type ProfileForm } from './profile-form';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function SettingsPage({
  theme,
  onTheme,
}: {
  theme: ThemeChoice;
  onTheme: (t: ThemeChoice) => void;
}) {
  const { t } = useTranslation();
  const ws = useApi('workspace.get', {});
  const info = useApi('app.info', {});
  const check = useApiMutation('workspace.check');
  // Held here, not in the editor: a save remounts the editor (its key is the stored profile),
  // which would forget that the save succeeded and never say "Saved".
  const save = useApiMutation('workspace.update', ['workspace.get', 'app.info']);
  if (ws.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (ws.error) return <ErrorNotice error={ws.error} onRetry={() => void ws.refetch()} />;
  return (
    <section aria-labelledby="page-title" className="settings">
      <h1 id="page-title">{t('settings.title')}</h1>
      {/* Keyed by the stored profile: after a save or an outside change the form restarts from it. */}
      <ProfileEditor key={JSON.stringify(formFromProfile(ws.data))} details={ws.data} save={save} />
      <div className="card">
        <h2>{t('settings.appearance')}</h2>
        <LanguageSwitch />
        <label className="inline-field">
          <span>{t('common.theme')}</span>
          <select
            data-testid="theme"
            value={theme}
            onChange={(e) => onTheme(e.target.value as ThemeChoice)}
          >
            <option value="system">{t('common.themeSystem')}</option>
            <option value="light">{t('common.themeLight')}</option>
            <option value="dark">{t('common.themeDark')}</option>
          </select>
        </label>
      </div>

      <BackupSection path={ws.data.path} />
      <div className="card">
        <h2>{t('settings.workspaceFile')}</h2>
        <p className="mono">{ws.data.path}</p>
        <button type="button" onClick={() => check.mutate({})} disabled={check.isPending}>
          {t('settings.check')}
        </button>
        {check.data && (
          <p role="status">
            {check.data.ok
              ? t('settings.checkOk')
              : t('settings.checkFail', { details: check.data.details.join('; ') })}
          </p>
        )}
        <h2>{t('settings.about')}</h2>
        <p className="muted">
          {info.data ? t('settings.version', { version: info.data.version }) : null}
        </p>
      </div>
    </section>
  );
}

function ProfileEditor({
  details,
  save,
}: {
  details: WorkspaceDetails;
  save: ReturnType<typeof useApiMutation<'workspace.update'>>;
}) {
  const { t } = useTranslation();
  const original = useMemo(() => formFromProfile(details), [details]);
  const [form, setForm] = useState<ProfileForm>(original);
  const zones = useMemo(() => timeZones(), []);
  const dirty = JSON.stringify(original) !== JSON.stringify(form);
  const set = <K extends keyof ProfileForm>(k: K, v: ProfileForm[K]): void =>
    setForm({ ...form, [k]: v });

  const onSubmit = (e: React.FormEvent): void => {
    e.preventDefault();
    save.mutate(profileFromForm(form));
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="profile-title" className="card">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <label className="field">
        <span>{t('settings.brand')}</span>
        <input
          data-testid="brand"
          required
          value={form.brand}
          onChange={(e) => set('brand', e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('settings.keywords')}</span>
        <input
          data-testid="keywords"
          value={form.keywords}
          onChange={(e) => set('keywords', e.target.value)}
        />
        <small>{t('settings.keywordsHelp')}</small>
      </label>
      <label className="field">
        <span>{t('settings.excludes')}</span>
        <input value={form.excludes} onChange={(e) => set('excludes', e.target.value)} />
        <small>{t('settings.excludesHelp')}</small>
      </label>
      <fieldset className="field">
        <legend>{t('settings.handles')}</legend>
        <small>{t('settings.handlesHelp')}</small>
        {form.handles.map((h, i) => (
          <div className="row" key={i}>
            <select
              aria-label={t('settings.channel')}
              value={h.channel}
              onChange={(e) =>
                set(
                  'handles',
                  form.handles.map((x, j) => (j === i ? { ...x, channel: e.target.value } : x)),
                )
              }
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelName(t, c)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('settings.handle')}
              value={h.handle}
              onChange={(e) =>
                set(
                  'handles',
                  form.handles.map((x, j) => (j === i ? { ...x, handle: e.target.value } : x)),
                )
              }
            />
            <button
              type="button"
              onClick={() =>
                set(
                  'handles',
                  form.handles.filter((_, j) => j !== i),
                )
              }
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set('handles', [...form.handles, { channel: 'twitter', handle: '' }])}
        >
          {t('common.add')}
        </button>
      </fieldset>
      <label className="field">
        <span>{t('settings.timezone')}</span>
        <input
          list="timezones"
          value={form.timezone}
          onChange={(e) => set('timezone', e.target.value)}
        />
        <datalist id="timezones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      <fieldset className="field">
        <legend>{t('settings.hours')}</legend>
        <div className="row" role="group" aria-label={t('settings.days')}>
          {DAYS.map((d) => (
            <label key={d} className="chip-check">
              <input
                type="checkbox"
                checked={form.days.includes(d)}
                onChange={(e) =>
                  set(
                    'days',
                    e.target.checked ? [...form.days, d] : form.days.filter((x) => x !== d),
                  )
                }
              />
              {t(`days.${d}`)}
            </label>
          ))}
        </div>
        <div className="row">
          <label className="inline-field">
            <span>{t('settings.opens')}</span>
            <input type="time" value={form.start} onChange={(e) => set('start', e.target.value)} />
          </label>
          <label className="inline-field">
            <span>{t('settings.closes')}</span>
            <input type="time" value={form.end} onChange={(e) => set('end', e.target.value)} />
          </label>
        </div>
      </fieldset>
      <label className="field">
        <span>{t('settings.target')}</span>
        <input
          type="number"
          min={1}
          value={form.target}
          onChange={(e) => set('target', e.target.value)}
        />
        <small>{t('settings.targetHelp')}</small>
      </label>
      {save.error && <ErrorNotice error={save.error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="save"
          disabled={!dirty || save.isPending}
        >
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" disabled={!dirty} onClick={() => setForm(original)}>
          {t('common.revert')}
        </button>
        <span role="status" className="muted">
          {dirty ? t('common.unsaved') : save.isSuccess ? t('common.saved') : ''}
        </span>
      </div>
    </form>
  );
}
