import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** Errors name what failed in plain words, in the UI language, with a way forward. */
export function ErrorNotice({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text =
    error.message === 'session_expired'
      ? t('errors.session_expired')
      : t('errors.generic', { message: error.message });
  return (
    <div role="alert" className="notice notice-error">
      <p>{text}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
