import type { AuditCheck } from '../../../../shared/contract';
import type { AuditViewEntry } from '../../../../shared/audit-view';
import { APPLICATION_STATUSES } from '../../../../shared/domain/application-status';
import type { MessageKey, PlainMessageKey, Translate } from '../../i18n/dictionary';
import { uk } from '../../i18n/uk';

const known = (key: string): key is PlainMessageKey => Object.hasOwn(uk, key);

/** The actions (and families of them) the filter offers, in the order a supervisor looks for them. */
export const ACTION_FILTERS = [
  'application',
  'application.register',
  'application.status',
  'application.view',
  'applicant',
  'applicant.view',
  'document.view',
  'document.purge',
  'export',
  'paper',
  'receipt.export',
  'payment',
  'auth',
  'account',
  'sync',
  'calendar',
] as const satisfies ReadonlyArray<string>;

/** An action in words; one this screen does not know yet is shown as recorded. */
export function actionText(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return known(key) ? t(key) : action;
}

const STATUS_VALUES: ReadonlySet<string> = new Set(APPLICATION_STATUSES);

/** A recorded value in words: a status, a role, a field, a refusal, yes/no; anything else as recorded (names, numbers, dates). */
function valueText(t: Translate, value: string): string {
  if (STATUS_VALUES.has(value)) return t(`appStatus.${value}` as MessageKey as PlainMessageKey);
  const key = `audit.value.${value}`;
  return known(key) ? t(key) : value;
}

/** One detail as `label: value`, each part of a list in words. */
export function detailText(t: Translate, detail: AuditViewEntry['details'][number]): string {
  const labelKey = `audit.detail.${detail.key}`;
  const label = known(labelKey) ? t(labelKey) : detail.key;
  return `${label}: ${detail.value
    .split(', ')
    .map((part) => valueText(t, part))
    .join(', ')}`;
}

/** The chain's newest check in a sentence. */
export function checkText(t: Translate, check: AuditCheck): string {
  switch (check.state) {
    case 'ok':
      return t('audit.check.ok', { entries: check.entries });
    case 'pending':
      return t('audit.check.pending');
    case 'broken':
      return t('audit.check.broken', { seq: check.seq, problem: t(`audit.problem.${check.problem}`) });
    case 'failed':
      return t('audit.check.failed', { error: check.error });
  }
}
