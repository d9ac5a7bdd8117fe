import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import type { PlainMessageKey } from '../../i18n/dictionary';

export const STATUS_TEXT: Readonly<Record<ApplicationStatus, PlainMessageKey>> = {
  registered: 'appStatus.registered',
  sent_to_provider: 'appStatus.sent_to_provider',
  in_progress: 'appStatus.in_progress',
  needs_info: 'appStatus.needs_info',
  result_ready: 'appStatus.result_ready',
  issued: 'appStatus.issued',
  refused: 'appStatus.refused',
  withdrawn: 'appStatus.withdrawn',
  returned_unclaimed: 'appStatus.returned_unclaimed',
};

/** The clerk's action that leads to each status (what the change button offers). */
export const STATUS_ACTION: Readonly<Record<ApplicationStatus, PlainMessageKey>> = {
  registered: 'appAction.registered',
  sent_to_provider: 'appAction.sent_to_provider',
  in_progress: 'appAction.in_progress',
  needs_info: 'appAction.needs_info',
  result_ready: 'appAction.result_ready',
  issued: 'appAction.issued',
  refused: 'appAction.refused',
  withdrawn: 'appAction.withdrawn',
  returned_unclaimed: 'appAction.returned_unclaimed',
};
