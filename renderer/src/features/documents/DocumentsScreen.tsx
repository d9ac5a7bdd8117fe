import { useEffect, useRef } from 'react';
import { useShellStore } from '../../app/shell-store';
import { useT } from '../../i18n/use-t';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { CaseLinesTable } from './CaseLinesTable';
import { refreshCase, useCaseStore } from './case-store';
import { loadInbox, loadScanners } from './documents-store';
import { FindCaseForm } from './FindCaseForm';
import { InboxSection } from './InboxSection';
import { PurgeScans } from './PurgeScans';
import { ScannerNotice } from './ScannerNotice';

/** «Документи» (Alt+3): a case's receipt lines and their scans, the scanner folder's inbox, and old scans cleared. */
export function DocumentsScreen() {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const application = useCaseStore((state) => state.application);
  const error = useCaseStore((state) => state.error);
  const supervisor = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  // A finished sync cycle may have delivered a document: its "waiting to upload" follows.
  const lastSync = useShellStore((state) => state.sync?.lastSuccessAt ?? '');

  useEffect(() => {
    heading.current?.focus();
    void loadScanners();
    void loadInbox();
  }, []);

  useEffect(() => {
    if (lastSync !== '') void refreshCase();
  }, [lastSync]);

  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t('documents.title')}
      </h2>
      <ScannerNotice />
      <FindCaseForm />
      {error && <ErrorNotice error={error} context="documents.failed" />}
      {application && <CaseLinesTable application={application} />}
      <InboxSection />
      {supervisor && <PurgeScans />}
    </section>
  );
}
