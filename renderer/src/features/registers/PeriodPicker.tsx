import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DateInput } from '../../kit/DateInput';
import { checkPeriod } from './period';
import type { PeriodCheck, TypedPeriod } from './period';

interface PeriodPickerProps {
  /** Prefix of the inputs' ids: two pickers on one screen stay apart. */
  id: string;
  initial: TypedPeriod;
  onShow(period: { from: string; to: string }): void;
  /** More filters beside the dates, inside the same form (Enter shows). */
  children?: ReactNode;
}

/** Two days typed as ДД.ММ.РРРР and a Show button; Enter in any field shows too. */
export function PeriodPicker({ id, initial, onShow, children }: PeriodPickerProps) {
  const t = useT();
  const [typed, setTyped] = useState(initial);
  const [check, setCheck] = useState<PeriodCheck | null>(null);
  const errors = check && !check.ok ? check.errors : {};
  function submit(event: FormEvent): void {
    event.preventDefault();
    const next = checkPeriod(typed);
    setCheck(next);
    if (next.ok) onShow({ from: next.from, to: next.to });
  }
  return (
    <form className="period-picker" onSubmit={submit} aria-label={t('registers.period')}>
      <DateInput
        id={`${id}-from`}
        label={t('registers.from')}
        value={typed.from}
        onChange={(from) => setTyped({ ...typed, from })}
        error={errors.from && t(errors.from)}
      />
      <DateInput
        id={`${id}-to`}
        label={t('registers.to')}
        value={typed.to}
        onChange={(to) => setTyped({ ...typed, to })}
        error={errors.to && t(errors.to)}
      />
      {children}
      <Button type="submit" variant="primary">
        {t('registers.show')}
      </Button>
    </form>
  );
}
