import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/navigation';

/** Honest placeholder for sections whose issue has not landed yet. */
export function ComingSoon({ page }: { page: Page }) {
  const { t } = useTranslation();
  const name = t(`nav.${page}`);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{name}</h1>
      <div className="empty-state">
        <p className="empty-title">{t('soon.title')}</p>
        <p>{t(`soon.${page}`, { defaultValue: '' })}</p>
        <p className="muted">{t('soon.body', { page: name })}</p>
      </div>
    </section>
  );
}
