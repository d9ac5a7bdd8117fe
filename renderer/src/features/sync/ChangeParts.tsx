import type { MethodOutput } from '../../../../shared/contract';
import type { ChangeRecord, ComparedField, FieldValue, Refusal } from '../../../../shared/sync-health';
import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import { useT } from '../../i18n/use-t';
import { formatDateTime, formatDay } from '../../lib/format';
import { STATUS_TEXT } from '../applications/status-text';
import { deliveryTextKey, fieldTextKey, rejectionTextKey } from './sync-text';

export type DeadLetter = MethodOutput<'sync.deadLetters'>[number];

/** The record a change is about, as the supervisor knows it: number and applicant, never its id. */
export function RecordText({ record }: { record: ChangeRecord }) {
  const t = useT();
  if (record.entity === 'application' && record.number !== null)
    return <>{t('syncPanel.recordApplication', { number: record.number, name: record.applicantName ?? '—' })}</>;
  if (record.entity === 'applicant' && record.applicantName !== null)
    return <>{t('syncPanel.recordApplicant', { name: record.applicantName })}</>;
  if (record.entity === 'ticket' && record.number !== null) return <>{t('syncPanel.recordTicket', { number: record.number })}</>;
  if (record.entity === 'calendar') return <>{t('syncPanel.recordCalendar')}</>;
  return <>{t('syncPanel.recordMissing')}</>;
}

/** One value as a person reads it: labels for statuses and channels, local dates and times. */
export function ValueText({ value }: { value: FieldValue | null }) {
  const t = useT();
  if (value === null) return <>{t('syncPanel.empty')}</>;
  switch (value.kind) {
    case 'none':
      return <>{t('syncPanel.empty')}</>;
    case 'text':
      return <>{value.text}</>;
    case 'yes_no':
      return <>{t(value.value ? 'syncPanel.yes' : 'syncPanel.no')}</>;
    case 'day':
      return <>{formatDay(value.day)}</>;
    case 'time':
      return <>{formatDateTime(value.iso)}</>;
    case 'status': {
      const key = Object.hasOwn(STATUS_TEXT, value.status) ? STATUS_TEXT[value.status as ApplicationStatus] : null;
      return <>{key ? t(key) : t('syncPanel.empty')}</>;
    }
    case 'delivery': {
      const key = deliveryTextKey(value.channel);
      return <>{key ? t(key) : t('syncPanel.empty')}</>;
    }
  }
}

/** Why the back office did not take the change, worded; the code stays visible only when there are no words for it. */
export function RefusalText({ refusal }: { refusal: Refusal }) {
  const t = useT();
  const labels = (fields: string[]) => [...new Set(fields.map((f) => t(fieldTextKey(f))))].join(', ') || t('syncPanel.empty');
  if (refusal.type === 'conflict')
    return <p className="sync-reason">{t('syncPanel.conflictFields', { fields: labels(refusal.fields) })}</p>;
  if (refusal.type === 'other') return <p className="sync-reason">{t('syncPanel.reasonOther')}</p>;
  const explained = rejectionTextKey(refusal.code);
  return (
    <div className="sync-reason">
      <p>{explained ? t(explained) : t('syncPanel.reasonUnknown', { code: refusal.code })}</p>
      {refusal.fields.length > 0 && <p>{t('syncPanel.reasonFields', { fields: labels(refusal.fields) })}</p>}
    </div>
  );
}

/** The change's fields, this desk's version beside the back office's. */
export function CompareTable({ fields, caption }: { fields: ComparedField[]; caption: string }) {
  const t = useT();
  if (fields.length === 0) return null;
  const withServer = fields.some((f) => f.server !== null);
  return (
    <table className="sync-compare">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('syncPanel.compareField')}</th>
          <th scope="col">{t('syncPanel.compareMine')}</th>
          {withServer && <th scope="col">{t('syncPanel.compareServer')}</th>}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.field}>
            <th scope="row">{t(fieldTextKey(f.field))}</th>
            <td>
              <ValueText value={f.mine} />
            </td>
            {withServer && (
              <td>
                <ValueText value={f.server} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
