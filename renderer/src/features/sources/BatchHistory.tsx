import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber } from '../../shared/format';

/** Past imports, each undoable (with a confirmation: undo deletes those mentions). */
export function BatchHistory() {
  const { t, i18n } = useTranslation();
  const batches = useApi('sources.batches', {});
  const undo = useApiMutation('sources.undo', ['sources.batches', 'workspace.get']);
  const [confirming, setConfirming] = useState<number | null>(null);
  const n = (x: number): string => formatNumber(x, i18n.language);
  if (batches.error)
    return <ErrorNotice error={batches.error} onRetry={() => void batches.refetch()} />;
  const items = batches.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('sources.history')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('sources.noHistory')}</p>
      ) : (
        <table className="table" data-testid="batches">
          <thead>
            <tr>
              <th scope="col">{t('sources.file')}</th>
              <th scope="col">{t('sources.when')}</th>
              <th scope="col" className="num">
                {t('sources.imported')}
              </th>
              <th scope="col" className="num">
                {t('sources.duplicates')}
              </th>
              <th scope="col" className="num">
                {t('sources.rejected')}
              </th>
              <th scope="col">{t('sources.status')}</th>
              <th scope="col">
                <span className="sr-only">{t('sources.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>
                  {b.fileName ?? b.kind} <span className="muted">{b.format}</span>
                </td>
                <td>{formatDateTime(b.startedAt, i18n.language)}</td>
                <td className="num">{n(b.imported)}</td>
                <td className="num">{n(b.duplicates)}</td>
                <td className="num">{n(b.rejected)}</td>
                <td>{t(`sources.batchStatus.${b.status}`)}</td>
                <td>
                  {b.status !== 'undone' && b.status !== 'running' ? (
                    confirming === b.id ? (
                      <span className="row">
                        <span>{t('sources.undoConfirm', { count: b.imported })}</span>
                        <button
                          type="button"
                          className="danger"
                          onClick={() =>
                            undo.mutate({ batchId: b.id }, { onSettled: () => setConfirming(null) })
                          }
                        >
                          {t('sources.undoYes')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('sources.undoNo')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setConfirming(b.id)}>
                        {t('sources.undo')}
                      </button>
                    )
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undo.error && <ErrorNotice error={undo.error} />}
    </section>
  );
}
