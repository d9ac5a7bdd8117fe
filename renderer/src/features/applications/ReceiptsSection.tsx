import { useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import { isFinal } from '../../../../shared/domain/application-status';
import { isSuperseded } from '../../../../shared/domain/receipt';
import type { ReceiptVersion } from '../../../../shared/domain/receipt';
import { ReceiptActions } from '../../components/ReceiptActions';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { formatDateTime } from '../../lib/format';
import { AddDocumentsForm } from './AddDocumentsForm';
import { CorrectLineForm } from './CorrectLineForm';

function ReceiptEntry({ application, receipt }: { application: Application; receipt: ReceiptVersion }) {
  const t = useT();
  const titleId = `receipt-${receipt.number}-${receipt.version}`;
  const superseded = isSuperseded(receipt, application.receipts);
  return (
    <li className={superseded ? 'receipt-entry receipt-superseded' : 'receipt-entry'}>
      <section aria-labelledby={titleId}>
        <h5 id={titleId} className="receipt-heading">
          {t(receipt.number === 1 ? 'receipts.first' : 'receipts.additional', { number: receipt.number })}
          {receipt.version > 1 && `, ${t('receipts.version', { version: receipt.version })}`}
          {superseded && <span className="status-badge receipt-superseded-badge">{t('receipts.superseded')}</span>}
        </h5>
        <p className="muted">{t('receipts.issued', { date: formatDateTime(receipt.issuedAt), clerk: receipt.clerkName })}</p>
        {receipt.correction && (
          <p>{t('receipts.correction', { position: receipt.correction.position, reason: receipt.correction.reason })}</p>
        )}
        <ol className="card-items">
          {receipt.lines.map((line, i) => (
            <li key={i}>
              {line.name} — {t(line.original ? 'intake.items.original' : 'intake.items.copy')},{' '}
              {t('applications.sheets', { n: line.sheets })}, {t(line.returned ? 'receipts.returned' : 'receipts.handedIn')}
            </li>
          ))}
        </ol>
        <ReceiptActions applicationId={application.id} number={receipt.number} version={receipt.version} />
      </section>
    </li>
  );
}

/**
 * Every receipt issued for the case, newest version of each опис first in its group, with print
 * buttons; documents handed in later make a new опис, a corrected line a new version.
 */
export function ReceiptsSection({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  const [form, setForm] = useState<'add' | 'fix' | null>(null);
  const [note, setNote] = useState('');
  const done = (updated: Application, message: string) => {
    setForm(null);
    setNote(message);
    if (updated !== application) onChanged(updated);
  };
  const open = !isFinal(application.status);
  return (
    <section className="receipts-section" aria-labelledby="receipts-title">
      <h4 id="receipts-title" className="card-subtitle">
        {t('receipts.title')}
      </h4>
      <ul className="receipt-list">
        {application.receipts.map((r) => (
          <ReceiptEntry key={`${r.number}-${r.version}`} application={application} receipt={r} />
        ))}
      </ul>
      <p role="status">{note}</p>
      {form === 'add' && <AddDocumentsForm application={application} onDone={done} />}
      {form === 'fix' && <CorrectLineForm application={application} onDone={done} />}
      {form === null && (
        <div className="kit-button-row">
          {open && <Button onClick={() => setForm('add')}>{t('receipts.add.open')}</Button>}
          {application.receipts.length > 0 && <Button onClick={() => setForm('fix')}>{t('receipts.fix.open')}</Button>}
        </div>
      )}
    </section>
  );
}
