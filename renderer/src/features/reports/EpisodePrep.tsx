import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';

type View = OutputOf<'reports.annotations'>;
type HandKey = 'committee' | 'listening' | 'personal_contact' | 'lessons';

/** One hand-marked scorecard item: a checkbox and a note, saved as the user leaves them (remounted when the stored item changes). */
function HandItem({
  item,
  save,
}: {
  item: View['items'][number];
  save: (key: HandKey, checked: boolean, note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note ?? '');
  // shown at once; the stored value comes back when the save remounts this item
  const [checked, setChecked] = useState(item.checked);
  const key = item.key as HandKey;
  return (
    <li className="row" data-testid={`hand-${key}`}>
      <label className="hand-check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            setChecked(e.target.checked);
            save(key, e.target.checked, note);
          }}
        />
        {t(`reports.hand.${key}`)}
      </label>
      <label className="hand-note">
        <span>{t('reports.note')}</span>
        <input
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (note !== (item.note ?? '')) save(key, checked, note);
          }}
        />
      </label>
    </li>
  );
}

/** The crisis type (SCCT, with guidance) and the scorecard items the data cannot show. */
export function EpisodePrep({ crisisId }: { crisisId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const view = useApi('reports.annotations', { crisisId, lang });
  const annotate = useApiMutation('reports.annotate', ['reports.annotations']);
  if (view.error) return <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <p className="loading">{t('common.loading')}</p>;
  const v = view.data;
  const names = (xs: string[]): string => xs.map((s) => v.strategyNames[s] ?? s).join(', ');
  return (
    <>
      <div className="card" data-testid="crisis-type">
        <fieldset className="field">
          <legend>{t('reports.typeTitle')}</legend>
          <p className="muted">{t('reports.typeHelp')}</p>
          {v.guidance.map((g) => (
            <label key={g.type} className="scct-option">
              <input
                type="radio"
                name={`scct-${crisisId}`}
                value={g.type}
                checked={v.crisisType === g.type}
                onChange={() => annotate.mutate({ crisisId, lang, crisisType: g.type })}
              />
              <span>
                <b>{g.name}</b> — {g.text}
                <br />
                <small className="muted">
                  {t('reports.recommended', { list: names(g.recommended) })}
                </small>
              </span>
            </label>
          ))}
          <label className="scct-option">
            <input
              type="radio"
              name={`scct-${crisisId}`}
              checked={v.crisisType === null}
              onChange={() => annotate.mutate({ crisisId, lang, crisisType: null })}
            />
            <span>{t('reports.typeNone')}</span>
          </label>
        </fieldset>
      </div>
      <div className="card" data-testid="hand-items">
        <h3>{t('reports.handTitle')}</h3>
        <p className="muted">{t('reports.handHelp')}</p>
        <ul className="queue">
          {v.items.map((item) => (
            <HandItem
              key={`${item.key}:${item.updatedAt ?? 0}`}
              item={item}
              save={(key, checked, note) =>
                annotate.mutate({
                  crisisId,
                  lang,
                  item: { key, checked, ...(note.trim() ? { note } : {}) },
                })
              }
            />
          ))}
        </ul>
      </div>
      {annotate.error && <ErrorNotice error={annotate.error} />}
    </>
  );
}
