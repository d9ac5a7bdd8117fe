import type { WorkCalendar } from '../../../shared/calendar';
import { templateRule } from '../calendar/calendar-settings';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface ServiceRecord {
  id: string;
  code: string;
  nameUk: string;
  nameEn: string;
  providerUk: string;
  providerEn: string;
  feeKopecks: number;
  deadlineValue: number;
  deadlineUnit: 'working_days' | 'calendar_days';
  /** The information card asks for the applicant's РНОКПП. */
  requiresRnokpp?: boolean;
  /** The law requires the person to attend: no representative. */
  personalAttendance?: boolean;
  active: boolean;
  documents: Array<{ nameUk: string; nameEn: string; required: boolean }>;
}

/**
 * Stores a catalog service as the back office (or the seed catalog) defines it. The catalog is
 * server-owned, so this writes no outbox mutation; the caller owns the transaction.
 */
export function putService(db: Db, service: ServiceRecord, at: string): void {
  statement(
    db,
    `INSERT INTO services (id, code, name_uk, name_en, provider_uk, provider_en, fee_kopecks, deadline_value, deadline_unit,
       requires_rnokpp, personal_attendance, active, updated_at)
     VALUES (@id, @code, @nameUk, @nameEn, @providerUk, @providerEn, @feeKopecks, @deadlineValue, @deadlineUnit,
       @requiresRnokpp, @personalAttendance, @active, @at)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_uk = excluded.name_uk, name_en = excluded.name_en,
       provider_uk = excluded.provider_uk, provider_en = excluded.provider_en, fee_kopecks = excluded.fee_kopecks,
       deadline_value = excluded.deadline_value, deadline_unit = excluded.deadline_unit, requires_rnokpp = excluded.requires_rnokpp,
       personal_attendance = excluded.personal_attendance, active = excluded.active,
       updated_at = excluded.updated_at`,
  ).run({
    ...service,
    requiresRnokpp: service.requiresRnokpp === true ? 1 : 0,
    personalAttendance: service.personalAttendance === true ? 1 : 0,
    active: service.active ? 1 : 0,
    at,
  });
  statement(db, 'DELETE FROM service_documents WHERE service_id = ?').run(service.id);
  const insertDoc = statement(
    db,
    'INSERT INTO service_documents (service_id, position, name_uk, name_en, required) VALUES (?, ?, ?, ?, ?)',
  );
  service.documents.forEach((d, i) => insertDoc.run(service.id, i + 1, d.nameUk, d.nameEn, d.required ? 1 : 0));
}

export interface ServiceRow {
  id: string;
  code: string;
  name_uk: string;
  name_en: string;
  deadline_value: number;
  deadline_unit: 'working_days' | 'calendar_days';
  requires_rnokpp: number;
  personal_attendance: number;
  active: number;
  deleted_at: string | null;
}

export function getServiceRow(db: Db, id: string): ServiceRow | undefined {
  return statement(
    db,
    `SELECT id, code, name_uk, name_en, deadline_value, deadline_unit, requires_rnokpp, personal_attendance, active, deleted_at
       FROM services WHERE id = ?`,
  ).get(id) as ServiceRow | undefined;
}

/**
 * The center's effective calendar: the days a supervisor set (weekdays off, worked weekend days),
 * over the statutory template when martial law is off (calendar/calendar-settings.ts), for any
 * year a due date reaches.
 */
export function loadCalendar(db: Db): WorkCalendar {
  const rows = statement(db, 'SELECT day, kind FROM calendar_days WHERE deleted_at IS NULL').all() as Array<{ day: string; kind: string }>;
  return {
    daysOff: new Set(rows.filter((r) => r.kind === 'day_off').map((r) => r.day)),
    workingDays: new Set(rows.filter((r) => r.kind === 'working_day').map((r) => r.day)),
    ...templateRule(db),
  };
}
