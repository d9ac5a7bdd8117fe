import type { ComputedFee } from '../../../../shared/domain/fee-rule';
import { useT } from '../../i18n/use-t';
import { formatUah } from '../../lib/format';
import { feeText } from './terms-text';

/** A fee as its lines (each with how it was computed) and the total, or why it is waived. */
export function FeeLines({ fee }: { fee: ComputedFee }) {
  const t = useT();
  return (
    <>
      {fee.lines.length > 0 && (
        <ul className="fee-lines">
          {fee.lines.map((line, i) => (
            <li key={i}>
              {t(`terms.line.${line.kind}`)}: {formatUah(line.amountKopecks)} {t('terms.uah')}
              {line.share !== undefined && line.subsistenceYear !== undefined && (
                <span className="muted"> ({t('terms.lineShare', { percent: formatPercent(line.share), year: line.subsistenceYear })})</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="fee-total">
        {fee.exemption === null && fee.totalKopecks > 0 ? t('terms.total', { uah: formatUah(fee.totalKopecks) }) : feeText(t, fee)}
      </p>
    </>
  );
}

/** 0.015 → "1,5"; 5 → "500". */
function formatPercent(share: number): string {
  return String(Number((share * 100).toFixed(4))).replace('.', ',');
}
