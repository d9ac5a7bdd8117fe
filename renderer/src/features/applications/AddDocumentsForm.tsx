import { useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { EMPTY_LINE, lineOf, lineProblems } from './receipt-line';
import type { LineDraft } from './receipt-line';
import { ReceiptLineFields } from './ReceiptLineFields';

/**
 * Documents handed in after registration: their lines become a new опис (№2, №3 …) with today's
 * date and this clerk; the описи already issued stay as they are.
 */
export function AddDocumentsForm({ application, onDone }: { application: Application; onDone(updated: Application, note: string): void }) {
  const t = useT();
  const [lines, setLines] = useState<LineDraft[]>([EMPTY_LINE]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const problems = lines.map(lineProblems);
  const valid = problems.every((p) => Object.keys(p).length === 0);

  async function submit(): Promise<void> {
    setChecked(true);
    if (!valid) return;
    setBusy(true);
    const result = await api.call('applications.addDocuments', { id: application.id, items: lines.map(lineOf) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const issued = result.value.receipts.at(-1);
    onDone(result.value, t('receipts.add.done', { number: issued?.number ?? '' }));
  }

  return (
    <form
      className="receipt-form"
      aria-labelledby="add-documents-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h5 id="add-documents-title" className="card-subtitle">
        {t('receipts.add.title')}
      </h5>
      {lines.map((line, i) => (
        <ReceiptLineFields
          key={i}
          idPrefix="add-documents"
          n={i + 1}
          line={line}
          problems={checked ? problems[i]! : {}}
          onChange={(next) => setLines(lines.map((l, j) => (j === i ? next : l)))}
        />
      ))}
      {error && <ErrorNotice error={error} context="receipts.add.failed" />}
      <div className="kit-button-row">
        <Button onClick={() => setLines([...lines, EMPTY_LINE])}>{t('receipts.add.more')}</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('receipts.add.submit')}
        </Button>
        <Button onClick={() => onDone(application, '')}>{t('receipts.cancel')}</Button>
      </div>
    </form>
  );
}
