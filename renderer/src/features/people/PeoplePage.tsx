import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatNumber } from '../../shared/format';

const LABELS = [
  'agitator',
  'escalating',
  'angry_customer',
  'neutral',
  'supporter',
  'insufficient_history',
] as const;
type Label = (typeof LABELS)[number];

/** Who is talking: angry customers apart from agitators, each label with its reasons. */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState<Label | ''>('');
  const people = useApi('people.list', label ? { label } : {});
  const override = useApiMutation('people.override', ['people.list']);
  const [open, setOpen] = useState<number | null>(null);
  if (people.error)
    return <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />;
  const counts = people.data?.counts ?? {};
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.people')}</h1>
      <p className="muted">{t('people.intro', { n: people.data?.minHistory ?? 3 })}</p>
      <div className="row" role="group" aria-label={t('people.filter')}>
        <button
          type="button"
          aria-pressed={label === ''}
          className={label === '' ? 'chip-on' : undefined}
          onClick={() => setLabel('')}
        >
          {t('people.all')}
        </button>
        {LABELS.map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={label === l}
            className={`label-${l}${label === l ? ' chip-on' : ''}`}
            onClick={() => setLabel(l)}
            data-testid={`filter-${l}`}
          >
            {t(`people.labels.${l}`)} ({formatNumber(counts[l] ?? 0, i18n.language)})
          </button>
        ))}
      </div>
      {people.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : people.data.items.length === 0 ? (
        <p className="empty-state">{t('people.empty')}</p>
      ) : (
        <table className="table" data-testid="people">
          <thead>
            <tr>
              <th scope="col">{t('people.author')}</th>
              <th scope="col">{t('people.label')}</th>
              <th scope="col" className="num">
                {t('people.score')}
              </th>
              <th scope="col" className="num">
                {t('people.posts')}
              </th>
              <th scope="col">{t('people.why')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <strong>@{p.handle}</strong> <span className="muted">{p.channel}</span>
                </td>
                <td>
                  <span className={`chip label-${p.label}`}>{t(`people.labels.${p.label}`)}</span>
                  {p.overridden && <span className="muted"> ({t('people.byYou')})</span>}
                </td>
                <td className="num">{p.score.toFixed(2)}</td>
                <td className="num">{formatNumber(p.posts, i18n.language)}</td>
                <td>
                  <div>{p.reasons[0]}</div>
                  {open === p.id ? (
                    <>
                      <ul className="why">
                        {p.reasons.slice(1).map((r, i) => (
                          <li key={i}>{r}</li>
                        ))}
                      </ul>
                      <div className="row">
                        <span className="muted">{t('people.setLabel')}:</span>
                        {LABELS.filter((l) => l !== 'insufficient_history').map((l) => (
                          <button
                            key={l}
                            type="button"
                            onClick={() =>
                              override.mutate({
                                channel: p.channel as never,
                                handle: p.handle,
                                label: l,
                              })
                            }
                          >
                            {t(`people.labels.${l}`)}
                          </button>
                        ))}
                        {p.overridden && (
                          <button
                            type="button"
                            onClick={() =>
                              override.mutate({
                                channel: p.channel as never,
                                handle: p.handle,
                                label: null,
                              })
                            }
                          >
                            {t('people.reset')}
                          </button>
                        )}
                      </div>
                    </>
                  ) : (
                    <button type="button" className="link" onClick={() => setOpen(p.id)}>
                      {t('people.more')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
