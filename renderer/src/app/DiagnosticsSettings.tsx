import { useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useT } from '../i18n/use-t';
import { Button, buttonClass } from '../kit/Button';
import { DialogSection } from '../kit/DialogSection';
import { ErrorNotice } from '../kit/ErrorNotice';
import { Notice } from '../kit/Notice';
import { base64BlobUrl } from '../lib/pdf-blob';

interface Prepared {
  url: string;
  fileName: string;
}

/**
 * "Export diagnostics" in the settings dialog, for an admin (docs/IT.md, Logs and diagnostics):
 * the backend makes the zip, the page saves it at once and keeps a link to save it again. Opened
 * from the app's Help menu it starts by itself (`autoStart`).
 */
export function DiagnosticsSettings({ autoStart = false }: { autoStart?: boolean }) {
  const t = useT();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const started = useRef(false);

  async function exportZip(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await api.call('diagnostics.export', {});
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPrepared({ url: base64BlobUrl(result.value.base64, 'application/zip'), fileName: result.value.fileName });
  }

  // Saved as soon as it is ready: the link below is for a second copy.
  useEffect(() => {
    if (prepared) link.current?.click();
  }, [prepared]);

  useEffect(() => {
    if (!autoStart || started.current) return;
    started.current = true;
    void exportZip();
  }, [autoStart]);

  // A newer archive (or closing the dialog) frees the old one's memory.
  useEffect(
    () => () => {
      if (prepared) URL.revokeObjectURL(prepared.url);
    },
    [prepared],
  );

  return (
    <DialogSection id="settings-diagnostics" title={t('diagnostics.title')}>
      <p id="settings-diagnostics-purpose" className="kit-field-hint">
        {t('diagnostics.purpose')}
      </p>
      {busy && <Notice tone="info">{t('diagnostics.preparing')}</Notice>}
      {error && <ErrorNotice error={error} context="diagnostics.failed" />}
      {prepared && (
        <Notice
          tone="success"
          title={t('diagnostics.ready', { file: prepared.fileName })}
          actions={
            <a ref={link} className={buttonClass('quiet')} href={prepared.url} download={prepared.fileName}>
              {t('diagnostics.saveAgain')}
            </a>
          }
        />
      )}
      <div className="kit-button-row">
        <Button aria-describedby="settings-diagnostics-purpose" disabled={busy} onClick={() => void exportZip()}>
          {t('diagnostics.export')}
        </Button>
      </div>
    </DialogSection>
  );
}
