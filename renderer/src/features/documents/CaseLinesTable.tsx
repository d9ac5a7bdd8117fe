import type { Application } from '../../../../shared/domain/application';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import { caseLines } from './case-lines';
import type { CaseLine } from './case-lines';
import { openLine, showCase, useCaseStore } from './case-store';
import { attach } from './documents-store';
import { DocumentLink } from './DocumentLink';
import { PageSetDialog } from './PageSetDialog';

/** The case's receipt lines with what is attached to each; a line's "Сканувати / Додати файл" opens its page set. */
export function CaseLinesTable({ application }: { application: Application }) {
  const t = useT();
  const documents = useCaseStore((state) => state.documents);
  const lines = caseLines(application, documents);
  const wanted = useCaseStore((state) => state.openLine);
  const open = lines.find((line) => line.receipt === wanted?.receipt && line.position === wanted.position) ?? null;
  const lineName = (line: CaseLine) => t('documents.lines.lineNumber', { receipt: line.receipt, position: line.position });

  return (
    <section className="case-lines" aria-labelledby="case-title">
      <h3 id="case-title" className="documents-section-title">
        {t('documents.case.title', { regNumber: application.regNumber })} · {application.applicant.displayName}
      </h3>
      <DataTable<CaseLine>
        caption={{ text: t('documents.lines.title') }}
        rows={lines}
        rowKey={(line) => `${line.receipt}-${line.position}`}
        empty={t('documents.lines.none')}
        columns={[
          { key: 'line', header: t('documents.lines.line'), rowHeader: true, cell: lineName },
          {
            key: 'document',
            header: t('documents.lines.document'),
            cell: (line) => `${line.item.name} · ${t(line.item.returned ? 'receipts.returned' : 'receipts.handedIn')}`,
          },
          {
            key: 'files',
            header: t('documents.lines.files'),
            cell: (line) =>
              line.documents.length === 0 ? (
                <span className="muted">{t('documents.lines.noFiles')}</span>
              ) : (
                <ul className="line-documents">
                  {line.documents.map((document) => (
                    <li key={document.id}>
                      <DocumentLink document={document} name={line.item.name} />
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'actions',
            header: t('documents.lines.actions'),
            headerHidden: true,
            cell: (line) => <Button onClick={() => openLine(line)}>{t('documents.lines.scanOf', { name: line.item.name })}</Button>,
          },
        ]}
      />
      <PageSetDialog
        owner={open === null ? null : { kind: 'line', applicationId: application.id, receipt: open.receipt, position: open.position }}
        label={open?.item.name ?? ''}
        title={t('documents.lines.dialog', { name: open?.item.name ?? '' })}
        onClose={() => openLine(null)}
        onAttach={async (setId) => {
          const updated = await attach(setId);
          if (updated === null) return false;
          await showCase(updated);
          return true;
        }}
      />
    </section>
  );
}
