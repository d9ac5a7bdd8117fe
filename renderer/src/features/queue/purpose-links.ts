/**
 * Where a served ticket leads (issue 11): a `submit` ticket starts an intake with its service,
 * linked to the ticket; a `collect` ticket opens the application its reg number names (or the
 * search, typed in) for issuing.
 */
import type { QueueTicket } from '../../../../shared/queue-protocol';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { requestApplications } from '../applications/applications-request';
import { intakeInProgress, startIntakeForTicket } from '../intake/intake-store';
import { serviceByCode } from './use-services';

/** False when an intake already begun stands in the way: it is left as it is, and the panel says so. */
export async function openIntakeForTicket(ticket: QueueTicket): Promise<boolean> {
  if (await intakeInProgress()) return false;
  const service = ticket.serviceCode === null ? null : await serviceByCode(ticket.serviceCode);
  startIntakeForTicket(service, { id: ticket.id, number: ticket.number });
  useShellStore.getState().showScreen('intake');
  return true;
}

export async function openIssuingForTicket(ticket: QueueTicket): Promise<void> {
  const regNumber = ticket.regNumber?.trim() ?? '';
  const found = regNumber === '' ? null : await api.call('applications.get', { regNumber });
  requestApplications({ query: regNumber, selected: found?.ok ? found.value.id : null });
  useShellStore.getState().showScreen('applications');
}
