import { useT } from '../../i18n/use-t';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { Notice } from '../../kit/Notice';
import { problemText } from './document-problem';
import { useDocumentsStore } from './documents-store';

/** A scanner that is not there, said once above the panel: import and the scanner folder still work. */
export function ScannerNotice() {
  const t = useT();
  const scanners = useDocumentsStore((state) => state.scanners);
  const error = useDocumentsStore((state) => state.scannersError);
  // Not even asked: the Scan button waits, and the clerk is told why.
  if (scanners === null) return error && <ErrorNotice error={error} context="documents.scanner.unavailable" />;
  if (scanners.state === 'ready') return null;
  const kind = scanners.problem?.kind ?? 'no_scanner';
  return (
    <Notice tone="warning" title={t('documents.scanner.unavailable')} announce={false}>
      <p>{problemText(t, { kind: 'scan', problem: kind })}</p>
      <p>{t('documents.scanner.stillWorks')}</p>
    </Notice>
  );
}
