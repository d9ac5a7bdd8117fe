import { useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import { latestVersions } from '../../../../shared/domain/receipt';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { draftOf, EMPTY_LINE, lineOf, lineProblems } from './receipt-line';
import type { LineDraft } from './receipt-line';
import { ReceiptLineFields } from './ReceiptLineFields';

/**
 * A line of an опис corrected, with the reason (required): a new version of that опис is issued
 * and the earlier one stays on the case, marked as replaced.
 */
export function CorrectLineForm({ application, onDone }: { application: Application; onDone(updated: Application, note: string): void }) {
  const t = useT();
  const receipts = latestVersions(application.receipts);
  const [number, setNumber] = useState(receipts[0]?.number ?? 1);
  const [position, setPosition] = useState(1);
  const current = receipts.find((r) => r.number === number) ?? receipts[0];
  const [line, setLine] = useState<LineDraft>(() => (current?.lines[0] ? draftOf(current.lines[0]) : EMPTY_LINE));
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  if (!current) return null;
  const problems = lineProblems(line);
  const reasonMissing = reason.trim() === '';

  function pick(nextNumber: number, nextPosition: number): void {
    const receipt = receipts.find((r) => r.number === nextNumber);
    const picked = receipt?.lines[nextPosition - 1];
    setNumber(nextNumber);
    setPosition(picked ? nextPosition : 1);
    if (receipt) setLine(draftOf(picked ?? receipt.lines[0]!));
  }

  async function submit(): Promise<void> {
    setChecked(true);
    if (Object.keys(problems).length > 0 || reasonMissing) return;
    setBusy(true);
    const result = await api.call('applications.correctLine', {
      id: application.id,
      receipt: number,
      position,
      item: lineOf(line),
      reason,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const issued = result.value.receipts.filter((r) => r.number === number).at(-1);
    onDone(result.value, t('receipts.fix.done', { number, version: issued?.version ?? '' }));
  }

  return (
    <form
      className="receipt-form"
      aria-labelledby="correct-line-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h5 id="correct-line-title" className="card-subtitle">
        {t('receipts.fix.title')}
      </h5>
      <SelectInput
        id="correct-line-receipt"
        label={t('receipts.fix.receipt')}
        value={String(number)}
        options={receipts.map((r) => ({
          value: String(r.number),
          label: t(r.number === 1 ? 'receipts.first' : 'receipts.additional', { number: r.number }),
        }))}
        onChange={(value) => pick(Number(value), 1)}
      />
      <SelectInput
        id="correct-line-position"
        label={t('receipts.fix.position')}
        value={String(position)}
        options={current.lines.map((l, i) => ({ value: String(i + 1), label: `${i + 1}. ${l.name}` }))}
        onChange={(value) => pick(number, Number(value))}
      />
      <ReceiptLineFields idPrefix="correct-line" n={position} line={line} problems={checked ? problems : {}} onChange={setLine} />
      <TextInput
        id="correct-line-reason"
        label={t('receipts.fix.reason')}
        required
        size="long"
        maxLength={1000}
        value={reason}
        error={checked && reasonMissing ? t('receipts.err.reason') : undefined}
        onChange={setReason}
      />
      {error && <ErrorNotice error={error} context="receipts.fix.failed" />}
      <div className="kit-button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('receipts.fix.submit')}
        </Button>
        <Button onClick={() => onDone(application, '')}>{t('receipts.cancel')}</Button>
      </div>
    </form>
  );
}
