import type { ScannerInfo } from '../../../../shared/documents';
import { useT } from '../../i18n/use-t';
import { Notice } from '../../kit/Notice';
import { problemText } from './document-problem';

/** A scanner that is not there, said once above the panel: import and the scanner folder still work. */
export function ScannerNotice({ scanners }: { scanners: ScannerInfo | null }) {
  const t = useT();
  if (scanners === null || scanners.state === 'ready') return null;
  const kind = scanners.problem?.kind ?? 'no_scanner';
  return (
    <Notice tone="warning" title={t('documents.scanner.unavailable')} announce={false}>
      <p>{problemText(t, { kind: 'scan', problem: kind })}</p>
      <p>{t('documents.scanner.stillWorks')}</p>
    </Notice>
  );
}
