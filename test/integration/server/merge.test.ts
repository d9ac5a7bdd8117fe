import { describe, expect, it } from 'vitest';
import { registerMutation, statusMutation, STORAGES, updateMutation, useServer } from './harness';

describe.each(STORAGES)('three-way merge of applications on %s', (kind) => {
  const server = useServer(kind);

  it('applies edits of different fields made from the same base', async () => {
    const [deskA, deskB] = [await server.enrollDesk('C1', 'D1'), await server.enrollDesk('C1', 'D2')];
    const register = registerMutation();
    const id = String(register.payload.id);
    await server.push(deskA, [register]);
    const notes = updateMutation(id, { notes: 'Телефонувати після 14:00' }, 1);
    const delivery = updateMutation(id, { resultDelivery: 'post' }, 1);
    expect((await server.push(deskA, [notes]))[0]).toMatchObject({ status: 'applied', version: 2 });
    expect((await server.push(deskB, [delivery]))[0]).toMatchObject({ status: 'applied', version: 3 });
    const { changes } = await server.pull(deskA, 0);
    const latest = changes.filter((c) => c.id === id).at(-1);
    expect(latest).toMatchObject({ version: 3, data: { notes: 'Телефонувати після 14:00', resultDelivery: 'post' } });
  });

  it('returns overlapping edits as a conflict with the server snapshot', async () => {
    const [deskA, deskB] = [await server.enrollDesk('C1', 'D1'), await server.enrollDesk('C1', 'D2')];
    const register = registerMutation();
    const id = String(register.payload.id);
    await server.push(deskA, [register]);
    await server.push(deskA, [updateMutation(id, { notes: 'A', dueDate: '2026-12-01' }, 1)]);
    const overlapping = updateMutation(id, { notes: 'B', resultDelivery: 'email' }, 1);
    expect((await server.push(deskB, [overlapping]))[0]).toEqual({
      mutationId: overlapping.mutationId,
      status: 'conflict',
      fields: ['notes'],
      server: expect.objectContaining({ notes: 'A', dueDate: '2026-12-01', resultDelivery: 'in_person' }),
      version: 2,
    });
    // Same edit on both sides is agreement, not a conflict.
    expect((await server.push(deskB, [updateMutation(id, { notes: 'A' }, 1)]))[0]).toMatchObject({ status: 'applied' });
  });

  it('treats two status moves from the same status as a conflict', async () => {
    const [deskA, deskB] = [await server.enrollDesk('C1', 'D1'), await server.enrollDesk('C1', 'D2')];
    const register = registerMutation();
    const id = String(register.payload.id);
    await server.push(deskA, [register]);
    await server.push(deskA, [statusMutation(id, 'registered', 'sent_to_provider', register)]);
    const late = statusMutation(id, 'registered', 'withdrawn', null, 'applicant changed their mind');
    expect((await server.push(deskB, [late]))[0]).toMatchObject({
      status: 'conflict',
      fields: ['status'],
      server: { status: 'sent_to_provider' },
      version: 2,
    });
  });
});
