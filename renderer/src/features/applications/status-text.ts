import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import type { PlainMessageKey } from '../../i18n/dictionary';

export const STATUS_TEXT: Readonly<Record<ApplicationStatus, PlainMessageKey>> = {
  registered: 'appStatus.registered',
  sent_to_provider: 'appStatus.sent_to_provider',
  in_progress: 'appStatus.in_progress',
  needs_info: 'appStatus.needs_info',
  result_ready: 'appStatus.result_ready',
  issued: 'appStatus.issued',
  sent_by_post: 'appStatus.sent_by_post',
  delivered: 'appStatus.delivered',
  transferred: 'appStatus.transferred',
  registered_in_error: 'appStatus.registered_in_error',
  refused: 'appStatus.refused',
  withdrawn: 'appStatus.withdrawn',
  returned_unclaimed: 'appStatus.returned_unclaimed',
};

/** The action that leads to each status (what the status form offers). */
export const STATUS_ACTION: Readonly<Record<ApplicationStatus, PlainMessageKey>> = {
  registered: 'appAction.registered',
  sent_to_provider: 'appAction.sent_to_provider',
  in_progress: 'appAction.in_progress',
  needs_info: 'appAction.needs_info',
  result_ready: 'appAction.result_ready',
  issued: 'appAction.issued',
  sent_by_post: 'appAction.sent_by_post',
  delivered: 'appAction.delivered',
  transferred: 'appAction.transferred',
  registered_in_error: 'appAction.registered_in_error',
  refused: 'appAction.refused',
  withdrawn: 'appAction.withdrawn',
  returned_unclaimed: 'appAction.returned_unclaimed',
};
