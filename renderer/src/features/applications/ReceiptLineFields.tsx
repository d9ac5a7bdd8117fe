import { useT } from '../../i18n/use-t';
import { Checkbox } from '../../kit/Checkbox';
import { TextInput } from '../../kit/TextInput';
import type { LineDraft, LineProblems } from './receipt-line';

interface ReceiptLineFieldsProps {
  idPrefix: string;
  n: number;
  line: LineDraft;
  problems: LineProblems;
  onChange(line: LineDraft): void;
}

/** One receipt line's fields: name, sheets, original or copy, handed in or presented and returned. */
export function ReceiptLineFields({ idPrefix, n, line, problems, onChange }: ReceiptLineFieldsProps) {
  const t = useT();
  return (
    <div className="receipt-line-fields">
      <TextInput
        id={`${idPrefix}-name-${n}`}
        label={t('receipts.line.name', { n })}
        size="long"
        maxLength={300}
        value={line.name}
        error={problems.name ? t(problems.name) : undefined}
        onChange={(name) => onChange({ ...line, name })}
      />
      <TextInput
        id={`${idPrefix}-sheets-${n}`}
        label={t('receipts.line.sheets', { n })}
        size="short"
        inputMode="numeric"
        maxLength={5}
        value={line.sheets}
        error={problems.sheets ? t(problems.sheets) : undefined}
        onChange={(sheets) => onChange({ ...line, sheets })}
      />
      <Checkbox
        id={`${idPrefix}-original-${n}`}
        label={t('receipts.line.original', { n })}
        checked={line.original}
        onChange={(original) => onChange({ ...line, original })}
      />
      <Checkbox
        id={`${idPrefix}-returned-${n}`}
        label={t('receipts.line.returned', { n })}
        checked={line.returned}
        onChange={(returned) => onChange({ ...line, returned })}
      />
    </div>
  );
}
