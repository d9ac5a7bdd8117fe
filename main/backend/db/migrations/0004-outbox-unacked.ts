import type { Migration } from '../migrate';

/**
 * The sync engine walks the unacknowledged mutations in commit order many times a minute; the
 * acknowledged ones pile up behind them. This partial index makes that walk touch only the
 * rows still to deliver.
 */
export const m0004OutboxUnacked: Migration = {
  version: 4,
  name: '0004-outbox-unacked',
  up(db) {
    db.exec("CREATE INDEX outbox_unacked ON outbox (seq) WHERE status <> 'acked';");
  },
};
