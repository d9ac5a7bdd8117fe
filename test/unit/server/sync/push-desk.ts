/**
 * An enrolled desk with a signed-in clerk, written straight into the back office's tables (device,
 * account, a session verified earlier), and the mutations its outbox sends: for the unit tests of push
 * without enrollment over HTTP. How sessions are verified is server/clerks' and has its own tests.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Device } from '../../../../server/auth/devices';
import type { Mutation } from '../../../../shared/sync-protocol';
import type { Records } from './apply/store-fixture';

export interface TestDesk {
  device: Device;
  /** Its device token, as it sends it to the sync routes. */
  token: string;
  /** Mutations as this desk's signed-in clerk makes them. */
  mutation(aggregate: string, kind: string, payload: Record<string, unknown>, more?: Partial<Mutation>): Mutation;
  register(id?: string, more?: Partial<Mutation>): Mutation;
  update(id: string, fields: Record<string, unknown>, baseVersion: number | null, prev?: Mutation | null): Mutation;
}

export async function enrolledDesk(records: Records, centerCode = 'C1'): Promise<TestDesk> {
  const device: Device = { id: randomUUID(), centerCode, deskCode: '01' };
  const clerkId = `clerk-${device.id.slice(0, 8)}`;
  const sessionId = randomUUID();
  const token = randomUUID();
  await records.sql('INSERT INTO devices (id, center_code, desk_code, name, token_hash) VALUES ($1, $2, $3, $4, $5)', [
    device.id,
    centerCode,
    device.deskCode,
    `${centerCode}/${device.deskCode}`,
    createHash('sha256').update(token).digest('hex'),
  ]);
  const account = {
    id: clerkId,
    centerCode,
    login: clerkId,
    fullName: 'Олена Коваль',
    roles: ['clerk'],
    desks: null,
    passwordHash: 'not used',
    pinHash: null,
    mustChangePassword: false,
    disabled: false,
  };
  await records.sql('INSERT INTO clerks (id, center_code, version, data) VALUES ($1, $2, 1, $3)', [
    clerkId,
    centerCode,
    JSON.stringify(account),
  ]);
  await records.sql('INSERT INTO clerk_sessions (id, device_id, clerk_id, started_at) VALUES ($1, $2, $3, $4)', [
    sessionId,
    device.id,
    clerkId,
    '2026-11-02T08:00:00.000Z',
  ]);
  const mutation: TestDesk['mutation'] = (aggregate, kind, payload, more = {}) => ({
    mutationId: randomUUID(),
    aggregate,
    prevMutationId: null,
    baseVersion: null,
    kind,
    payload,
    actor: clerkId,
    sessionId,
    createdAt: '2026-11-02T09:00:00.000Z',
    ...more,
  });
  return {
    device,
    token,
    mutation,
    register: (id = randomUUID(), more = {}) =>
      mutation(
        `application:${id}`,
        'application.register',
        {
          id,
          regNumber: `${centerCode}-01-${id.slice(0, 8)}`,
          registeredAt: '2026-11-02T09:00:00.000Z',
          registeredOn: '2026-11-02',
          dueDate: '2026-11-20',
          serviceId: 'svc-1',
          applicantId: 'applicant-1',
          items: [{ name: 'Заява', original: true, sheets: 1 }],
        },
        more,
      ),
    update: (id, fields, baseVersion, prev = null) =>
      mutation(`application:${id}`, 'application.update', { id, ...fields }, { baseVersion, prevMutationId: prev?.mutationId ?? null }),
  };
}
