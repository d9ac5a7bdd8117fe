import type { ErrorBody } from '../../../shared/errors';
import { errorMessageKey } from '../i18n/error-message';
import type { PlainMessageKey } from '../i18n/dictionary';
import { useT } from '../i18n/use-t';
import { Button } from './Button';
import { Notice } from './Notice';

interface ErrorNoticeProps {
  error: ErrorBody;
  /** What the clerk was doing, shown above the per-code explanation. */
  context?: PlainMessageKey;
  onRetry?: () => void;
}

/** A failed call's envelope as an error notice in the clerk's language; the English `message` is for logs only. */
export function ErrorNotice({ error, context, onRetry }: ErrorNoticeProps) {
  const t = useT();
  const correlationId = error.code === 'INTERNAL' ? error.details?.correlationId : undefined;
  return (
    <Notice
      tone="error"
      title={context ? t(context) : undefined}
      actions={onRetry && <Button onClick={onRetry}>{t('error.retry')}</Button>}
    >
      <p>{t(errorMessageKey(error.code))}</p>
      {correlationId && <p className="kit-notice-reference">{t('error.correlation', { id: correlationId })}</p>}
    </Notice>
  );
}
