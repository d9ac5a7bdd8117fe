import { pullBody } from '../../server/sync/pull-body';
import type { PullPage } from '../../server/sync/pull';
import { PullResponse } from '../../shared/sync-protocol';

/** A page of server/sync/pull.ts as a desk reads it: written out as the route does, parsed with the wire schema. */
export function readPage(page: PullPage): Omit<PullResponse, 'serverTime'> {
  const { serverTime: _, ...read } = PullResponse.parse(JSON.parse(pullBody(page, '2026-01-01T00:00:00.000Z')));
  return read;
}
