import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatBytes, formatDateTime } from '../../shared/format';
import { RestoreBackup } from '../workspace/RestoreBackup';

/** Back up now (SQLite online backup, while the app runs) and restore with confirmation. */
export function BackupSection({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const list = useApi('workspace.backups', {});
  const backup = useApiMutation('workspace.backup', ['workspace.backups']);
  const lang = i18n.language;
  return (
    <div className="card" data-testid="backups">
      <h2>{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="backup-now"
          disabled={backup.isPending}
          onClick={() => backup.mutate({})}
        >
          {backup.isPending ? t('backup.working') : t('backup.now')}
        </button>
      </div>
      {backup.data && (
        <p role="status" data-testid="backup-done">
          {t('backup.done', {
            name: backup.data.name,
            size: formatBytes(backup.data.sizeBytes, lang),
          })}
        </p>
      )}
      {backup.error && <ErrorNotice error={backup.error} />}
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="muted">
            {t('backup.folder')} <span className="mono">{list.data.folder}</span>
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty-state">{t('backup.none')}</p>
          ) : (
            <table data-testid="backup-list" className="backup-table">
              <thead>
                <tr>
                  <th scope="col">{t('backup.file')}</th>
                  <th scope="col">{t('backup.kind')}</th>
                  <th scope="col">{t('backup.date')}</th>
                  <th scope="col">{t('backup.size')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('backup.restore')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((b) => (
                  <tr key={b.path}>
                    <td className="mono">{b.name}</td>
                    <td>{t(`backup.kinds.${b.kind}`)}</td>
                    <td>{formatDateTime(b.modifiedAt, lang)}</td>
                    <td>{formatBytes(b.sizeBytes, lang)}</td>
                    <td>
                      <RestoreBackup path={path} backup={b.path} label={t('backup.restore')} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
