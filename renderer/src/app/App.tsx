import { useTranslation } from 'react-i18next';
import { useApi, useWorkspaceEvents } from '../api/hooks';
import { CrisesPage } from '../features/crises/CrisesPage';
import { useCrisisOpen } from '../features/crises/open-episode';
import { MentionsPage } from '../features/mentions/MentionsPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ResponsesPage } from '../features/responses/ResponsesPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ComingSoon } from '../features/placeholder/ComingSoon';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { WorkspacePicker } from '../features/workspace/WorkspacePicker';
import { ErrorNotice } from '../shared/ErrorNotice';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { ReanalysisStatus } from '../shared/ReanalysisStatus';
import { PAGES, usePage, type Page } from './navigation';
import { useTheme } from './theme';

export function App() {
  const { t } = useTranslation();
  const [page, go] = usePage();
  const [theme, setTheme] = useTheme();
  useWorkspaceEvents();
  useCrisisOpen();
  const info = useApi('app.info', {});

  if (info.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (info.error) return <ErrorNotice error={info.error} onRetry={() => void info.refetch()} />;
  if (!info.data.workspace) return <WorkspacePicker info={info.data} />;

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t('app.skip')}
      </a>
      <aside className="sidebar">
        <div className="brand-mark">
          <span aria-hidden="true">◭</span> {t('app.name')}
          <small>{info.data.workspace.brand}</small>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {PAGES.map((p) => (
              <li key={p}>
                <a
                  href={`#/${p}`}
                  aria-current={p === page ? 'page' : undefined}
                  className={p === page ? 'active' : undefined}
                  data-testid={`nav-${p}`}
                >
                  {t(`nav.${p}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ReanalysisStatus />
        <div className="sidebar-foot">
          <LanguageSwitch />
        </div>
      </aside>
      <main id="content" tabIndex={-1}>
        {renderPage(page, go, theme, setTheme)}
      </main>
    </div>
  );
}

function renderPage(
  page: Page,
  go: (p: Page) => void,
  theme: ReturnType<typeof useTheme>[0],
  setTheme: ReturnType<typeof useTheme>[1],
) {
  switch (page) {
    case 'overview':
      return <OverviewPage onGo={go} />;
    case 'mentions':
      return <MentionsPage />;
    case 'people':
      return <PeoplePage />;
    case 'responses':
      return <ResponsesPage />;
    case 'crises':
      return <CrisesPage />;
    case 'reports':
      return <ReportsPage />;
    case 'sources':
      return <SourcesPage />;
    case 'settings':
      return <SettingsPage theme={theme} onTheme={setTheme} />;
    default:
      return <ComingSoon page={page} />;
  }
}
