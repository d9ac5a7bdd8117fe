import { transitionOf } from '../../shared/domain/application-status';
import type { ApplicationStatus } from '../../shared/domain/application-status';
import type { MoveData } from '../../shared/domain/status-move';

/** Whatever data the move from → to needs, filled in plausibly, so random walks in tests can make any move. */
export function moveDataFor(from: ApplicationStatus, to: ApplicationStatus, label: string): MoveData {
  const data: MoveData = {};
  for (const field of transitionOf(from, to)?.needs ?? []) {
    if (field === 'reason') data.reason = `причина: ${label}`;
    if (field === 'outcome') data.outcome = { kind: 'positive' };
    if (field === 'receiver') data.receiver = { party: 'applicant', name: 'Заявник особисто', document: 'ID-картка 001234567' };
    if (field === 'trackingNumber') data.trackingNumber = `RR${label}UA`;
    if (field === 'transferTo') data.transferTo = 'Інший орган';
    if (field === 'withdrawal') data.withdrawal = { requestNumber: label, requestDate: '2026-11-02' };
  }
  return data;
}
