import type { Migration } from '../migrate';

/**
 * The status history a desk shows is the back office's (pulled inside the record) with this
 * desk's undelivered steps on top, read from the outbox (docs/SYNC.md, "History that never
 * lies"). So the table now holds the back office's steps: their actor is any clerk of the
 * center, not only this desk's (no foreign key to `clerks`), with the name the step carries,
 * and the mutation that made it, by which a delivered step of ours is recognised once pulled.
 *
 * `applications.history_version` is the server version whose history the table holds: a
 * delivered step of ours that version does not hold is not the back office's, and is not shown.
 *
 * Rows written by earlier versions are this desk's own steps. Those whose mutation is still
 * to deliver, or was refused, are dropped: the outbox now shows the first kind, and the second
 * must disappear. Those delivered keep their mutation id until the record is pulled again.
 */
export const m0006StatusHistorySynced: Migration = {
  version: 6,
  name: '0006-status-history-synced',
  up(db) {
    db.exec(`
      CREATE TABLE application_status_history_synced (
        seq            INTEGER PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id),
        from_status    TEXT,
        to_status      TEXT NOT NULL,
        reason         TEXT,
        received_by    TEXT,
        at             TEXT NOT NULL,
        clerk_id       TEXT NOT NULL,
        actor_name     TEXT,
        mutation_id    TEXT
      ) STRICT;

      INSERT INTO application_status_history_synced
        (seq, application_id, from_status, to_status, reason, received_by, at, clerk_id, actor_name, mutation_id)
      SELECT h.seq, h.application_id, h.from_status, h.to_status, h.reason, h.received_by, h.at, h.clerk_id, c.full_name,
        (SELECT o.mutation_id FROM outbox o
         WHERE o.aggregate = 'application:' || h.application_id
           AND ((o.kind = 'application.register' AND h.from_status IS NULL AND json_extract(o.payload, '$.registeredAt') = h.at)
             OR (o.kind = 'application.status' AND json_extract(o.payload, '$.to') = h.to_status AND json_extract(o.payload, '$.at') = h.at))
         ORDER BY o.seq LIMIT 1)
      FROM application_status_history h LEFT JOIN clerks c ON c.id = h.clerk_id;

      DELETE FROM application_status_history_synced
      WHERE mutation_id IN (SELECT mutation_id FROM outbox WHERE NOT (status = 'acked' AND server_version IS NOT NULL));

      DROP TABLE application_status_history;
      ALTER TABLE application_status_history_synced RENAME TO application_status_history;
      CREATE INDEX application_status_history_app ON application_status_history (application_id, seq);
      ALTER TABLE applications ADD COLUMN history_version INTEGER;
    `);
  },
};
