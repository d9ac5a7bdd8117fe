import type { Migration } from '../migrate';

/**
 * Every status an outbox query asks for is an unacknowledged one, which `outbox_unacked`
 * (0004) already indexes; `outbox_status` was a second index every status change had to move
 * an entry in, about half of what marking a 500-mutation push in flight cost. Queries name
 * `status <> 'acked'` beside the statuses they want so SQLite can use the partial index.
 */
export const m0005OutboxOneStatusIndex: Migration = {
  version: 5,
  name: '0005-outbox-one-status-index',
  up(db) {
    db.exec('DROP INDEX outbox_status;');
  },
};
