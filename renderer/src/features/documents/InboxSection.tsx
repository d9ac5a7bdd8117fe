import { useState } from 'react';
import type { PageSetView } from '../../../../shared/documents';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { caseLines } from './case-lines';
import { openLine, useCaseStore } from './case-store';
import { openSet, takeInbox, useDocumentsStore } from './documents-store';
import { inboxItemText } from './inbox-text';

/**
 * What the scanner folder took and imports not yet given to a line. "Додати до рядка…" asks which
 * line of the case open here; the file's pages join that line's set, whose panel then opens to attach.
 */
export function InboxSection() {
  const t = useT();
  const inbox = useDocumentsStore((state) => state.inbox);
  const application = useCaseStore((state) => state.application);
  const documents = useCaseStore((state) => state.documents);
  const [giving, setGiving] = useState<PageSetView | null>(null);
  const lines = application ? caseLines(application, documents) : [];

  async function give(receipt: number, position: number, name: string): Promise<void> {
    if (!giving || !application) return;
    const opened = await openSet({ kind: 'line', applicationId: application.id, receipt, position }, name);
    if (!opened.ok) return;
    const taken = await takeInbox(giving.id, opened.value.id);
    setGiving(null);
    if (taken) openLine({ receipt, position });
  }

  return (
    <section className="inbox-section" aria-labelledby="inbox-title">
      <h3 id="inbox-title" className="documents-section-title">
        {t('documents.inbox.title')}
      </h3>
      {inbox.length === 0 ? (
        <p className="muted">{t('documents.inbox.none')}</p>
      ) : (
        <ul className="inbox-list">
          {inbox.map((item) => (
            <li key={item.id}>
              <span>{inboxItemText(t, item)}</span>
              <Button onClick={() => setGiving(item)} aria-label={t('documents.inbox.toLineOf', { name: item.label })}>
                {t('documents.inbox.toLine')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={giving !== null} onClose={() => setGiving(null)} title={t('documents.inbox.chooseLine', { name: giving?.label ?? '' })}>
        {lines.length === 0 ? (
          <p>{t('documents.inbox.openCase')}</p>
        ) : (
          <ul className="inbox-lines">
            {lines.map((line) => (
              <li key={`${line.receipt}-${line.position}`}>
                <Button onClick={() => void give(line.receipt, line.position, line.item.name)}>
                  {t('documents.lines.lineNumber', { receipt: line.receipt, position: line.position })}: {line.item.name}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="kit-button-row">
          <Button variant="quiet" onClick={() => setGiving(null)}>
            {t('documents.close')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
