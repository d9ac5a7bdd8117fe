import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CommandEnv } from '../../main/backend/commands/unit-of-work';
import { openDatabase } from '../../main/backend/db/open';
import { bindDeviceKey } from '../../main/backend/sync/sealed-state';
import type { Db } from '../../main/backend/db/open';
import { putService } from '../../main/backend/catalog/services';
import { ensureLocalClerk } from '../../main/backend/clerks/local-clerk';
import { DEFAULT_DESK } from '../../main/backend/config/desk-config';
import type { DeskConfig } from '../../main/backend/config/desk-config';
import { upsertApplicant } from '../../main/backend/applicants/upsert-applicant';
import { registerApplication } from '../../main/backend/applications/register-application';
import { RegisterApplication } from '../../shared/domain/application';
import { ApplicantInput } from '../../shared/domain/applicant';
import { plainService } from './service-card';
import type { ApplicantInput as ApplicantInputType } from '../../shared/domain/applicant';
import type { Role } from '../../shared/roles';

export const SAMPLE_SERVICE = plainService({
  id: 'svc-passport',
  code: 'ID-01',
  nameUk: 'Оформлення паспорта громадянина України у формі ID-картки',
  nameEn: 'ID card of a citizen of Ukraine',
  provider: ['Державна міграційна служба', 'State Migration Service'],
  feeKopecks: 27900,
  deadline: { value: 20, unit: 'working_days' },
  // Not required, so tests about other things may register any receipt lines; the required-documents rule has its own services.
  documents: [
    { nameUk: 'Заява-анкета', nameEn: 'Application form', required: false },
    { nameUk: 'Свідоцтво про народження', nameEn: 'Birth certificate', required: false },
  ],
});

export const SAMPLE_PERSON: ApplicantInputType = {
  kind: 'person',
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Іванівна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  idDoc: { type: 'id_card', number: '001234567', validUntil: '2030-02-28' },
  phone: '+380671234567',
};

export interface TestDesk {
  db: Db;
  env: CommandEnv;
  file: string;
  /** Moves the desk's clock. */
  setNow(iso: string): void;
}

/** The roles of a standalone desk's one account: it also records the provider's decisions (docs/ARCHITECTURE.md §6.1). */
export const STANDALONE_ROLES: readonly Role[] = ['clerk', 'supervisor', 'provider'];

/** A real desk database in `dir` with the local clerk and one service, and a settable clock. */
export function openTestDesk(
  dir: string,
  desk: DeskConfig = { ...DEFAULT_DESK, center: { code: 'KV01', name: 'ЦНАП' }, desk: { code: '07', window: '7' } },
): TestDesk {
  const file = join(dir, 'vikno.db');
  const db = openDatabase(file);
  // As createBackend does at start: the desk's secrets are sealed with a device key.
  bindDeviceKey(db, randomBytes(32));
  let now = new Date('2026-11-27T09:30:00Z');
  const clerk = db.transaction(() => {
    putService(db, SAMPLE_SERVICE, now.toISOString());
    return ensureLocalClerk(db, now.toISOString());
  })();
  return {
    db,
    file,
    env: { db, clerkId: clerk.id, roles: STANDALONE_ROLES, now: () => now, desk },
    setNow(iso) {
      now = new Date(iso);
    },
  };
}

export function addApplicant(env: CommandEnv, input: ApplicantInputType = SAMPLE_PERSON) {
  return upsertApplicant(env, ApplicantInput.parse(input));
}

/** A new applicant with one application of the sample service and one receipt line, registered on this desk. */
export function addApplication(env: CommandEnv) {
  const applicant = addApplicant(env);
  const app = registerApplication(
    env,
    RegisterApplication.parse({
      serviceId: SAMPLE_SERVICE.id,
      applicantId: applicant.id,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
    }),
  );
  return { applicant, app };
}
