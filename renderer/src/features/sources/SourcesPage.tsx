import { useTranslation } from 'react-i18next';
import { BatchHistory } from './BatchHistory';
import { FeedsPanel } from './FeedsPanel';
import { ImportPanel } from './ImportPanel';

export function SourcesPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.sources')}</h1>
      <ImportPanel />
      <FeedsPanel />
      <BatchHistory />
    </section>
  );
}
