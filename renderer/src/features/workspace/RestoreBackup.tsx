import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Replaces a workspace with one of its backups, after asking: the first click only shows
 * what will happen; the second does it. The replaced file is kept as FILE.before-restore.
 */
export function RestoreBackup({
  path,
  backup,
  label,
}: {
  path: string;
  backup: string;
  label: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const restore = useApiMutation('workspace.restore');
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <>
        <button type="button" data-testid="restore-backup" onClick={() => setAsking(true)}>
          {label}
        </button>
        {restore.isSuccess && (
          <p role="status" data-testid="restore-done">
            {t('backup.restored')}
          </p>
        )}
      </>
    );
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p data-testid="restore-question">
        {t('backup.confirm', { workspace: fileName(path), backup: fileName(backup) })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          data-testid="restore-confirm"
          disabled={restore.isPending}
          onClick={() =>
            restore.mutate(
              { path, backup, confirm: true },
              {
                // every query shows the old data until refetched: the whole workspace changed
                onSuccess: () => {
                  setAsking(false);
                  void qc.invalidateQueries();
                },
              },
            )
          }
        >
          {restore.isPending ? t('backup.restoring') : t('backup.confirmYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)} disabled={restore.isPending}>
          {t('backup.cancel')}
        </button>
      </div>
      {restore.error && <ErrorNotice error={restore.error} />}
    </div>
  );
}
