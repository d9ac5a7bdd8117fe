import type { WorkCalendar } from '../../../shared/calendar';
import { SubsistenceMinimum } from '../../../shared/domain/fee-rule';
import { Service } from '../../../shared/domain/service';
import type { ServiceInput } from '../../../shared/domain/service';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** What `services.card` holds: the card without the columns kept for search and filters (migration 0009). */
function cardOf(s: Service) {
  const { provider, legalBasis, refusalGrounds, deliveryChannels, applicantKinds, requiredFields, tiers, feeConditions, documents } = s;
  return { provider, legalBasis, refusalGrounds, deliveryChannels, applicantKinds, requiredFields, tiers, feeConditions, documents };
}

/**
 * Stores a catalog service as the back office (or the sample catalog) defines it, checked against
 * the information card's schema. The catalog is server-owned, so this writes no outbox mutation;
 * the caller owns the transaction. `fee_kopecks` and `deadline_*` are no longer read (0009): they
 * get the legal default term and no fee only because 0002's NOT NULL and CHECKs still hold them.
 */
export function putService(db: Db, input: ServiceInput, at: string): Service {
  const service = Service.parse(input);
  statement(
    db,
    `INSERT INTO services (id, code, name_uk, name_en, provider_uk, provider_en, fee_kopecks, deadline_value, deadline_unit,
       requires_rnokpp, personal_attendance, active, card, updated_at)
     VALUES (@id, @code, @nameUk, @nameEn, @providerUk, @providerEn, 0, 30, 'calendar_days',
       @requiresRnokpp, @personalAttendance, @active, @card, @at)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_uk = excluded.name_uk, name_en = excluded.name_en,
       provider_uk = excluded.provider_uk, provider_en = excluded.provider_en, requires_rnokpp = excluded.requires_rnokpp,
       personal_attendance = excluded.personal_attendance, active = excluded.active, card = excluded.card,
       updated_at = excluded.updated_at`,
  ).run({
    id: service.id,
    code: service.code,
    nameUk: service.nameUk,
    nameEn: service.nameEn,
    providerUk: service.provider.nameUk,
    providerEn: service.provider.nameEn,
    requiresRnokpp: service.requiresRnokpp ? 1 : 0,
    personalAttendance: service.personalAttendance ? 1 : 0,
    active: service.active ? 1 : 0,
    card: JSON.stringify(cardOf(service)),
    at,
  });
  return service;
}

/** Writes the subsistence minimum of a year (the catalog's table); the caller owns the transaction. */
export function putSubsistenceMinimum(db: Db, row: SubsistenceMinimum, at: string): void {
  const { year, workingAgeKopecks } = SubsistenceMinimum.parse(row);
  statement(
    db,
    `INSERT INTO subsistence_minimums (year, working_age_kopecks, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET working_age_kopecks = excluded.working_age_kopecks, updated_at = excluded.updated_at,
       deleted_at = NULL`,
  ).run(year, workingAgeKopecks, at);
}

/** The yearly subsistence-minimum table fees are computed from. */
export function loadSubsistenceTable(db: Db): SubsistenceMinimum[] {
  return statement(
    db,
    'SELECT year, working_age_kopecks AS workingAgeKopecks FROM subsistence_minimums WHERE deleted_at IS NULL ORDER BY year',
  ).all() as SubsistenceMinimum[];
}

/** The holiday calendar as data: weekdays off and worked weekend days. */
export function loadCalendar(db: Db): WorkCalendar {
  const rows = statement(db, 'SELECT day, kind FROM calendar_days WHERE deleted_at IS NULL').all() as Array<{ day: string; kind: string }>;
  return {
    daysOff: new Set(rows.filter((r) => r.kind === 'day_off').map((r) => r.day)),
    workingDays: new Set(rows.filter((r) => r.kind === 'working_day').map((r) => r.day)),
  };
}
