import type { ErrorBody } from '../../../shared/errors';
import { errorMessageKey } from '../i18n/error-message';
import type { PlainMessageKey } from '../i18n/dictionary';
import { useT } from '../i18n/use-t';

interface ErrorNoticeProps {
  error: ErrorBody;
  /** What the clerk was doing, shown above the per-code explanation. */
  context?: PlainMessageKey;
  onRetry?: () => void;
}

/** Shows a failed call's envelope in the clerk's language; the English `message` is for logs only. */
export function ErrorNotice({ error, context, onRetry }: ErrorNoticeProps) {
  const t = useT();
  const correlationId = error.code === 'INTERNAL' ? error.details?.correlationId : undefined;
  return (
    <div className="error-notice" role="alert">
      {context && <p className="error-notice-context">{t(context)}</p>}
      <p>{t(errorMessageKey(error.code))}</p>
      {correlationId && <p className="error-notice-reference">{t('error.correlation', { id: correlationId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
