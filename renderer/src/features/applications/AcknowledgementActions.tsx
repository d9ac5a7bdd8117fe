import { useEffect, useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button, buttonClass } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { pdfBlobUrl } from '../../lib/pdf-blob';

type Paper = { status: 'loading' } | { status: 'ready'; url: string; fileName: string } | { status: 'failed'; error: ErrorBody };

/** The issuing acknowledgement (розписка) of an issued case, to print and have the receiver sign. */
export function AcknowledgementActions({ applicationId }: { applicationId: string }) {
  const t = useT();
  const [paper, setPaper] = useState<Paper>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    let url: string | null = null;
    void api.call('papers.acknowledgement', { applicationId, lang: 'uk' }).then((result) => {
      if (!alive) return;
      if (result.ok) {
        url = pdfBlobUrl(result.value.base64);
        setPaper({ status: 'ready', url, fileName: result.value.fileName });
      } else setPaper({ status: 'failed', error: result.error });
    });
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [applicationId]);

  if (paper.status === 'failed') return <ErrorNotice error={paper.error} context="status.paperFailed" />;
  const ready = paper.status === 'ready' ? paper : null;
  return (
    <div className="kit-button-row">
      <Button variant="primary" disabled={!ready} onClick={() => ready && window.open(ready.url, '_blank')}>
        {t('status.ackOpen')}
      </Button>
      {ready ? (
        <a className={buttonClass()} href={ready.url} download={ready.fileName}>
          {t('status.ackSave')}
        </a>
      ) : (
        <span className={buttonClass()} aria-disabled="true">
          {t('receipt.preparing')}
        </span>
      )}
    </div>
  );
}
