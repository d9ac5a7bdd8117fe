import { describe, expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { ErrorResponse } from '../../../shared/sync-protocol';
import { newDeskKey } from '../../helpers/desk-session';
import { STORAGES, useServer } from './harness';

describe.each(STORAGES)('why the back office refuses an enrollment code, on %s', (kind) => {
  const server = useServer(kind);

  async function enroll(code: string, place?: { centerCode?: string; deskCode?: string }) {
    const res = await fetch(`${server.url}/enroll`, {
      method: 'POST',
      body: JSON.stringify({ code, deviceName: 'Desk', publicKey: newDeskKey().publicKey, ...place }),
    });
    if (res.ok) return { status: res.status, code: 'enrolled', message: '' };
    const body = ErrorResponse.parse(await res.json());
    return { status: res.status, code: body.error.code, message: body.error.message };
  }

  it('unknown: a code the back office never issued', async () => {
    expect(await enroll('ABCD-EFGH-2345', { centerCode: 'C1', deskCode: 'D1' })).toMatchObject({
      status: 401,
      code: 'enrollment_code_unknown',
      message: expect.stringMatching(/unknown/),
    });
  });

  it('expired: a code past its day', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'C1', deskCode: 'D2' });
    await server.storage.query(`UPDATE enrollment_codes SET expires_at = now() - interval '1 minute' WHERE desk_code = 'D2'`);
    expect(await enroll(code, { centerCode: 'C1', deskCode: 'D2' })).toMatchObject({ status: 401, code: 'enrollment_code_expired' });
  });

  it('used: a code a desk already enrolled with', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'C1', deskCode: 'D3' });
    expect(await enroll(code, { centerCode: 'C1', deskCode: 'D3' })).toMatchObject({ status: 200, code: 'enrolled' });
    expect(await enroll(code, { centerCode: 'C1', deskCode: 'D3' })).toMatchObject({ status: 401, code: 'enrollment_code_used' });
  });

  it('another desk’s code: refused naming both places, and not used up', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'C1', deskCode: 'D4' });
    for (const wrong of [
      { centerCode: 'C1', deskCode: 'D5' },
      { centerCode: 'C2', deskCode: 'D4' },
    ]) {
      expect(await enroll(code, wrong)).toEqual({
        status: 409,
        code: 'enrollment_code_other_desk',
        message: `The enrollment code is for center C1, desk D4; this desk is configured as center ${wrong.centerCode}, desk ${wrong.deskCode}. The code was not used up`,
      });
    }
    const [row] = await server.storage.query<{ used_at: unknown }>(`SELECT used_at FROM enrollment_codes WHERE desk_code = 'D4'`);
    expect(row?.used_at).toBeNull();
    expect(await enroll(code, { centerCode: 'C1', deskCode: 'D4' })).toMatchObject({ status: 200, code: 'enrolled' });
  });

  it('a desk that names no place (older desks) still enrolls with any code; half a place is refused', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'C1', deskCode: 'D6' });
    expect(await enroll(code, { centerCode: 'C1' })).toMatchObject({ status: 400, code: 'place_incomplete' });
    expect(await enroll(code)).toMatchObject({ status: 200, code: 'enrolled' });
  });
});
