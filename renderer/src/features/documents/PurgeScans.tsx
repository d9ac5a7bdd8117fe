import { useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { Notice } from '../../kit/Notice';
import { sizeText } from './size-text';

/** The supervisor's "Очистити старі скани": files the back office holds, past retention, removed here (audited by the backend). */
export function PurgeScans() {
  const t = useT();
  const [result, setResult] = useState<{ documents: number; bytes: number } | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  async function purge(): Promise<void> {
    setBusy(true);
    setError(null);
    setResult(null);
    const answer = await api.call('documents.purge', {});
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  }

  return (
    <div className="purge-scans">
      <Button
        variant="danger"
        disabled={busy}
        confirm={{ question: t('documents.purge.question'), yes: t('documents.purge.yes'), no: t('documents.purge.no') }}
        onClick={() => void purge()}
      >
        {t('documents.purge.button')}
      </Button>
      {result && (
        <Notice tone="success">{t('documents.purge.done', { documents: result.documents, size: sizeText(t, result.bytes) })}</Notice>
      )}
      {error && <ErrorNotice error={error} context="documents.failed" />}
    </div>
  );
}
