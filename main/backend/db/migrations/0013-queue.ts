import type { Migration } from '../migrate';

/**
 * The desk's copy of queue tickets as the back office's protocol describes them
 * (shared/queue-protocol.ts QueueTicket, docs/ARCHITECTURE.md §6.8): the desk keeps the ticket it
 * serves (so an application can name it and counter actions can continue offline) and the
 * walk-ins it numbers itself while the back office is unreachable. The status CHECK loses
 * `transferred` (a transfer now returns the ticket to waiting), so the table is rebuilt; a
 * stored `transferred` ticket becomes `waiting`. ticket_events keeps its rows and CHECK: its old
 * `service_started` rows are history.
 */
export const m0013Queue: Migration = {
  version: 13,
  name: '0013-queue',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE tickets_new (
        id                TEXT PRIMARY KEY,
        number            TEXT NOT NULL,
        queue_code        TEXT NOT NULL,
        service_code      TEXT,
        purpose           TEXT NOT NULL DEFAULT 'submit' CHECK (purpose IN ('consultation', 'submit', 'collect', 'other')),
        priority_category TEXT,
        priority_reason   TEXT,
        booking           TEXT CHECK (booking IS NULL OR json_valid(booking)),
        status            TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show')),
        desk_code         TEXT,
        window            TEXT,
        target_desk_code  TEXT,
        note              TEXT,
        reg_number        TEXT,
        local             INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1)),
        local_day         TEXT,
        issued_at         TEXT NOT NULL,
        called_at         TEXT,
        recalls           INTEGER NOT NULL DEFAULT 0 CHECK (recalls >= 0),
        updated_at        TEXT NOT NULL,
        server_version    INTEGER,
        deleted_at        TEXT,
        CHECK (local = 0 OR local_day IS NOT NULL)
      ) STRICT;
      INSERT INTO tickets_new (id, number, queue_code, priority_reason, status, desk_code, issued_at, updated_at, server_version, deleted_at)
        SELECT id, number, queue_code, priority_reason, CASE status WHEN 'transferred' THEN 'waiting' ELSE status END,
               desk_code, issued_at, updated_at, server_version, deleted_at
        FROM tickets;
      DROP TABLE tickets;
      ALTER TABLE tickets_new RENAME TO tickets;
      -- Numbering walk-ins per day, and finding the ticket at this window.
      CREATE UNIQUE INDEX tickets_local_number ON tickets (local_day, number) WHERE local = 1;
      CREATE INDEX tickets_open ON tickets (status) WHERE status IN ('called', 'serving');
    `);
  },
};
