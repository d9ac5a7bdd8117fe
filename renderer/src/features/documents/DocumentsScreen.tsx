import { useEffect, useRef } from 'react';
import { useShellStore } from '../../app/shell-store';
import { useT } from '../../i18n/use-t';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { CaseLinesTable } from './CaseLinesTable';
import { useCaseStore } from './case-store';
import { loadInbox, loadScanners } from './documents-store';
import { FindCaseForm } from './FindCaseForm';
import { InboxSection } from './InboxSection';
import { PurgeScans } from './PurgeScans';
import { ScannerNotice } from './ScannerNotice';
import { useDocumentsStore } from './documents-store';

/** «Документи» (Alt+3): a case's receipt lines and their scans, the scanner folder's inbox, and old scans cleared. */
export function DocumentsScreen() {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const application = useCaseStore((state) => state.application);
  const error = useCaseStore((state) => state.error);
  const scanners = useDocumentsStore((state) => state.scanners);
  const supervisor = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);

  useEffect(() => {
    heading.current?.focus();
    void loadScanners();
    void loadInbox();
  }, []);

  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t('documents.title')}
      </h2>
      <ScannerNotice scanners={scanners} />
      <FindCaseForm />
      {error && <ErrorNotice error={error} context="documents.failed" />}
      {application && <CaseLinesTable application={application} />}
      <InboxSection />
      {supervisor && <PurgeScans />}
    </section>
  );
}
