/** Applicants a desk creates and edits, as the back office keeps them (server/sync/apply/applicant.ts), on a real EntityStore. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applicantPolicies } from '../../../../../server/sync/apply/applicant';
import { applicantRow } from '../../../../helpers/applicant-row';
import { useRecords } from './store-fixture';

const records = useRecords();
const create = applicantPolicies['applicant.create']!;
const update = applicantPolicies['applicant.update']!;

const creating = (id: string, payload: Record<string, unknown> = applicantRow(id), centerCode = 'C1') =>
  records.apply(create, { aggregate: `applicant:${id}`, kind: 'applicant.create', baseVersion: null, payload }, { centerCode });
const updating = (id: string, payload: Record<string, unknown>, baseVersion: number | null = 1, centerCode = 'C1') =>
  records.apply(update, { aggregate: `applicant:${id}`, kind: 'applicant.update', baseVersion, payload }, { centerCode });

describe('applicant policies', () => {
  it('creates the applicant as the desk sent the row, as version 1 of the desk’s center', async () => {
    const id = randomUUID();
    expect(await creating(id)).toEqual({ status: 'applied', version: 1 });
    expect(await records.stored('applicant', id)).toEqual({ version: 1, data: applicantRow(id), versions: [1] });
    const [row] = await records.sql<{ center_code: string }>('SELECT center_code FROM applicants WHERE id = $1', [id]);
    expect(row?.center_code).toBe('C1');
  });

  it('refuses to create an applicant twice, and one another center holds, and keeps the record', async () => {
    const id = randomUUID();
    await creating(id);
    expect(await creating(id, applicantRow(id, 'Шевченко'))).toEqual({
      status: 'rejected',
      code: 'already_exists',
      message: `Applicant ${id} already exists`,
      fieldErrors: [],
    });
    expect(await creating(id, applicantRow(id, 'Шевченко'), 'C2')).toMatchObject({ status: 'rejected', code: 'wrong_center' });
    expect(await records.stored('applicant', id)).toEqual({ version: 1, data: applicantRow(id), versions: [1] });
  });

  it('refuses a malformed row with the field that is wrong, and stores nothing', async () => {
    const id = randomUUID();
    expect(await creating(id, { ...applicantRow(id), display_name: '' })).toMatchObject({
      status: 'rejected',
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'display_name'] }],
    });
    expect(await records.stored('applicant', id)).toBeNull();
  });

  it('merges an edit into the applicant as a new version', async () => {
    const id = randomUUID();
    await creating(id);
    const edited = { ...applicantRow(id), phone: '+380501112233' };
    expect(await updating(id, edited)).toEqual({ status: 'applied', version: 2 });
    expect(await records.stored('applicant', id)).toEqual({ version: 2, data: edited, versions: [1, 2] });
  });

  it('refuses an edit of an applicant the server lacks, of another center’s, and a malformed one, and keeps the record', async () => {
    const missing = randomUUID();
    expect(await updating(missing, applicantRow(missing))).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No applicant ${missing}`,
      fieldErrors: [],
    });
    expect(await records.stored('applicant', missing)).toBeNull();
    const id = randomUUID();
    await creating(id);
    expect(await updating(id, { ...applicantRow(id), phone: '+380501112233' }, 1, 'C2')).toMatchObject({ code: 'wrong_center' });
    expect(await updating(id, { ...applicantRow(id), sex: 'unknown' })).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'sex'] }],
    });
    expect(await records.stored('applicant', id)).toEqual({ version: 1, data: applicantRow(id), versions: [1] });
  });
});
