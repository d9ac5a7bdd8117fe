/** A registration number is used once per center: the back office refuses a second holder (issue 10). */
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync-protocol';
import { registerMutation, STORAGES, useServer } from './harness';

/** A registration of a new application carrying `regNumber`. */
function numbered(regNumber: string): Mutation {
  const m = registerMutation();
  return { ...m, payload: { ...m.payload, regNumber } };
}

const taken = (m: Mutation) => ({
  mutationId: m.mutationId,
  status: 'rejected',
  code: 'reg_number_taken',
  message: expect.stringContaining('C1-D1-20261102-0004'),
  fieldErrors: [{ path: ['payload', 'regNumber'], message: 'already used in this center' }],
});

describe.each(STORAGES)('registration numbers on %s', (kind) => {
  const server = useServer(kind);
  const countHolders = async (center: string, regNumber: string) => {
    const [row] = await server.storage.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM applications WHERE center_code = $1 AND data->>'regNumber' = $2",
      [center, regNumber],
    );
    return Number(row?.n);
  };

  it('refuses a second application with a number already used in the center, from a later push or the same batch', async () => {
    const desk = await server.enrollDesk('C1');
    const first = numbered('C1-D1-20261102-0004');
    const again = numbered('C1-D1-20261102-0004');
    const inBatch = [numbered('C1-D1-20261102-0004'), numbered('C1-D1-20261102-0005'), numbered('C1-D1-20261102-0005')];
    expect(await server.push(desk, [first])).toEqual([{ mutationId: first.mutationId, status: 'applied', version: 1 }]);
    expect(await server.push(desk, [again])).toEqual([taken(again)]);
    const results = await server.push(desk, inBatch);
    expect(results).toEqual([
      taken(inBatch[0]!),
      { mutationId: inBatch[1]!.mutationId, status: 'applied', version: 1 },
      expect.objectContaining({ status: 'rejected', code: 'reg_number_taken' }),
    ]);
    expect(await countHolders('C1', 'C1-D1-20261102-0004')).toBe(1);
    expect(await countHolders('C1', 'C1-D1-20261102-0005')).toBe(1);
    // The refusal is logged like any other: the same mutation sent again gets the same answer.
    expect(await server.push(desk, [again])).toEqual([taken(again)]);
  });

  it('lets another center use the same number', async () => {
    const [c1, c2] = [await server.enrollDesk('C1'), await server.enrollDesk('C2')];
    const [a, b] = [numbered('X-D1-20261102-0001'), numbered('X-D1-20261102-0001')];
    expect(await server.push(c1, [a])).toEqual([{ mutationId: a.mutationId, status: 'applied', version: 1 }]);
    expect(await server.push(c2, [b])).toEqual([{ mutationId: b.mutationId, status: 'applied', version: 1 }]);
  });

  it('two desks pushing one number at the same moment: exactly one holds it, the other is refused, never a 500', async () => {
    const [d1, d2] = [await server.enrollDesk('C1', 'D1'), await server.enrollDesk('C1', 'D2')];
    for (let round = 0; round < 5; round += 1) {
      const regNumber = `C1-D9-20261102-${String(round).padStart(4, '0')}`;
      const [a, b] = [numbered(regNumber), numbered(regNumber)];
      const [[ra], [rb]] = await Promise.all([server.push(d1, [a]), server.push(d2, [b])]);
      expect([ra!.status, rb!.status].sort()).toEqual(['applied', 'rejected']);
      expect([ra, rb].find((r) => r!.status === 'rejected')).toMatchObject({ code: 'reg_number_taken' });
      expect(await countHolders('C1', regNumber)).toBe(1);
    }
  });

  it('the unique index holds even for a writer that skips the check', async () => {
    await server.enrollDesk('C1');
    const insert = (id: string) =>
      server.storage.query(`INSERT INTO applications (id, center_code, version, data) VALUES ($1, 'C1', 1, $2::jsonb)`, [
        id,
        JSON.stringify({ regNumber: 'C1-D1-20261102-0777' }),
      ]);
    await insert('raw-1');
    await expect(insert('raw-2')).rejects.toMatchObject({ code: '23505' });
  });
});
