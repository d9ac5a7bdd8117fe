import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { Notice } from '../../kit/Notice';
import { sizeText } from './size-text';

/** Past this share of the budget the clerk is told before assembling fails. */
export const BUDGET_WARNING_SHARE = 0.8;

/** The pages' bytes against the largest document allowed: a meter, and a warning above 80 %. */
export function SizeBudget({ bytes, budgetBytes }: { bytes: number; budgetBytes: number }) {
  const t = useT();
  const id = useId();
  const text = t('documents.budget.value', { used: sizeText(t, bytes), budget: sizeText(t, budgetBytes) });
  return (
    <div className="size-budget">
      <label htmlFor={id}>{t('documents.budget.label')}</label>
      <meter
        id={id}
        min={0}
        max={budgetBytes}
        low={0}
        high={budgetBytes * BUDGET_WARNING_SHARE}
        optimum={0}
        value={bytes}
        aria-valuetext={text}
      />
      <span>{text}</span>
      {bytes > budgetBytes * BUDGET_WARNING_SHARE && <Notice tone="warning">{t('documents.budget.warning')}</Notice>}
    </div>
  );
}
