import type { QueuePanel } from '../../../../shared/queue-panel';
import type { DeskQueueState, QueueTicket } from '../../../../shared/queue-protocol';

export function ticket(over: Partial<QueueTicket> = {}): QueueTicket {
  return {
    id: 'T1',
    number: 'А001',
    queueCode: 'A',
    serviceCode: 'ID-01',
    purpose: 'submit',
    priorityCategory: null,
    priorityReason: null,
    booking: null,
    status: 'waiting',
    deskCode: null,
    window: null,
    targetDeskCode: null,
    note: null,
    regNumber: null,
    local: false,
    issuedAt: '2026-12-03T09:00:00.000Z',
    calledAt: null,
    recalls: 0,
    ...over,
  };
}

export function desk(over: Partial<DeskQueueState> = {}): DeskQueueState {
  return {
    deskCode: 'D01',
    window: '1',
    paused: false,
    current: null,
    waiting: [],
    waitingTotal: 0,
    localPrefix: 'Л',
    parked: [],
    queues: [],
    desks: [],
    recallsBeforeNoShow: 2,
    serverTime: '2026-12-03T09:30:00.000Z',
    ...over,
  };
}

export function panel(over: Partial<QueuePanel> = {}): QueuePanel {
  return { connection: 'online', desk: desk(), lastContactAt: null, localCurrent: null, localPending: 0, refused: [], ...over };
}
