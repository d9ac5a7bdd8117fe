import type { Migration } from '../migrate';

/**
 * Payments and exemptions entered against a case's fee (docs/ARCHITECTURE.md §6.7). A row is
 * never deleted: a wrong one gets `cancelled_at` with its reason and stays in the history. The
 * component's values are the fee rule's (shared/domain/fee-rule.ts) and are checked there, not
 * here, so a new kind of component needs no table rebuild. Clerks of other desks appear on pulled
 * rows, so `clerk_id` names no clerks row.
 *
 * Applications already on file get `payments_tracked = 0`: their fees were paid, or not, before
 * Vikno recorded payments, so nothing is owed on record and the card does not flag them unpaid.
 */
export const m0011ApplicationPayments: Migration = {
  version: 11,
  name: '0011-application-payments',
  up(db) {
    db.exec(`
      CREATE TABLE application_payments (
        id             TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id),
        type           TEXT NOT NULL CHECK (type IN ('payment', 'exemption')),
        component      TEXT,
        amount_kopecks INTEGER,
        reference      TEXT,
        paid_on        TEXT,
        payer          TEXT,
        reason         TEXT,
        document       TEXT,
        clerk_id       TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        cancelled_at   TEXT,
        cancel_reason  TEXT,
        cancelled_by   TEXT,
        CHECK (type <> 'payment' OR (component IS NOT NULL AND amount_kopecks > 0 AND reference IS NOT NULL AND paid_on IS NOT NULL)),
        CHECK (type <> 'exemption' OR (reason IS NOT NULL AND amount_kopecks IS NULL)),
        CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL) AND (cancelled_at IS NULL) = (cancelled_by IS NULL))
      ) STRICT;
      CREATE INDEX application_payments_by_application ON application_payments (application_id, created_at);
      ALTER TABLE applications ADD COLUMN payments_tracked INTEGER NOT NULL DEFAULT 1 CHECK (payments_tracked IN (0, 1));
      UPDATE applications SET payments_tracked = 0;
    `);
  },
};
