import type { Migration } from '../migrate';

interface OldService {
  id: string;
  provider_uk: string;
  provider_en: string;
  fee_kopecks: number;
  deadline_value: number;
  deadline_unit: 'working_days' | 'calendar_days';
}

/** The one tier a service from before had: its term and its flat fee. Frozen here: later catalog code may differ. */
const LEGACY_TIER = { id: 'standard', nameUk: 'Звичайний строк', nameEn: 'Standard term' };

function legacyDeadline(s: OldService) {
  return { value: s.deadline_value, unit: s.deadline_unit, kind: 'not_after', anchor: 'intake' };
}

function legacyFees(s: OldService) {
  return s.fee_kopecks > 0 ? [{ kind: 'admin_fee', amount: { type: 'fixed', kopecks: s.fee_kopecks } }] : [];
}

/**
 * The catalog becomes the information card (docs/ARCHITECTURE.md §6.4):
 * - `services.card`: the card as JSON (shared/domain/service.ts without the columns kept for search
 *   and filters). It is nested (tiers with fee components, conditions, refusal grounds), always read
 *   whole and validated by the same schema the back office publishes with, so it is not split into
 *   tables. Every service from before becomes a one-tier card: its term, its flat fee as a fixed
 *   administrative fee, its documents (required or optional), every channel and applicant kind,
 *   no ЄДРПОУ and no legal basis (the old catalog had neither).
 *   `fee_kopecks`, `deadline_value`, `deadline_unit` and `service_documents` are no longer read; the
 *   columns stay (dropping them or their CHECKs means rebuilding a table others refer to).
 * - `subsistence_minimums`: the yearly working-age subsistence minimum fees are computed from.
 * - `applications.terms`: the tier, deadline rule and computed fee a case was registered under
 *   (shared/domain/case-snapshot.ts CaseTerms). Applications from before get what was on file: the
 *   service's term and flat fee at migration time.
 */
export const m0009InformationCard: Migration = {
  version: 9,
  name: '0009-information-card',
  up(db) {
    db.exec(`
      ALTER TABLE services ADD COLUMN card TEXT CHECK (card IS NULL OR json_valid(card));
      ALTER TABLE applications ADD COLUMN terms TEXT CHECK (terms IS NULL OR json_valid(terms));
      CREATE TABLE subsistence_minimums (
        year                INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        working_age_kopecks INTEGER NOT NULL CHECK (working_age_kopecks > 0),
        updated_at          TEXT NOT NULL,
        server_version      INTEGER,
        deleted_at          TEXT
      ) STRICT;
    `);
    const services = db
      .prepare('SELECT id, provider_uk, provider_en, fee_kopecks, deadline_value, deadline_unit FROM services')
      .all() as OldService[];
    const documents = db.prepare(
      'SELECT position, name_uk, name_en, required FROM service_documents WHERE service_id = ? ORDER BY position',
    );
    const setCard = db.prepare('UPDATE services SET card = ? WHERE id = ?');
    const setTerms = db.prepare('UPDATE applications SET terms = ? WHERE service_id = ? AND terms IS NULL');
    for (const s of services) {
      const docs = documents.all(s.id) as Array<{ position: number; name_uk: string; name_en: string; required: number }>;
      const card = {
        provider: { nameUk: s.provider_uk, nameEn: s.provider_en, edrpou: null },
        legalBasis: null,
        refusalGrounds: [],
        deliveryChannels: ['in_person', 'post', 'email', 'electronic'],
        applicantKinds: ['person', 'sole_trader', 'legal_entity'],
        requiredFields: [],
        tiers: [{ ...LEGACY_TIER, deadline: legacyDeadline(s), fees: legacyFees(s) }],
        feeConditions: [],
        documents: docs.map((d) => ({
          position: d.position,
          nameUk: d.name_uk,
          nameEn: d.name_en,
          need: d.required === 1 ? 'required' : 'optional',
        })),
      };
      setCard.run(JSON.stringify(card), s.id);
      const fee = legacyFees(s).map((c) => ({ kind: c.kind, amountKopecks: c.amount.kopecks }));
      const terms = {
        tier: LEGACY_TIER,
        deadline: legacyDeadline(s),
        termStated: true,
        fee: { totalKopecks: s.fee_kopecks, lines: fee, conditions: [], exemption: null },
      };
      setTerms.run(JSON.stringify(terms), s.id);
    }
  },
};
