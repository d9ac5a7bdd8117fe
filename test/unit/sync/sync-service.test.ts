/**
 * The sync service as the rest of the backend sees it: standalone without a back office, and enrollment
 * with every way the back office can answer it. A real desk database; the back office is the scripted
 * stand-in (test/helpers/scripted-back-office.ts) plus an /enroll route answered per test.
 */
import { dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskConfig } from '../../../main/backend/config/desk-config';
import { createSyncService } from '../../../main/backend/sync/sync-service';
import type { SyncStatus } from '../../../main/backend/sync/sync-service';
import { readDeviceToken } from '../../../main/backend/sync/sealed-state';
import { readSyncState } from '../../../main/backend/sync/sync-state';
import { AppError } from '../../../shared/errors';
import type { EnrollResponse } from '../../../shared/sync-protocol';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { scriptedBackOffice } from '../../helpers/scripted-back-office';
import { STANDALONE } from '../../helpers/sync-status';
import type { ScriptedAnswer } from '../../helpers/scripted-back-office';
import { deskPublicKey } from '../../../main/backend/auth/desk-key';
import { useTempDirs } from '../../helpers/temp-dir';
import { applicationWithScan } from './engine-desk';

const tempDir = useTempDirs();
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const ENROLLED: EnrollResponse = { deviceId: 'device-7', deviceToken: 'token-7', centerCode: 'KV01', deskCode: '07' };

interface Request {
  path: string;
  headers: Headers;
  body: string | null;
}

/** A desk (KV01/07) with the service over it; `enrollAnswer` is how the back office answers /enroll. */
function deskWithService(
  backOfficeUrl: string | null,
  enrollAnswer: ScriptedAnswer = { status: 200, body: JSON.stringify(ENROLLED) },
  random: () => number = () => 0.5,
) {
  const desk = openTestDesk(tempDir());
  const office = scriptedBackOffice();
  const requests: Request[] = [];
  const statuses: SyncStatus[] = [];
  const deskConfig: DeskConfig = { ...desk.env.desk, backOfficeUrl };
  const service = createSyncService({
    db: desk.db,
    dataDir: dirname(desk.file),
    desk: deskConfig,
    logger: memoryLogger(),
    now: desk.env.now,
    actor: () => desk.env.clerkId,
    onStatus: (status) => statuses.push(status),
    random,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      requests.push({ path: url.pathname, headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : null });
      if (url.pathname === '/enroll') return Promise.resolve(new Response(enrollAnswer.body ?? '', { status: enrollAnswer.status }));
      // The file queue: the server holds every scan already, for a desk that shows its token.
      if (url.pathname === '/blobs/announce') {
        const authorized = new Headers(init?.headers).get('authorization') === `Bearer ${ENROLLED.deviceToken}`;
        return Promise.resolve(authorized ? Response.json({ status: 'exists' }) : new Response('who are you', { status: 401 }));
      }
      return office.fetch(input, init);
    },
  });
  cleanups.push(async () => {
    await service.stop();
    desk.db.close();
  });
  return { desk, office, service, requests, statuses };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function tokenOf(desk: TestDesk): { token: string | null; deviceId: string | null } {
  return { token: readDeviceToken(desk.db), deviceId: readSyncState(desk.db, 'device_id') };
}

describe('a desk with no back office', () => {
  it('says it is standalone, counts what it keeps, and refuses to enroll without asking anyone', async () => {
    const { desk, service, requests, statuses } = deskWithService(null);
    addApplicant(desk.env);
    service.start();
    const expected: SyncStatus = { ...STANDALONE, pending: 1, oldestPendingAt: '2026-11-27T09:30:00.000Z' };
    expect(service.status()).toEqual(expected);
    expect(await service.syncNow()).toEqual(expected);

    // A change saved on a standalone desk is announced at once: the status bar's count moves.
    service.changed();
    expect(statuses).toEqual([expected]);

    const error = await refusal(service.enroll('ABCD-EFGH', 'Вікно 7'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('No back office is configured');
    expect(error.issues).toEqual([{ path: ['code'], message: 'no back office configured' }]);
    await service.waitForIdle();
    expect(requests).toEqual([]);
  });
});

describe('enrolling a desk', () => {
  it('stores the device token and id, then delivers what was waiting, sending the token', async () => {
    const { desk, office, service, requests } = deskWithService('http://back-office.test/');
    addApplicant(desk.env);
    service.start();
    await service.waitForIdle();
    expect(service.status().state).toBe('not_enrolled');
    expect(office.pushes).toEqual([]);

    const status = await service.enroll('ABCD-EFGH', 'Вікно 7');
    expect(tokenOf(desk)).toEqual({ token: 'token-7', deviceId: 'device-7' });
    // Stored sealed with the device key, never as the back office sent it.
    expect(readSyncState(desk.db, 'device_token')).toMatch(/^v1:/);
    expect(readSyncState(desk.db, 'device_token')).not.toContain('token-7');
    expect(requests[0]?.path).toBe('/enroll');
    expect(JSON.parse(requests[0]?.body ?? 'null')).toEqual({
      code: 'ABCD-EFGH',
      deviceName: 'Вікно 7',
      publicKey: deskPublicKey(desk.db),
      centerCode: 'KV01',
      deskCode: '07',
    });
    expect(requests[0]?.headers.get('authorization')).toBeNull();
    expect(office.pushes).toHaveLength(1);
    expect(requests.find((r) => r.path === '/sync/push')?.headers.get('authorization')).toBe('Bearer token-7');
    expect(status).toMatchObject({
      state: 'online',
      pending: 0,
      enrollment: { centerCode: 'KV01', deskCode: '07', since: expect.any(String) },
    });
    expect(await service.syncNow()).toMatchObject({ state: 'online', pending: 0 });
  });

  it('an enrolled desk delivers a change as soon as it is saved, backs off with the random source it was given, and sends nothing once stopped', async () => {
    const draws: number[] = [];
    const { desk, office, service } = deskWithService('http://back-office.test/', undefined, () => {
      draws.push(0.5);
      return 0.5;
    });
    service.start();
    await service.enroll('ABCD-EFGH', 'Вікно 7');
    addApplicant(desk.env);
    service.changed();
    await service.waitForIdle();
    expect(office.pushes).toHaveLength(1);
    expect(draws).toEqual([]);

    office.answerPushes({ status: 500 });
    addApplicant(desk.env, { kind: 'person', surname: 'Друга', givenName: 'Олена', rnokppAbsent: 'religious' });
    service.changed();
    await service.waitForIdle();
    expect(office.pushes.map((p) => p.status)).toEqual([200, 500]);
    expect(draws).toEqual([0.5]);

    await service.stop();
    service.changed();
    await service.waitForIdle();
    expect(office.pushes).toHaveLength(2);
  });

  it('hands the engine a file queue that uses the desk’s token and fetch: a scan’s attach is delivered', async () => {
    const { desk, office, service } = deskWithService('http://back-office.test/');
    const attach = await applicationWithScan(desk);
    service.start();
    await service.enroll('ABCD-EFGH', 'Вікно 7');
    await vi.waitFor(() => expect(office.pushes.flatMap((p) => p.mutationIds)).toContain(attach));
  });

  it.each([
    {
      answer: { status: 401, body: 'unknown code' },
      code: 'VALIDATION',
      message: 'refused the enrollment code: HTTP 401',
      field: 'unknown',
    },
    {
      answer: { status: 400, body: JSON.stringify({ error: { code: 'invalid_code', message: 'code expired' } }) },
      code: 'VALIDATION',
      message: 'refused the enrollment: code expired',
      field: 'not accepted',
    },
    { answer: { status: 503, body: 'starting' }, code: 'UNAVAILABLE', message: 'could not be reached', field: null },
  ])('answered $answer.status: $code, and the desk stays unenrolled', async ({ answer, code, message, field }) => {
    const { desk, office, service } = deskWithService('http://back-office.test/', answer);
    const error = await refusal(service.enroll('ABCD-EFGH', 'Вікно 7'));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.issues ?? null).toEqual(field === null ? null : [{ path: ['code'], message: field }]);
    expect(tokenOf(desk)).toEqual({ token: null, deviceId: null });
    expect(office.pushes).toEqual([]);
  });

  it.each([
    { centerCode: 'LV02', deskCode: '07' },
    { centerCode: 'KV01', deskCode: '08' },
  ])('refuses a code made for $centerCode/$deskCode, naming both desks, and stores nothing', async (other) => {
    const { desk, service } = deskWithService('http://back-office.test/', { status: 200, body: JSON.stringify({ ...ENROLLED, ...other }) });
    const error = await refusal(service.enroll('ABCD-EFGH', 'Вікно 7'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      `The back office refused the enrollment code: The code is for center ${other.centerCode}, desk ${other.deskCode}; this desk is KV01/07`,
    );
    expect(error.issues).toEqual([{ path: ['code'], message: 'other_desk' }]);
    expect(tokenOf(desk)).toEqual({ token: null, deviceId: null });
  });
});
