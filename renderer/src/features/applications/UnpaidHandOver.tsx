import { useT } from '../../i18n/use-t';
import { Checkbox } from '../../kit/Checkbox';
import { Notice } from '../../kit/Notice';
import { formatUah } from '../../lib/format';

interface UnpaidHandOverProps {
  /** What is still owed, in kopecks. */
  owedKopecks: number;
  confirmed: boolean;
  /** The clerk tried to send the move without confirming. */
  missing: boolean;
  onChange(confirmed: boolean): void;
}

/** Handing over a result whose fee is not settled: the amount owed and an explicit confirmation. */
export function UnpaidHandOver({ owedKopecks, confirmed, missing, onChange }: UnpaidHandOverProps) {
  const t = useT();
  return (
    <Notice tone="warning" title={t('status.unpaidTitle', { uah: formatUah(owedKopecks) })}>
      <p>{t('status.unpaidText')}</p>
      <Checkbox
        id="status-unpaidConfirmed"
        label={t('status.unpaidConfirm')}
        checked={confirmed}
        error={missing ? t('status.err.unpaidConfirm') : undefined}
        onChange={onChange}
      />
    </Notice>
  );
}
