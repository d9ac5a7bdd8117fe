import type { Application } from '../../../../shared/domain/application';
import type { MoveField } from '../../../../shared/domain/application-status';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Checkbox } from '../../kit/Checkbox';
import { DateInput } from '../../kit/DateInput';
import { FieldMessages } from '../../kit/Field';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import type { StatusChangeDraft, StatusChangeProblem } from './status-change';

/** A ground for refusal as the service's card lists it. */
export interface RefusalGround {
  code: string;
  label: string;
}

interface StatusMoveFieldsProps {
  application: Application;
  needs: readonly MoveField[];
  draft: StatusChangeDraft;
  problems: readonly StatusChangeProblem[];
  /** The card's grounds; null where the catalog does not list them yet: the clerk types them as the decision states them. */
  refusalGrounds?: readonly RefusalGround[] | null | undefined;
  onChange(next: Partial<StatusChangeDraft>): void;
}

/** The data the chosen move needs: the decision, the receiver, the tracking number, the transfer, the withdrawal, the reason. */
export function StatusMoveFields({ application, needs, draft, problems, refusalGrounds = null, onChange }: StatusMoveFieldsProps) {
  const t = useT();
  const error = (path: string, key: PlainMessageKey) => (problems.includes(path) ? t(key) : undefined);
  const representative = application.representative?.authority.mayReceiveResult ? application.representative : null;
  return (
    <>
      {needs.includes('outcome') && (
        <fieldset className="status-fieldset">
          <legend>{t('decision.title')}</legend>
          <SelectInput<'positive' | 'negative'>
            id="status-outcome.kind"
            label={t('decision.kind')}
            value={draft.outcomeKind}
            options={[
              { value: 'positive', label: t('decision.positive') },
              { value: 'negative', label: t('decision.negative') },
            ]}
            onChange={(outcomeKind) => onChange({ outcomeKind })}
          />
          <div className="kit-field-row">
            <TextInput
              id="status-outcome.decisionNumber"
              label={t('decision.number')}
              value={draft.decisionNumber}
              required={draft.outcomeKind === 'negative'}
              error={error('outcome.decisionNumber', 'decision.err.number')}
              onChange={(decisionNumber) => onChange({ decisionNumber })}
            />
            <DateInput
              id="status-outcome.decisionDate"
              label={t('decision.date')}
              value={draft.decisionDate}
              required={draft.outcomeKind === 'negative'}
              error={error('outcome.decisionDate', 'decision.err.date')}
              onChange={(decisionDate) => onChange({ decisionDate })}
            />
          </div>
          {draft.outcomeKind === 'negative' &&
            (refusalGrounds === null ? (
              <TextInput
                id="status-outcome.grounds"
                label={t('decision.groundsTyped')}
                hint={t('decision.groundsTypedHint')}
                size="long"
                rows={2}
                required
                value={draft.groundsText}
                error={error('outcome.grounds', 'decision.err.grounds')}
                onChange={(groundsText) => onChange({ groundsText })}
              />
            ) : (
              <fieldset className="status-fieldset" id="status-outcome.grounds" tabIndex={-1}>
                <legend>{t('decision.grounds')}</legend>
                {refusalGrounds.map((ground) => (
                  <Checkbox
                    key={ground.code}
                    id={`status-ground-${ground.code}`}
                    label={ground.label}
                    checked={draft.grounds.includes(ground.code)}
                    onChange={(checked) =>
                      onChange({
                        grounds: checked ? [...draft.grounds, ground.code] : draft.grounds.filter((code) => code !== ground.code),
                      })
                    }
                  />
                ))}
                <FieldMessages id="status-outcome.grounds" error={error('outcome.grounds', 'decision.err.grounds')} />
              </fieldset>
            ))}
          <TextInput
            id="status-outcome.comment"
            label={t('decision.comment')}
            size="long"
            rows={2}
            value={draft.comment}
            onChange={(comment) => onChange({ comment })}
          />
        </fieldset>
      )}
      {needs.includes('receiver') && (
        <fieldset className="status-fieldset">
          <legend>{t('status.receiver')}</legend>
          <SelectInput<'applicant' | 'representative'>
            id="status-receiver.party"
            label={t('status.receiverParty')}
            value={draft.receiverParty}
            error={error('receiver.party', 'status.err.notAuthorised')}
            options={[
              { value: 'applicant', label: t('status.receiverApplicant', { name: application.applicant.displayName }) },
              ...(representative
                ? [{ value: 'representative' as const, label: t('status.receiverRepresentative', { name: representative.displayName }) }]
                : []),
            ]}
            onChange={(receiverParty) =>
              onChange(
                receiverParty === 'representative' && representative
                  ? { receiverParty, receiverName: representative.displayName, receiverDocument: representative.idDoc?.number ?? '' }
                  : { receiverParty, receiverName: application.applicant.displayName, receiverDocument: '' },
              )
            }
          />
          <div className="kit-field-row">
            <TextInput
              id="status-receiver.name"
              label={t('status.receiverName')}
              value={draft.receiverName}
              required
              error={error('receiver.name', 'status.err.receiverName')}
              onChange={(receiverName) => onChange({ receiverName })}
            />
            <TextInput
              id="status-receiver.document"
              label={t('status.receiverDocument')}
              hint={t('status.receiverDocumentHint')}
              value={draft.receiverDocument}
              required
              error={error('receiver.document', 'status.err.receiverDocument')}
              onChange={(receiverDocument) => onChange({ receiverDocument })}
            />
          </div>
        </fieldset>
      )}
      {needs.includes('trackingNumber') && (
        <TextInput
          id="status-trackingNumber"
          label={t('status.trackingNumber')}
          value={draft.trackingNumber}
          required
          error={error('trackingNumber', 'status.err.trackingNumber')}
          onChange={(trackingNumber) => onChange({ trackingNumber })}
        />
      )}
      {needs.includes('transferTo') && (
        <TextInput
          id="status-transferTo"
          label={t('status.transferTo')}
          size="long"
          value={draft.transferTo}
          required
          error={error('transferTo', 'status.err.transferTo')}
          onChange={(transferTo) => onChange({ transferTo })}
        />
      )}
      {needs.includes('withdrawal') && (
        <div className="kit-field-row">
          <TextInput
            id="status-withdrawal.requestNumber"
            label={t('status.withdrawalNumber')}
            value={draft.withdrawalNumber}
            required
            error={error('withdrawal.requestNumber', 'status.err.withdrawalNumber')}
            onChange={(withdrawalNumber) => onChange({ withdrawalNumber })}
          />
          <DateInput
            id="status-withdrawal.requestDate"
            label={t('status.withdrawalDate')}
            value={draft.withdrawalDate}
            required
            error={error('withdrawal.requestDate', 'status.err.withdrawalDate')}
            onChange={(withdrawalDate) => onChange({ withdrawalDate })}
          />
        </div>
      )}
      <TextInput
        id="status-reason"
        label={t('applications.reason')}
        size="long"
        rows={2}
        value={draft.reason}
        required={needs.includes('reason')}
        error={error('reason', 'applications.err.reason')}
        onChange={(reason) => onChange({ reason })}
      />
    </>
  );
}
