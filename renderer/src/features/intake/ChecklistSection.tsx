import { useState } from 'react';
import type { ReactNode } from 'react';
import { LineScanDialog } from '../documents/LineScanDialog';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import { controlBinding, errorId, FieldMessages } from '../../kit/Field';
import { useIntakeField } from './bound-fields';
import { fieldDomId, itemField } from './field-ids';
import type { ChecklistLine } from './intake-form';
import { addLine, removeLine, setInsisted, setLine, useIntakeStore } from './intake-store';
import { MissingDocuments } from './MissingDocuments';
import { missingRequired } from './missing-documents';

/** A control inside a table cell has no label of its own (aria-label names it); its error sits under it as in any field. */
function cellBinding(binding: ReturnType<typeof useIntakeField>) {
  return { ...controlBinding(binding), onBlur: binding.onBlur };
}

function DocumentCell({
  line,
  index,
  name,
  noneSubmitted,
}: {
  line: ChecklistLine;
  index: number;
  name: string;
  noneSubmitted: string | undefined;
}) {
  const t = useT();
  const nameField = useIntakeField(itemField(line.key, 'name'));
  if (line.fromCatalog) {
    return (
      <label className="kit-checkbox">
        <input
          id={fieldDomId(itemField(line.key, 'submitted'))}
          type="checkbox"
          checked={line.submitted}
          aria-invalid={(noneSubmitted !== undefined && index === 0) || undefined}
          aria-describedby={noneSubmitted ? errorId(fieldDomId('items')) : undefined}
          onChange={(event) => setLine(line.key, { submitted: event.target.checked })}
        />
        <span>
          {name}
          {line.required && <span className="muted"> · {t('intake.items.required')}</span>}
        </span>
      </label>
    );
  }
  return (
    <div className="extra-line">
      <input
        {...cellBinding(nameField)}
        className="kit-input"
        type="text"
        aria-label={t('intake.items.extraName', { n: index + 1 })}
        value={line.nameUk}
        onChange={(event) => setLine(line.key, { nameUk: event.target.value, nameEn: event.target.value })}
      />
      <Button variant="quiet" onClick={() => removeLine(line.key)}>
        {t('intake.items.remove', { n: index + 1 })}
      </Button>
      <FieldMessages {...nameField} />
    </div>
  );
}

function SheetsCell({ line, name }: { line: ChecklistLine; name: string }) {
  const t = useT();
  const sheets = useIntakeField(itemField(line.key, 'sheets'));
  return (
    <>
      <input
        {...cellBinding(sheets)}
        className="kit-input input-sheets"
        type="text"
        inputMode="numeric"
        aria-label={t('intake.items.sheetsOf', { name })}
        disabled={!line.submitted}
        // A scanned line's sheets are its pages: typed over, the receipt would contradict its PDF.
        readOnly={Boolean(line.scan)}
        value={line.sheets}
        onChange={(event) => setLine(line.key, { sheets: event.target.value })}
      />
      <FieldMessages {...sheets} />
    </>
  );
}

/** "Сканувати" for a submitted line, and once its pages are attached, how many. */
function ScanCell({ line, name, onScan }: { line: ChecklistLine; name: string; onScan(): void }) {
  const t = useT();
  if (!line.submitted) return null;
  return (
    <div className="line-scan">
      <Button variant="secondary" aria-label={t('documents.intake.scanOf', { name })} onClick={onScan}>
        {t('documents.intake.scan')}
      </Button>
      {line.scan && <span className="line-scan-count">{t('documents.intake.attached', { n: line.scan.pages })}</span>}
    </div>
  );
}

/** The service's numbered required documents: what was handed in, original or copy, kept or shown and returned, how many sheets. */
export function ChecklistSection() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const items = useIntakeStore((state) => state.form.items);
  const insisted = useIntakeStore((state) => state.form.insisted);
  const noneSubmitted = useIntakeField('items');
  const [scanning, setScanning] = useState<string | null>(null);
  const scanLine = items.find((line) => line.key === scanning) ?? null;
  const nameOf = (line: ChecklistLine) => (language === 'uk' ? line.nameUk : line.nameEn) || line.nameUk;

  function add(): void {
    const key = addLine();
    // The new line's name is what the clerk types next.
    requestAnimationFrame(() => document.getElementById(fieldDomId(itemField(key, 'name')))?.focus());
  }

  const doc = (line: ChecklistLine, index: number): ReactNode => (
    <div className="line-doc">
      <span className="line-number" aria-hidden="true">
        {index + 1}.
      </span>
      <DocumentCell line={line} index={index} name={nameOf(line)} noneSubmitted={noneSubmitted.error} />
    </div>
  );

  return (
    <div className="checklist">
      <DataTable<ChecklistLine>
        caption={{ text: t('intake.items.title') }}
        className="checklist-table"
        rows={items}
        rowKey={(line) => line.key}
        rowClassName={(line) => (line.submitted ? 'line-submitted' : undefined)}
        empty={t('intake.items.none')}
        columns={[
          { key: 'doc', header: t('intake.items.document'), className: 'col-doc', cell: doc },
          {
            key: 'kind',
            header: t('intake.items.kind'),
            className: 'col-narrow',
            cell: (line) => (
              <select
                className="kit-input"
                aria-label={t('intake.items.kindOf', { name: nameOf(line) })}
                value={line.original ? 'original' : 'copy'}
                disabled={!line.submitted}
                onChange={(event) => setLine(line.key, { original: event.target.value === 'original' })}
              >
                <option value="original">{t('intake.items.original')}</option>
                <option value="copy">{t('intake.items.copy')}</option>
              </select>
            ),
          },
          {
            key: 'handling',
            header: t('receipts.intake.handling'),
            className: 'col-narrow',
            cell: (line) => (
              <select
                className="kit-input"
                aria-label={t('receipts.intake.handlingOf', { name: nameOf(line) })}
                value={line.returned === true ? 'returned' : 'handed_in'}
                disabled={!line.submitted}
                onChange={(event) => setLine(line.key, { returned: event.target.value === 'returned' })}
              >
                <option value="handed_in">{t('receipts.handedIn')}</option>
                <option value="returned">{t('receipts.returned')}</option>
              </select>
            ),
          },
          {
            key: 'sheets',
            header: t('intake.items.sheets'),
            className: 'col-narrow',
            cell: (line) => <SheetsCell line={line} name={nameOf(line)} />,
          },
          {
            key: 'scan',
            header: t('documents.lines.files'),
            className: 'col-narrow',
            cell: (line) => <ScanCell line={line} name={nameOf(line)} onScan={() => setScanning(line.key)} />,
          },
        ]}
      />
      <LineScanDialog line={scanLine} name={scanLine ? nameOf(scanLine) : ''} onClose={() => setScanning(null)} />
      <FieldMessages {...noneSubmitted} />
      <Button variant="quiet" onClick={add}>
        {t('intake.items.add')}
      </Button>
      <MissingDocuments missing={missingRequired(items)} value={insisted} onChange={setInsisted} />
    </div>
  );
}
