/**
 * Builds the store bench's database: a real desk database (the app's own migrations, catalog
 * and local clerk) filled with N applicants and N applications with their receipt lines and
 * status histories. Bulk rows are written straight into the tables with prepared statements in
 * large transactions — registering them through the commands (with per-row audit hashing and
 * fsync) would take hours and measure nothing we report. Only the rows the bench times are
 * made by the real commands, and only those get outbox and audit rows.
 */
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { EMPTY_CALENDAR } from '../../shared/calendar';
import { DeadlineRule } from '../../shared/domain/deadline-rule';
import { deadlineDate } from '../../shared/domain/deadline-date';
import type { ApplicationStatus } from '../../shared/domain/application-status';
import { searchTierColumns } from '../../main/backend/applicants/search-columns';
import { normalizeName } from '../../main/backend/applicants/search-text';
import { putService } from '../../main/backend/catalog/services';
import type { ServiceInput } from '../../shared/domain/service';
import { plainService } from '../helpers/service-card';
import { ensureLocalClerk } from '../../main/backend/clerks/local-clerk';
import { openDatabase } from '../../main/backend/db/open';
import type { Db } from '../../main/backend/db/open';
import { between, pick, PeopleGenerator, seededRandom } from './people';
import type { ApplicantRowValues, Random } from './people';

/**
 * Bump when the generator writes different rows for the same parameters: the bench's data set
 * cache (dataset-cache.ts) keys its entries by it.
 */
export const DATASET_GENERATOR_VERSION = 1;

const doc = (nameUk: string, nameEn: string) => ({ nameUk, nameEn, required: true });

/** A small catalog like a real center's most frequent services (deadlines as the providers set them). */
export const BENCH_SERVICES: readonly ServiceInput[] = [
  plainService({
    id: 'svc-id-card',
    code: 'ID-01',
    nameUk: 'Оформлення паспорта громадянина України у формі ID-картки',
    nameEn: 'ID card',
    provider: ['ДМС', 'State Migration Service'],
    feeKopecks: 27900,
    deadline: { value: 20, unit: 'working_days' },
    active: true,
    documents: [doc('Заява-анкета', 'Application form'), doc('Свідоцтво про народження', 'Birth certificate')],
  }),
  plainService({
    id: 'svc-residence',
    code: 'RR-01',
    nameUk: 'Реєстрація місця проживання',
    nameEn: 'Residence registration',
    provider: ['Виконавчий комітет', 'Executive committee'],
    feeKopecks: 2160,
    deadline: { value: 1, unit: 'working_days' },
    active: true,
    documents: [
      doc('Заява', 'Application'),
      doc('Паспорт громадянина України', 'Passport'),
      doc('Квитанція про сплату адміністративного збору', 'Fee receipt'),
    ],
  }),
  plainService({
    id: 'svc-subsidy',
    code: 'SP-03',
    nameUk: 'Призначення житлової субсидії',
    nameEn: 'Housing subsidy',
    provider: ['Пенсійний фонд України', 'Pension Fund'],
    feeKopecks: 0,
    deadline: { value: 10, unit: 'calendar_days' },
    active: true,
    documents: [doc('Заява про призначення субсидії', 'Subsidy application'), doc('Декларація про доходи', 'Income declaration')],
  }),
  plainService({
    id: 'svc-land',
    code: 'LD-07',
    nameUk: 'Витяг з Державного земельного кадастру про земельну ділянку',
    nameEn: 'Land cadastre extract',
    provider: ['Держгеокадастр', 'StateGeoCadastre'],
    feeKopecks: 12000,
    deadline: { value: 10, unit: 'working_days' },
    active: true,
    documents: [doc('Заява', 'Application'), doc('Документ про оплату', 'Payment document')],
  }),
  plainService({
    id: 'svc-fop',
    code: 'BR-02',
    nameUk: 'Державна реєстрація фізичної особи — підприємця',
    nameEn: 'Sole trader registration',
    provider: ['Державний реєстратор', 'State registrar'],
    feeKopecks: 0,
    deadline: { value: 1, unit: 'working_days' },
    active: true,
    documents: [doc('Заява про державну реєстрацію', 'Registration application')],
  }),
];

const APPLICANT_COLUMNS = [
  'id',
  'kind',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'rnokpp',
  'id_doc_type',
  'id_doc_number',
  'id_doc_issuer',
  'id_doc_issued_on',
  'unzr',
  'address',
  'phone',
  'email',
  'notify_by',
  'edrpou',
  'legal_name',
  'display_name',
  'search_name',
  'search_folded',
  'search_latin',
  'clerk_id',
  'created_at',
  'updated_at',
  'server_version',
] as const;

/** A person the bench searches for and registers applications for. */
export interface SampledPerson {
  id: string;
  surname: string;
  givenName: string;
  rnokpp: string;
}

export interface BenchStore {
  file: string;
  clerkId: string;
  /** Persons drawn uniformly from the data set, for queries and registrations. */
  people: SampledPerson[];
  /** Wall time of generation (not a goal; reported so a slow generator is noticed). */
  generationMs: number;
  fileBytes: number;
}

/**
 * A UUIDv7 as the app makes them (ids.ts), but from the seeded PRNG and a given time, so bulk
 * rows get time-ordered ids: the primary key B-tree then grows at its right edge, as it does
 * in production.
 */
function seededUuidv7(ms: number, random: Random): string {
  const hex = (value: number, width: number) => Math.floor(value).toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random() * 0x1000, 3)}-${hex(0x8000 + random() * 0x4000, 4)}-${hex(random() * 2 ** 24, 6)}${hex(random() * 2 ** 24, 6)}`;
}

/** Status paths applications take, and how often a finished application took each. */
const PATHS: ReadonlyArray<readonly ApplicationStatus[]> = [
  ['registered', 'sent_to_provider', 'in_progress', 'result_ready', 'issued'],
  ['registered', 'sent_to_provider', 'result_ready', 'issued'],
  ['registered', 'sent_to_provider', 'in_progress', 'needs_info', 'in_progress', 'result_ready', 'issued'],
  ['registered', 'sent_to_provider', 'refused'],
  ['registered', 'withdrawn'],
  ['registered', 'sent_to_provider', 'in_progress', 'result_ready', 'returned_unclaimed'],
];
const FINISHED_WEIGHTS = [0.55, 0.25, 0.05, 0.07, 0.04, 0.04];

/** The FTS5 indexes of the applicants' name columns (one per search tier), each kept by an insert trigger. */
const APPLICANT_FTS = ['applicants_fts', 'applicants_folded_fts', 'applicants_latin_fts'] as const;

/** The applicants FTS insert triggers, dropped during the bulk load and recreated after (see buildStore). */
function ftsInsertTriggersSql(db: Db): string[] {
  return APPLICANT_FTS.map((fts) => {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(`${fts}_insert`);
    if (typeof sql !== 'string') throw new Error(`The schema has no ${fts}_insert trigger`);
    return sql;
  });
}

function insertApplicants(
  db: Db,
  count: number,
  clerkId: string,
  random: Random,
  sampleEvery: number,
): { ids: string[]; people: SampledPerson[] } {
  const insert = db.prepare(
    `INSERT INTO applicants (${APPLICANT_COLUMNS.join(', ')}) VALUES (${APPLICANT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const generator = new PeopleGenerator(random);
  const ids: string[] = [];
  const people: SampledPerson[] = [];
  // Applicants were created over the four years before the bench's registrations.
  const firstMs = Date.UTC(2022, 8, 1);
  const stepMs = (Date.UTC(2026, 8, 1) - firstMs) / count;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const ms = firstMs + i * stepMs;
      const id = seededUuidv7(ms, random);
      const at = new Date(ms).toISOString();
      const row: ApplicantRowValues = generator.next();
      const tiers = searchTierColumns(row.display_name);
      insert.run(
        id,
        row.kind,
        row.surname,
        row.given_name,
        row.patronymic,
        row.birth_date,
        row.sex,
        row.rnokpp,
        row.id_doc_type,
        row.id_doc_number,
        row.id_doc_issuer,
        row.id_doc_issued_on,
        row.unzr,
        row.address,
        row.phone,
        row.email,
        row.notify_by,
        row.edrpou,
        row.legal_name,
        row.display_name,
        normalizeName(row.display_name),
        tiers.search_folded,
        tiers.search_latin,
        clerkId,
        at,
        at,
        i + 1,
      );
      ids.push(id);
      if (row.kind === 'person' && row.rnokpp !== null && row.surname !== null && row.given_name !== null && i % sampleEvery === 0) {
        people.push({ id, surname: row.surname, givenName: row.given_name, rnokpp: row.rnokpp });
      }
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  return { ids, people };
}

/** Which status path each bulk application took and how far along it is (temp tables, gone at close). */
function createPathTables(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE bench_path_steps (path INTEGER, step INTEGER, from_status TEXT, to_status TEXT, reason TEXT, received_by TEXT);
    CREATE TEMP TABLE bench_app_paths (app_rowid INTEGER PRIMARY KEY, path INTEGER NOT NULL, steps INTEGER NOT NULL);
  `);
  const insertStep = db.prepare('INSERT INTO temp.bench_path_steps VALUES (?, ?, ?, ?, ?, ?)');
  PATHS.forEach((path, p) =>
    path.forEach((to, step) =>
      insertStep.run(
        p,
        step,
        step === 0 ? null : path[step - 1],
        to,
        to === 'refused' ? 'Неповний пакет документів' : null,
        to === 'issued' ? 'заявник особисто' : null,
      ),
    ),
  );
}

function pathIndex(random: Random): number {
  let r = random();
  for (let i = 0; i < PATHS.length; i += 1) {
    r -= FINISHED_WEIGHTS[i] ?? 0;
    if (r <= 0) return i;
  }
  return 0;
}

/**
 * Applications row by row from JS (ids, numbers and due dates need the app's rules), then
 * their receipt lines and status histories in two set-based INSERT … SELECTs: several million
 * rows that SQLite derives itself, without a JS call per row.
 */
function insertApplications(db: Db, count: number, applicantIds: readonly string[], clerkId: string, random: Random): void {
  createPathTables(db);
  const insertApplication = db.prepare(
    `INSERT INTO applications (id, reg_number, service_id, applicant_id, status, registered_at, registered_on, due_date,
       result_delivery, clerk_id, center_code, desk_code, window, updated_at, server_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'KV01', ?, ?, ?, ?)`,
  );
  const insertPath = db.prepare('INSERT INTO temp.bench_app_paths (app_rowid, path, steps) VALUES (?, ?, ?)');
  const sequences = new Map<string, number>();
  const dueDates = new Map<string, string>();
  // Six other desks of the same center, over the four years before the bench day.
  const firstMs = Date.UTC(2022, 9, 3, 6);
  const lastMs = Date.UTC(2026, 9, 30, 15);
  const stepMs = (lastMs - firstMs) / count;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const ms = firstMs + i * stepMs;
      const at = new Date(ms).toISOString();
      const day = at.slice(0, 10);
      const desk = `0${1 + (i % 6)}`;
      const seqKey = `${desk}|${day}`;
      const next = (sequences.get(seqKey) ?? 0) + 1;
      sequences.set(seqKey, next);
      const service = pick(random, BENCH_SERVICES);
      const dueKey = `${service.id}|${day}`;
      let due = dueDates.get(dueKey);
      if (due === undefined) {
        const rule = DeadlineRule.parse(service.tiers[0]?.deadline);
        due = deadlineDate(rule, { anchor: 'intake', at: new Date(ms) }, 'UTC', EMPTY_CALENDAR) ?? day;
        dueDates.set(dueKey, due);
      }
      const p = pathIndex(random);
      const path = PATHS[p] ?? PATHS[0]!;
      // The last month's applications are still somewhere along their path; older ones are finished.
      const steps = ms > lastMs - 30 * 86_400_000 ? between(random, 1, path.length) : path.length;
      const applicantId = applicantIds[Math.floor(random() * applicantIds.length)];
      if (applicantId === undefined) throw new Error('No applicants to register applications for');
      const rowid = insertApplication.run(
        seededUuidv7(ms, random),
        `KV01-${desk}-${day.replaceAll('-', '')}-${String(next).padStart(4, '0')}`,
        service.id,
        applicantId,
        path[steps - 1] ?? 'registered',
        at,
        day,
        due,
        random() < 0.9 ? 'in_person' : 'post',
        clerkId,
        desk,
        String(1 + (i % 6)),
        new Date(ms + (steps - 1) * 3 * 86_400_000).toISOString(),
        i + 1,
      ).lastInsertRowid;
      insertPath.run(rowid, p, steps);
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  db.transaction(() => {
    // The service's document list as the receipt; originals and sheet counts vary by a hash of the row, reproducibly.
    db.exec(`
      INSERT INTO application_items (application_id, position, name, original, sheets)
      SELECT a.id, d.position, d.name_uk, (a.rowid * 7 + d.position) % 10 < 7, 1 + (a.rowid * 13 + d.position * 5) % 12
      FROM applications a
        JOIN (SELECT s.id AS service_id, doc.value ->> 'position' AS position, doc.value ->> 'nameUk' AS name_uk
              FROM services s, json_each(s.card, '$.documents') doc) d ON d.service_id = a.service_id
      ORDER BY a.rowid, d.position;
      INSERT INTO application_status_history (application_id, from_status, to_status, reason, received_by, at, clerk_id)
      SELECT a.id, s.from_status, s.to_status, s.reason, s.received_by,
             strftime('%Y-%m-%dT%H:%M:%fZ', a.registered_at, '+' || (s.step * 3) || ' days'), a.clerk_id
      FROM applications a JOIN temp.bench_app_paths p ON p.app_rowid = a.rowid JOIN temp.bench_path_steps s ON s.path = p.path AND s.step < p.steps
      ORDER BY a.rowid, s.step;
    `);
    const insertSequence = db.prepare(
      "INSERT INTO registration_sequences (center_code, desk_code, day, last_value) VALUES ('KV01', ?, ?, ?)",
    );
    for (const [key, value] of sequences) {
      const [desk, day] = key.split('|');
      insertSequence.run(desk, day, value);
    }
  })();
}

/**
 * The bulk tables' secondary indexes, dropped before the load and recreated after: building an
 * index once from sorted keys is far cheaper than a million inserts at random places in it.
 */
function dropBulkIndexes(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN ('applicants', 'applications', 'application_items', 'application_status_history')`,
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of rows) db.exec(`DROP INDEX ${name}`);
  return rows.map((r) => r.sql);
}

/**
 * Creates `<dir>/vikno.db` holding `count` applicants and `count` applications. The load runs
 * without fsync or foreign-key checks (a crash would only cost the bench its data set, and the
 * rows are consistent by construction), with the secondary indexes dropped and with the FTS
 * insert triggers dropped: one FTS5 'rebuild' per index at the end indexes all names from sorted input,
 * where the trigger made the applicant load about 2.5× slower (measured at 100 k rows).
 */
export function buildStore(dir: string, count: number, seed: number, samples: number): BenchStore {
  const started = performance.now();
  const file = join(dir, 'vikno.db');
  const db = openDatabase(file);
  try {
    const clerkId = db.transaction(() => {
      const at = '2022-09-01T06:00:00.000Z';
      for (const service of BENCH_SERVICES) putService(db, service, at);
      return ensureLocalClerk(db, at).id;
    })();
    db.pragma('foreign_keys = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288');
    const random = seededRandom(seed);
    const triggersSql = ftsInsertTriggersSql(db);
    const indexSql = dropBulkIndexes(db);
    for (const fts of APPLICANT_FTS) db.exec(`DROP TRIGGER ${fts}_insert`);
    const { ids, people } = insertApplicants(db, count, clerkId, random, Math.max(1, Math.floor(count / samples)));
    for (const fts of APPLICANT_FTS) db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`);
    db.exec(triggersSql.join(';\n'));
    insertApplications(db, count, ids, clerkId, random);
    db.exec(indexSql.join(';\n'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { file, clerkId, people, generationMs: performance.now() - started, fileBytes: statSync(file).size };
  } finally {
    db.close();
  }
}
