import type { PulledApplier } from '../sync/pulled-change';
import { markDeletedIn } from '../sync/pulled-change';

/** Tickets of other desks are not kept here yet (the queue capability brings them); a deleted one is marked. */
export const ticketApplier: PulledApplier = { remove: markDeletedIn('tickets') };
