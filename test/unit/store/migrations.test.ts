import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate } from '../../../main/backend/db/migrate';
import { migrations } from '../../../main/backend/db/migrations/registry';
import { readStatusHistory } from '../../../main/backend/applications/status-history';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { getService } from '../../../main/backend/catalog/queries';
import { openDatabase } from '../../../main/backend/db/open';
import { join } from 'node:path';
import { useTempDirs } from '../../helpers/temp-dir';
import type { CaseSnapshot } from '../../../shared/domain/case-snapshot';
import { liveSnapshot } from '../../../main/backend/applications/live-snapshot';
import { m0011ApplicationPayments } from '../../../main/backend/db/migrations/0011-application-payments';

const tempDir = useTempDirs();

/**
 * Rows each schema version can hold, written before migrating further, and how to recognise
 * them afterwards: every later migration must keep them.
 */
const seeds: Record<number, { write(db: Db): void; check(db: Db): void }> = {
  1: {
    write: (db) => db.prepare("INSERT INTO desk_meta (key, value) VALUES ('install_id', 'desk-A')").run(),
    check: (db) => expect(db.prepare("SELECT value FROM desk_meta WHERE key = 'install_id'").pluck().get()).toBe('desk-A'),
  },
  2: {
    write: (db) => {
      const at = '2026-11-27T10:00:00.000Z';
      db.prepare("INSERT INTO clerks (id, full_name, created_at, updated_at) VALUES ('c1', 'Іваненко Олена', ?, ?)").run(at, at);
      db.prepare(
        "INSERT INTO services (id, code, name_uk, name_en, provider_uk, provider_en, deadline_value, deadline_unit, updated_at) VALUES ('s1', 'S1', 'Послуга', 'Service', 'Надавач', 'Provider', 10, 'working_days', ?)",
      ).run(at);
      db.prepare(
        "INSERT INTO applicants (id, kind, surname, given_name, display_name, search_name, clerk_id, created_at, updated_at) VALUES ('p1', 'person', 'Шевченко', 'Тарас', 'Шевченко Тарас', 'шевченко тарас', 'c1', ?, ?)",
      ).run(at, at);
      db.prepare(
        "INSERT INTO applications (id, reg_number, service_id, applicant_id, status, registered_at, registered_on, due_date, clerk_id, center_code, desk_code, window, updated_at) VALUES ('a1', 'KV-01-20261127-0001', 's1', 'p1', 'registered', ?, '2026-11-27', '2026-12-11', 'c1', 'KV', '01', '1', ?)",
      ).run(at, at);
    },
    check: (db) => {
      expect(db.prepare("SELECT reg_number FROM applications WHERE id = 'a1'").pluck().get()).toBe('KV-01-20261127-0001');
      expect(db.prepare("SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH 'шевч*'").all()).toHaveLength(1);
    },
  },
  3: {
    write: (db) =>
      db
        .prepare(`INSERT INTO intake_drafts (clerk_id, data, updated_at) VALUES ('c1', '{"surname":"Шев"}', '2026-11-27T10:05:00.000Z')`)
        .run(),
    check: (db) => expect(db.prepare("SELECT data FROM intake_drafts WHERE clerk_id = 'c1'").pluck().get()).toBe('{"surname":"Шев"}'),
  },
  4: {
    write: (db) =>
      db
        .prepare(
          "INSERT INTO outbox (mutation_id, aggregate, kind, payload, actor, status, created_at) VALUES ('m1', 'application:a1', 'application.register', '{}', 'c1', 'pending', '2026-11-27T10:00:00.000Z')",
        )
        .run(),
    check: (db) => {
      expect(db.prepare("SELECT mutation_id FROM outbox WHERE status <> 'acked' ORDER BY seq").pluck().all()).toEqual(['m1']);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE status <> 'acked' ORDER BY seq").all() as Array<{
        detail: string;
      }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('outbox_unacked');
    },
  },
  5: {
    write: (db) => db.prepare("UPDATE outbox SET status = 'dead' WHERE mutation_id = 'm1'").run(),
    check: (db) => {
      const query = "SELECT mutation_id FROM outbox WHERE status <> 'acked' AND status IN ('dead', 'conflict') ORDER BY seq";
      expect(db.prepare(query).pluck().all()).toEqual(['m1']);
      // The queue's status queries go through the one partial index, never a scan of acknowledged history.
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('outbox_unacked');
    },
  },
  6: {
    // A step made by a clerk of another desk, as pulled: no clerks row of this desk names it.
    write: (db) =>
      db
        .prepare(
          "INSERT INTO application_status_history (application_id, from_status, to_status, at, clerk_id, actor_name, mutation_id) VALUES ('a1', NULL, 'registered', '2026-11-27T10:00:00.000Z', 'clerk-of-desk-02', 'Коваль Ірина', 'm-remote')",
        )
        .run(),
    check: (db) =>
      expect(
        db.prepare("SELECT clerk_id, actor_name, mutation_id FROM application_status_history WHERE application_id = 'a1'").get(),
      ).toEqual({
        clerk_id: 'clerk-of-desk-02',
        actor_name: 'Коваль Ірина',
        mutation_id: 'm-remote',
      }),
  },
  7: {
    // A foreigner without an РНОКПП, a representative on file, and a service that refuses them both.
    write: (db) => {
      const at = '2026-11-28T10:00:00.000Z';
      db.prepare(
        "INSERT INTO applicants (id, kind, surname, given_name, rnokpp_absent, id_doc_type, id_doc_number, id_doc_valid_until, citizenship, address_parts, display_name, search_name, clerk_id, created_at, updated_at) VALUES ('p7', 'sole_trader', 'Сміт', 'Джон', 'foreigner', 'temporary_residence_permit', 'ЕН123456', '2027-06-30', 'GBR', '{\"settlement\":\"Київ\"}', 'Сміт Джон', 'сміт джон', 'c1', ?, ?)",
      ).run(at, at);
      db.prepare(
        'UPDATE applications SET representative_id = \'p7\', rep_authority = \'{"basis":"poa_simple","documentDate":"2026-11-01"}\', subject_id = \'p1\' WHERE id = \'a1\'',
      ).run();
      db.prepare("UPDATE services SET requires_rnokpp = 1, personal_attendance = 1 WHERE id = 's1'").run();
    },
    check: (db) => {
      expect(db.prepare("SELECT kind, rnokpp_absent, citizenship FROM applicants WHERE id = 'p7'").get()).toEqual({
        kind: 'sole_trader',
        rnokpp_absent: 'foreigner',
        citizenship: 'GBR',
      });
      expect(db.prepare("SELECT representative_id, subject_id FROM applications WHERE id = 'a1'").get()).toEqual({
        representative_id: 'p7',
        subject_id: 'p1',
      });
      expect(db.prepare("SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH 'сміт*'").all()).toHaveLength(1);
    },
  },
  8: {
    // The seed-2 applicant was written before the search tiers: 0008 fills and indexes its columns.
    write: (db) => db.prepare(REPRESENTED).run('Коваль Мар’яна'),
    // The backfill of applicants written before 0008 is checked in its own test below: rows written at a later version come from an app that fills the columns itself.
    check: (db) => {
      const matches = (sql: string, term: string) => db.prepare(sql).pluck().all(term);
      expect(matches('SELECT rowid FROM applications_rep_fts WHERE applications_rep_fts MATCH ?', 'марян*')).toHaveLength(1);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM applications WHERE substr(reg_number, -4) = '0001'").all() as Array<{
        detail: string;
      }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('applications_reg_seq');
    },
  },
  9: {
    write: (db) => {
      db.prepare(
        "INSERT INTO subsistence_minimums (year, working_age_kopecks, updated_at) VALUES (2026, 332800, '2026-12-03T10:00:00.000Z')",
      ).run();
      // Written at version 9 or later (a later migration's test starts there), the seed-2 service gets the card a desk of that version writes.
      db.prepare("UPDATE services SET card = ? WHERE id = 's1' AND card IS NULL").run(JSON.stringify(SEED_CARD));
      db.prepare("UPDATE applications SET terms = ? WHERE id = 'a1' AND terms IS NULL").run(
        JSON.stringify({
          tier: { id: 'standard', nameUk: 'Звичайний строк', nameEn: 'Standard term' },
          deadline: SEED_CARD.tiers[0]!.deadline,
          termStated: true,
          fee: { totalKopecks: 0, lines: [], conditions: [], exemption: null },
        }),
      );
    },
    check: (db) => {
      expect(db.prepare('SELECT year, working_age_kopecks FROM subsistence_minimums').all()).toEqual([
        { year: 2026, working_age_kopecks: 332800 },
      ]);
      // The seed-2 service reads as an information card, the seed-2 application with its terms.
      expect(getService(db, 's1')?.tiers).toHaveLength(1);
      // Read as stored: the application query of this version also reads what later migrations add.
      expect(JSON.parse(db.prepare("SELECT terms FROM applications WHERE id = 'a1'").pluck().get() as string).deadline).toEqual({
        value: 10,
        unit: 'working_days',
        kind: 'not_after',
        anchor: 'intake',
      });
    },
  },
  12: {
    // The seed-2 case still reads (no facts yet); the new statuses are admitted, and still nothing outside the machine.
    write: (db) => {
      db.prepare("UPDATE applications SET status = 'sent_by_post', status_facts = ? WHERE id = 'a1'").run('{"trackingNumber":"RR123"}');
      expect(() => db.prepare("UPDATE applications SET status = 'lost' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    },
    check: (db) => {
      expect(db.prepare("SELECT status, status_facts FROM applications WHERE id = 'a1'").get()).toEqual({
        status: 'sent_by_post',
        status_facts: '{"trackingNumber":"RR123"}',
      });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  },
  13: {
    // 0013 (the queue): a walk-in numbered at the desk, with the protocol's columns; a status the machine lost is refused.
    write: (db) => {
      db.prepare(
        `INSERT INTO tickets (id, number, queue_code, service_code, purpose, status, desk_code, window, local, local_day, issued_at, called_at, recalls, updated_at)
         VALUES ('t13', 'Л001', 'local', 'S1', 'submit', 'serving', '01', '1', 1, '2026-11-27', '2026-11-27T10:20:00.000Z', '2026-11-27T10:20:00.000Z', 0, '2026-11-27T10:20:00.000Z')`,
      ).run();
      expect(() => db.prepare("UPDATE tickets SET status = 'transferred' WHERE id = 't13'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE tickets SET local_day = NULL WHERE id = 't13'").run()).toThrow(/CHECK/);
    },
    check: (db) =>
      expect(db.prepare("SELECT number, purpose, status, local FROM tickets WHERE id = 't13'").get()).toEqual({
        number: 'Л001',
        purpose: 'submit',
        status: 'serving',
        local: 1,
      }),
  },
  14: {
    // 0014 (documents): an intake line's page set with a page of a stored file; a second open set for that line is refused.
    write: (db) => {
      const sha = 'e'.repeat(64);
      const at = '2026-11-27T10:30:00.000Z';
      db.prepare("INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, 1200, 'image/jpeg', ?)").run(sha, at);
      const set = db.prepare(
        "INSERT INTO page_sets (id, owner_kind, intake_line_key, clerk_id, label, created_at, updated_at) VALUES (?, 'intake', 'passport', 'c1', 'Паспорт', ?, ?)",
      );
      set.run('ps14', at, at);
      db.prepare(
        `INSERT INTO pages (id, set_id, position, blob_sha256, kind, width_px, height_px, dpi, bytes, source, source_name, created_at)
         VALUES ('pg14', 'ps14', 1, ?, 'image', 1654, 2339, 200, 1200, 'scanner', 'test', ?)`,
      ).run(sha, at);
      expect(() => set.run('ps14b', at, at)).toThrow(/UNIQUE/);
    },
    check: (db) =>
      expect(
        db
          .prepare(
            "SELECT s.label, p.position, p.blob_sha256, p.source FROM page_sets s JOIN pages p ON p.set_id = s.id WHERE s.id = 'ps14'",
          )
          .get(),
      ).toEqual({ label: 'Паспорт', position: 1, blob_sha256: 'e'.repeat(64), source: 'scanner' }),
  },
  15: {
    // 0015 (clerk accounts): the seed-2 clerk gets a login and a session its outbox row names; a login is unique among live rows only.
    write: (db) => {
      const at = '2026-11-27T11:00:00.000Z';
      db.prepare("UPDATE clerks SET login = 'ivanenko', password_hash = 'scrypt$32768$8$1$c2FsdA$aGFzaA' WHERE id = 'c1'").run();
      db.prepare("INSERT INTO clerk_sessions (id, clerk_id, started_at, signature) VALUES ('sess15', 'c1', ?, 'c2lnbmVk')").run(at);
      db.prepare(
        "INSERT INTO outbox (mutation_id, aggregate, kind, payload, actor, session_id, status, created_at) VALUES ('m15', 'applicant:p1', 'applicant.update', '{}', 'c1', 'sess15', 'pending', ?)",
      ).run(at);
      const clerk = db.prepare(
        "INSERT INTO clerks (id, full_name, login, deleted_at, created_at, updated_at) VALUES (?, 'Тезка', 'ivanenko', ?, ?, ?)",
      );
      expect(() => clerk.run('c15', null, at, at)).toThrow(/UNIQUE/);
      clerk.run('c15-gone', at, at, at);
    },
    check: (db) =>
      expect(
        db
          .prepare(
            "SELECT c.login, c.disabled, c.must_change_password, c.origin, s.clerk_id FROM outbox o JOIN clerk_sessions s ON s.id = o.session_id JOIN clerks c ON c.id = o.actor WHERE o.mutation_id = 'm15'",
          )
          .get(),
      ).toEqual({ login: 'ivanenko', disabled: 0, must_change_password: 0, origin: 'desk', clerk_id: 'c1' }),
  },
  [m0011ApplicationPayments.version]: {
    // A payment, and an exemption entered by mistake and cancelled, on the seed-2 application.
    write: (db) => {
      const insert = db.prepare(
        `INSERT INTO application_payments (id, application_id, type, component, amount_kopecks, reference, paid_on, reason, clerk_id, created_at,
           cancelled_at, cancel_reason, cancelled_by) VALUES (?, 'a1', ?, ?, ?, ?, ?, ?, 'c1', ?, ?, ?, ?)`,
      );
      insert.run('pay1', 'payment', 'admin_fee', 4992, 'КВ-77', '2026-11-27', null, '2026-11-27T10:10:00.000Z', null, null, null);
      insert.run(
        'ex1',
        'exemption',
        null,
        null,
        null,
        null,
        'пільга',
        '2026-11-27T10:11:00.000Z',
        '2026-11-27T10:12:00.000Z',
        'не та особа',
        'c1',
      );
    },
    check: (db) => {
      expect(
        db
          .prepare(
            "SELECT id, type, amount_kopecks, cancel_reason FROM application_payments WHERE application_id = 'a1' ORDER BY created_at",
          )
          .all(),
      ).toEqual([
        { id: 'pay1', type: 'payment', amount_kopecks: 4992, cancel_reason: null },
        { id: 'ex1', type: 'exemption', amount_kopecks: null, cancel_reason: 'не та особа' },
      ]);
      // A payment of nothing, or an exemption without its reason, cannot be stored.
      const bad = db.prepare(
        "INSERT INTO application_payments (id, application_id, type, component, amount_kopecks, reference, paid_on, reason, clerk_id, created_at) VALUES (?, 'a1', ?, 'blank', ?, 'x', '2026-11-27', ?, 'c1', 'x')",
      );
      expect(() => bad.run('zero', 'payment', 0, null)).toThrow(/CHECK/);
      expect(() => bad.run('noreason', 'exemption', null, null)).toThrow(/CHECK/);
    },
  },
  10: {
    // 0010 (the case record): every earlier case gets its snapshot and опис №1 from the rows its receipt read.
    write: (db) => {
      // Written at version 10 or later (a later migration's test starts there), the seed-2 case gets the snapshot a desk of that version takes.
      const unfrozen = db.prepare("SELECT snapshot IS NULL FROM applications WHERE id = 'a1'").pluck().get() === 1;
      const built = unfrozen ? liveSnapshot(db, 'a1') : null;
      if (built) db.prepare("UPDATE applications SET snapshot = ? WHERE id = 'a1'").run(JSON.stringify(built.snapshot));
      db.prepare(
        `INSERT INTO application_receipts (application_id, number, version, issued_at, clerk_id, clerk_name, lines, correction, layout)
         VALUES ('a1', 2, 1, '2026-11-29T10:00:00.000Z', 'c1', 'Іваненко Олена', '[{"name":"Довідка","original":false,"sheets":2,"returned":false}]', NULL, 2)`,
      ).run();
    },
    check: (db) => {
      const snapshot = JSON.parse(db.prepare("SELECT snapshot FROM applications WHERE id = 'a1'").pluck().get() as string) as CaseSnapshot;
      expect(snapshot).toMatchObject({
        regNumber: 'KV-01-20261127-0001',
        center: { code: 'KV', name: null },
        timeZone: null,
        clerk: { id: 'c1', name: 'Іваненко Олена' },
        service: { id: 's1', code: 'S1', nameUk: 'Послуга', nameEn: 'Service' },
        provider: { nameUk: 'Надавач', nameEn: 'Provider', edrpou: null },
        applicant: { id: 'p1', displayName: 'Шевченко Тарас', taxId: null, idDoc: null },
        dueDate: '2026-12-11',
        resultDelivery: 'in_person',
      });
      expect(db.prepare("SELECT number, version FROM application_receipts WHERE application_id = 'a1' ORDER BY number").all()).toEqual([
        { number: 2, version: 1 },
      ]);
      // Issued receipts never change.
      expect(() => db.prepare("UPDATE application_receipts SET clerk_name = 'x' WHERE application_id = 'a1'").run()).toThrow(/append-only/);
      expect(() => db.prepare("DELETE FROM application_receipts WHERE application_id = 'a1'").run()).toThrow(/append-only/);
    },
  },
};

/** The card 0009 makes of the seed-2 service. */
const SEED_CARD = {
  provider: { nameUk: 'Надавач', nameEn: 'Provider', edrpou: null },
  legalBasis: null,
  refusalGrounds: [],
  deliveryChannels: ['in_person', 'post', 'email', 'electronic'],
  applicantKinds: ['person', 'sole_trader', 'legal_entity'],
  requiredFields: [],
  tiers: [
    {
      id: 'standard',
      nameUk: 'Звичайний строк',
      nameEn: 'Standard term',
      deadline: { value: 10, unit: 'working_days', kind: 'not_after', anchor: 'intake' },
      fees: [],
    },
  ],
  feeConditions: [],
  documents: [],
};

const REPRESENTED = "UPDATE applications SET rep_full_name = ?, rep_poa_number = 'НВК 123456', rep_poa_date = '2026-03-02' WHERE id = 'a1'";

function tables(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name").pluck().all() as string[];
}

describe('every migration', () => {
  it('has seed rows in this test', () => {
    expect(Object.keys(seeds).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const m of migrations) {
    it(`${m.name}: migrating N−1 → N keeps the rows written at N−1`, () => {
      const db = new Database(':memory:');
      migrate(db, migrations, m.version - 1);
      for (let v = 1; v < m.version; v += 1) seeds[v]?.write(db);
      expect(migrate(db, migrations, m.version)).toBe(m.version);
      for (let v = 1; v < m.version; v += 1) seeds[v]?.check(db);
      seeds[m.version]?.write(db);
      seeds[m.version]?.check(db);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('0013-queue: keeps every ticket, its events and the applications naming it; a transferred ticket waits again', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 12);
    seeds[2]!.write(db);
    const at = '2026-11-27T10:00:00.000Z';
    const ticket = db.prepare(
      "INSERT INTO tickets (id, number, queue_code, status, priority_reason, issued_at, desk_code, updated_at, server_version) VALUES (?, ?, 'A', ?, ?, ?, '01', ?, ?)",
    );
    ticket.run('t1', 'А001', 'transferred', null, at, at, 3);
    ticket.run('t2', 'А002', 'done', 'ветеран', at, at, null);
    db.prepare("INSERT INTO ticket_events (ticket_id, event, at) VALUES ('t2', 'service_started', ?)").run(at);
    db.prepare("UPDATE applications SET ticket_id = 't2' WHERE id = 'a1'").run();
    migrate(db, migrations);
    expect(
      db.prepare('SELECT id, number, status, priority_reason, server_version, purpose, local, recalls FROM tickets ORDER BY id').all(),
    ).toEqual([
      { id: 't1', number: 'А001', status: 'waiting', priority_reason: null, server_version: 3, purpose: 'submit', local: 0, recalls: 0 },
      {
        id: 't2',
        number: 'А002',
        status: 'done',
        priority_reason: 'ветеран',
        server_version: null,
        purpose: 'submit',
        local: 0,
        recalls: 0,
      },
    ]);
    expect(db.prepare("SELECT event FROM ticket_events WHERE ticket_id = 't2'").pluck().all()).toEqual(['service_started']);
    expect(db.prepare("SELECT ticket_id FROM applications WHERE id = 'a1'").pluck().get()).toBe('t2');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The applications and events still refer to the rebuilt table.
    expect(() => db.prepare("UPDATE applications SET ticket_id = 'nope' WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  for (const start of [0, ...migrations.slice(0, -1).map((m) => m.version)]) {
    it(`from version ${start} with data, to the latest`, () => {
      const db = new Database(':memory:');
      migrate(db, migrations, start);
      for (let v = 1; v <= start; v += 1) seeds[v]?.write(db);
      expect(migrate(db, migrations)).toBe(latestVersion(migrations));
      for (let v = 1; v <= start; v += 1) seeds[v]?.check(db);
      db.close();
    });
  }

  it('0008 fills and indexes the search columns of the applicants already on file', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 7);
    seeds[2]!.write(db);
    migrate(db, migrations, 8);
    expect(db.prepare("SELECT search_folded, search_latin FROM applicants WHERE id = 'p1'").get()).toEqual({
      search_folded: 'шивчинко тарас',
      search_latin: 'shevchenko taras',
    });
    const matches = (sql: string, term: string) => db.prepare(sql).pluck().all(term);
    expect(matches('SELECT rowid FROM applicants_folded_fts WHERE applicants_folded_fts MATCH ?', 'шивч*')).toHaveLength(1);
    expect(matches('SELECT rowid FROM applicants_latin_fts WHERE applicants_latin_fts MATCH ?', 'shevch*')).toHaveLength(1);
    db.close();
  });

  it('0008 indexes the representatives already on file, and names written before it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 7);
    seeds[2]!.write(db);
    db.prepare(REPRESENTED).run('Коваль Марʼяна');
    migrate(db, migrations, 8);
    const rep = (term: string) =>
      db.prepare('SELECT rowid FROM applications_rep_fts WHERE applications_rep_fts MATCH ?').pluck().all(term) as number[];
    expect(rep('марян*')).toHaveLength(1);
    expect(rep('коваль')).toHaveLength(1);
    db.prepare(REPRESENTED).run('Петренко Олена');
    expect(rep('марян*')).toEqual([]);
    expect(rep('петр*')).toHaveLength(1);
    db.close();
  });

  it('0009 turns each old service into a one-tier card and gives applications registered before it the term and fee then on file', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 8);
    seeds[2]!.write(db);
    db.prepare("UPDATE services SET fee_kopecks = 27900, requires_rnokpp = 1 WHERE id = 's1'").run();
    const doc = db.prepare("INSERT INTO service_documents (service_id, position, name_uk, name_en, required) VALUES ('s1', ?, ?, ?, ?)");
    doc.run(1, 'Заява', 'Application', 1);
    doc.run(2, 'Фотокартка', 'Photo', 0);
    // To the latest: the queries read today's schema; what 0009 wrote must reach it unchanged.
    migrate(db, migrations);
    expect(getService(db, 's1')).toEqual({
      id: 's1',
      code: 'S1',
      nameUk: 'Послуга',
      nameEn: 'Service',
      provider: { nameUk: 'Надавач', nameEn: 'Provider', edrpou: null },
      legalBasis: null,
      refusalGrounds: [],
      deliveryChannels: ['in_person', 'post', 'email', 'electronic'],
      applicantKinds: ['person', 'sole_trader', 'legal_entity'],
      requiresRnokpp: true,
      personalAttendance: false,
      requiredFields: [],
      tiers: [
        {
          id: 'standard',
          nameUk: 'Звичайний строк',
          nameEn: 'Standard term',
          deadline: { value: 10, unit: 'working_days', kind: 'not_after', anchor: 'intake' },
          fees: [{ kind: 'admin_fee', amount: { type: 'fixed', kopecks: 27900 } }],
        },
      ],
      feeConditions: [],
      active: true,
      documents: [
        { position: 1, nameUk: 'Заява', nameEn: 'Application', need: 'required' },
        { position: 2, nameUk: 'Фотокартка', nameEn: 'Photo', need: 'optional' },
      ],
    });
    // Read as stored: the application query of this version also reads what later migrations add.
    const a1 = db.prepare("SELECT due_date, terms FROM applications WHERE id = 'a1'").get() as { due_date: string; terms: string };
    expect({ dueDate: a1.due_date, terms: JSON.parse(a1.terms) as unknown }).toMatchObject({
      dueDate: '2026-12-11',
      terms: {
        tier: { id: 'standard', nameUk: 'Звичайний строк', nameEn: 'Standard term' },
        deadline: { value: 10, unit: 'working_days', kind: 'not_after', anchor: 'intake' },
        termStated: true,
        fee: { totalKopecks: 27900, lines: [{ kind: 'admin_fee', amountKopecks: 27900 }], conditions: [], exemption: null },
      },
    });
    db.close();
  });

  it('0006 keeps only the old history rows the outbox will not show: delivered steps (with their mutation) and unmatched ones', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 5);
    seeds[2]!.write(db);
    const outbox = db.prepare(
      "INSERT INTO outbox (mutation_id, aggregate, kind, payload, actor, status, created_at, server_version) VALUES (?, 'application:a1', ?, ?, 'c1', ?, '2026-11-27T10:00:00.000Z', ?)",
    );
    const step = (to: string, at: string) => JSON.stringify({ id: 'a1', from: 'registered', to, reason: 'r', receivedBy: null, at });
    outbox.run('m-reg', 'application.register', JSON.stringify({ id: 'a1', registeredAt: '2026-11-27T10:00:00.000Z' }), 'acked', 1);
    outbox.run('m-sent', 'application.status', step('sent_to_provider', '2026-11-27T11:00:00.000Z'), 'pending', null);
    outbox.run('m-refused', 'application.status', step('refused', '2026-11-27T12:00:00.000Z'), 'conflict', null);
    outbox.run('m-discarded', 'application.status', step('withdrawn', '2026-11-27T13:00:00.000Z'), 'acked', null);
    const history = db.prepare(
      "INSERT INTO application_status_history (application_id, from_status, to_status, at, clerk_id) VALUES ('a1', ?, ?, ?, 'c1')",
    );
    history.run(null, 'registered', '2026-11-27T10:00:00.000Z');
    history.run('registered', 'sent_to_provider', '2026-11-27T11:00:00.000Z');
    history.run('registered', 'refused', '2026-11-27T12:00:00.000Z');
    history.run('registered', 'withdrawn', '2026-11-27T13:00:00.000Z');
    history.run('registered', 'in_progress', '2026-11-27T14:00:00.000Z');
    migrate(db, migrations, 6);
    expect(
      db
        .prepare(
          "SELECT to_status, clerk_id, actor_name, mutation_id FROM application_status_history WHERE application_id = 'a1' ORDER BY seq",
        )
        .all(),
    ).toEqual([
      { to_status: 'registered', clerk_id: 'c1', actor_name: 'Іваненко Олена', mutation_id: 'm-reg' },
      { to_status: 'in_progress', clerk_id: 'c1', actor_name: 'Іваненко Олена', mutation_id: null },
    ]);
    // Shown: the kept rows once each (the delivered register is not repeated from the outbox), then the pending step on top.
    expect(readStatusHistory(db, 'a1').map((step) => [step.to, step.actorName, step.pending])).toEqual([
      ['registered', 'Іваненко Олена', false],
      ['in_progress', 'Іваненко Олена', false],
      ['sent_to_provider', 'Іваненко Олена', true],
    ]);
    db.close();
  });

  it('0007 rebuilds applicants in a real database file with foreign keys on: rows, rowids and the full-text index stay, religious refusals become a reason', () => {
    const file = join(tempDir(), 'vikno.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, migrations, 6);
    seeds[2]!.write(old);
    // A row deleted between two others leaves a gap, so rowids differ from a fresh numbering: the rebuild must copy them.
    old
      .prepare(
        "INSERT INTO applicants (id, kind, surname, given_name, display_name, search_name, clerk_id, created_at, updated_at) VALUES ('gone', 'person', 'А', 'Б', 'А Б', 'а б', 'c1', 'x', 'x')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO applicants (id, kind, surname, given_name, rnokpp_refused, id_doc_type, id_doc_number, display_name, search_name, clerk_id, created_at, updated_at) VALUES ('p2', 'person', 'Ґудзь', 'Олесь', 1, 'passport_book', 'КВ123456', 'Ґудзь Олесь', 'ґудзь олесь', 'c1', 'x', 'x')",
      )
      .run();
    old.prepare("DELETE FROM applicants WHERE id = 'gone'").run();
    old
      .prepare("UPDATE applications SET rep_full_name = 'Коваль Петро', rep_poa_number = '12', rep_poa_date = '2026-11-01' WHERE id = 'a1'")
      .run();
    const rowids = old.prepare('SELECT id, rowid FROM applicants ORDER BY id').all();
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, rowid FROM applicants ORDER BY id').all()).toEqual(rowids);
    expect(db.prepare("SELECT rnokpp_absent, id_doc_presented_as FROM applicants WHERE id = 'p2'").get()).toEqual({
      rnokpp_absent: 'religious',
      id_doc_presented_as: 'paper',
    });
    expect(db.prepare("SELECT rnokpp_absent, id_doc_presented_as FROM applicants WHERE id = 'p1'").get()).toEqual({
      rnokpp_absent: null,
      id_doc_presented_as: null,
    });
    // The index still points at the same rows, and its triggers follow the rebuilt table.
    expect(
      db
        .prepare("SELECT a.id FROM applicants_fts f JOIN applicants a ON a.rowid = f.rowid WHERE applicants_fts MATCH 'ґудз*'")
        .pluck()
        .all(),
    ).toEqual(['p2']);
    db.prepare("UPDATE applicants SET search_name = 'ґудзь олександр' WHERE id = 'p2'").run();
    expect(db.prepare("SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH 'олександ*'").all()).toHaveLength(1);
    expect(getApplicationById(db, 'a1')).toMatchObject({
      representative: null,
      legacyRepresentative: { fullName: 'Коваль Петро', poaNumber: '12', poaDate: '2026-11-01' },
      subject: null,
      insisted: null,
    });
    // References are enforced again: an application cannot name a representative who is not on file.
    expect(() => db.prepare("UPDATE applications SET representative_id = 'nobody' WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applicants' ORDER BY name").pluck().all(),
    ).toEqual(['applicants_edrpou', 'applicants_id_doc', 'applicants_phone', 'applicants_rnokpp', 'sqlite_autoindex_applicants_1']);
    db.close();
  });

  it('0011: an application registered before payments were recorded reads with none, and is not flagged unpaid', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 8);
    seeds[2]!.write(db);
    db.prepare("UPDATE services SET fee_kopecks = 27900 WHERE id = 's1'").run();
    migrate(db, migrations);
    expect(getApplicationById(db, 'a1')).toMatchObject({
      regNumber: 'KV-01-20261127-0001',
      dueDate: '2026-12-11',
      terms: { fee: { totalKopecks: 27900 } },
      payments: [],
      balance: { tracked: false, settled: true, dueKopecks: 0, paidKopecks: 0 },
    });
    // An application registered from now on is tracked: its fee is owed until paid.
    db.prepare(
      "INSERT INTO applications (id, reg_number, service_id, applicant_id, status, registered_at, registered_on, due_date, terms, clerk_id, center_code, desk_code, window, updated_at) SELECT 'a2', 'KV-01-20261127-0002', service_id, applicant_id, status, registered_at, registered_on, due_date, terms, clerk_id, center_code, desk_code, window, updated_at FROM applications WHERE id = 'a1'",
    ).run();
    expect(getApplicationById(db, 'a2')?.balance).toMatchObject({ tracked: true, settled: false, outstandingKopecks: 27900 });
    db.close();
  });

  it('gives the same schema whether applied one by one or all at once', () => {
    const stepwise = new Database(':memory:');
    for (const m of migrations) migrate(stepwise, migrations, m.version);
    const atOnce = new Database(':memory:');
    migrate(atOnce, migrations);
    expect(tables(stepwise)).toEqual(tables(atOnce));
    stepwise.close();
    atOnce.close();
  });
});
