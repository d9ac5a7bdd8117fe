import type { PaymentBalance } from '../../../../shared/domain/payment';
import type { ComponentBalance } from '../../../../shared/domain/payment';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { formatUah } from '../../lib/format';
import { COMPONENT_TEXT } from './payment-entry';

/** The flag beside the title: settled, exempt, free, or — visibly — not paid. */
export function PaymentFlag({ balance }: { balance: PaymentBalance }) {
  const t = useT();
  if (!balance.settled) return <span className="status-badge status-overdue">{t('payments.flag.open')}</span>;
  if (!balance.tracked) return null;
  if (balance.exempt) return <span className="status-badge">{t('payments.flag.exempt')}</span>;
  if (balance.dueKopecks === 0) return <span className="status-badge">{t('payments.flag.free')}</span>;
  return <span className="status-badge">{t('payments.flag.settled')}</span>;
}

/** «Нараховано / Сплачено / До сплати», then each component's due and paid. */
export function PaymentBalanceView({ balance }: { balance: PaymentBalance }) {
  const t = useT();
  const uah = (kopecks: number) => t('payments.uah', { uah: formatUah(kopecks) });
  const state = (c: ComponentBalance) =>
    t(c.exempt ? 'payments.state.exempt' : c.settled ? 'payments.state.settled' : 'payments.state.open');
  return (
    <>
      {!balance.tracked && <p className="muted">{t('payments.notTracked')}</p>}
      <dl className="payment-totals">
        {balance.tracked && (
          <>
            <dt>{t('payments.due')}</dt>
            <dd>{uah(balance.dueKopecks)}</dd>
          </>
        )}
        <dt>{t('payments.paid')}</dt>
        <dd>{uah(balance.paidKopecks)}</dd>
        {balance.tracked && (
          <>
            <dt>{t('payments.outstanding')}</dt>
            <dd className={balance.settled ? undefined : 'overdue-text'}>{uah(balance.outstandingKopecks)}</dd>
          </>
        )}
      </dl>
      {balance.components.length > 0 && (
        <DataTable
          caption={{ text: t('payments.linesCaption') }}
          columns={[
            { key: 'component', header: t('payments.col.component'), rowHeader: true, cell: (c) => t(COMPONENT_TEXT[c.kind]) },
            { key: 'due', header: t('payments.col.due'), cell: (c) => formatUah(c.dueKopecks) },
            { key: 'paid', header: t('payments.col.paid'), cell: (c) => formatUah(c.paidKopecks) },
            { key: 'state', header: t('payments.col.state'), cell: state },
          ]}
          rows={balance.components}
          rowKey={(c) => c.kind}
          empty=""
        />
      )}
    </>
  );
}
