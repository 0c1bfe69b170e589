import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error';
import { describeError } from './describe-error';

/** Errors name what failed in plain words, in the UI language, with a way forward. */
export function ErrorNotice({
  error,
  onRetry,
  children,
}: {
  error: ApiError | Error;
  onRetry?: () => void;
  /** Further actions (e.g. Restore from backup). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      <p>{describeError(error, t, i18n)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
      {children}
    </div>
  );
}
