import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { errorDomId, fieldDomId, itemField } from './field-ids';
import { FieldMessages } from './FieldMessages';
import { addLine, markVisited, removeLine, setLine, useIntakeStore } from './intake-store';
import { useFieldProblems, useProblemText } from './problems-context';

/** The service's numbered required documents: what was handed in, original or copy, how many sheets. */
export function ChecklistSection() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const items = useIntakeStore((state) => state.form.items);
  const problems = useFieldProblems();
  const text = useProblemText();
  const noneSubmitted = problems.error('items');

  function add(): void {
    const key = addLine();
    // The new line's name is what the clerk types next.
    requestAnimationFrame(() => document.getElementById(fieldDomId(itemField(key, 'name')))?.focus());
  }

  return (
    <div className="checklist">
      <table className="checklist-table">
        <caption className="field-label">{t('intake.items.title')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-doc">{t('intake.items.document')}</th>
            <th scope="col">{t('intake.items.kind')}</th>
            <th scope="col">{t('intake.items.sheets')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((line, index) => {
            const name = (language === 'uk' ? line.nameUk : line.nameEn) || line.nameUk;
            const sheetsField = itemField(line.key, 'sheets');
            const nameField = itemField(line.key, 'name');
            const sheetsError = problems.error(sheetsField);
            const nameError = problems.error(nameField);
            return (
              <tr key={line.key} className={line.submitted ? 'line-submitted' : undefined}>
                <td className="col-doc">
                  <div className="line-doc">
                  <span className="line-number" aria-hidden="true">{index + 1}.</span>
                  {line.fromCatalog ? (
                    <label className="checkbox">
                      <input
                        id={fieldDomId(itemField(line.key, 'submitted'))}
                        type="checkbox"
                        checked={line.submitted}
                        aria-invalid={(noneSubmitted !== undefined && index === 0) || undefined}
                        aria-describedby={noneSubmitted ? errorDomId('items') : undefined}
                        onChange={(event) => setLine(line.key, { submitted: event.target.checked })}
                      />
                      <span>
                        {name}
                        {line.required && <span className="muted"> · {t('intake.items.required')}</span>}
                      </span>
                    </label>
                  ) : (
                    <div className="extra-line">
                      <input
                        id={fieldDomId(nameField)}
                        className="input"
                        type="text"
                        aria-label={t('intake.items.extraName', { n: index + 1 })}
                        aria-invalid={nameError !== undefined || undefined}
                        aria-describedby={nameError ? errorDomId(nameField) : undefined}
                        value={line.nameUk}
                        onChange={(event) => setLine(line.key, { nameUk: event.target.value, nameEn: event.target.value })}
                        onBlur={() => markVisited(nameField)}
                      />
                      <button type="button" className="button button-quiet" onClick={() => removeLine(line.key)}>
                        {t('intake.items.remove', { n: index + 1 })}
                      </button>
                      {nameError && (
                        <p id={errorDomId(nameField)} className="field-error">
                          {text(nameError)}
                        </p>
                      )}
                    </div>
                  )}
                  </div>
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={t('intake.items.kindOf', { name })}
                    value={line.original ? 'original' : 'copy'}
                    disabled={!line.submitted}
                    onChange={(event) => setLine(line.key, { original: event.target.value === 'original' })}
                  >
                    <option value="original">{t('intake.items.original')}</option>
                    <option value="copy">{t('intake.items.copy')}</option>
                  </select>
                </td>
                <td>
                  <input
                    id={fieldDomId(sheetsField)}
                    className="input input-sheets"
                    type="text"
                    inputMode="numeric"
                    aria-label={t('intake.items.sheetsOf', { name })}
                    aria-invalid={sheetsError !== undefined || undefined}
                    aria-describedby={sheetsError ? errorDomId(sheetsField) : undefined}
                    disabled={!line.submitted}
                    value={line.sheets}
                    onChange={(event) => setLine(line.key, { sheets: event.target.value })}
                    onBlur={() => markVisited(sheetsField)}
                  />
                  {sheetsError && (
                    <p id={errorDomId(sheetsField)} className="field-error">
                      {text(sheetsError)}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldMessages field="items" />
      <button type="button" className="button button-quiet" onClick={add}>
        {t('intake.items.add')}
      </button>
    </div>
  );
}
