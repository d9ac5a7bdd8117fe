/** The refusals every policy shares (server/sync/apply/outcome.ts): what a desk's dead letter says. */
import { describe, expect, it } from 'vitest';
import { invalidPayload, rejected, wrongCenter } from '../../../../../server/sync/apply/outcome';
import { parsePayload } from '../../../../../shared/sync-mutations';

describe('policy outcomes', () => {
  it('rejects with a code, a message and no field errors unless some are given', () => {
    expect(rejected('not_found', 'No application a-1')).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: 'No application a-1',
      fieldErrors: [],
    });
    const fieldErrors = [{ path: ['payload', 'id'], message: 'Required' }];
    expect(rejected('x', 'y', fieldErrors)).toEqual({ status: 'rejected', code: 'x', message: 'y', fieldErrors });
  });

  it("names a payload's refused fields under `payload`, array places as numbers", () => {
    const parsed = parsePayload('application.update', { id: 'a-1', items: [{ name: 7 }] });
    expect(parsed.success).toBe(false);
    const outcome = invalidPayload(parsed.error?.issues ?? []);
    expect(outcome).toMatchObject({ status: 'rejected', code: 'invalid_payload', message: 'The mutation payload does not match its kind' });
    const paths = outcome.status === 'rejected' ? outcome.fieldErrors.map((e) => e.path) : [];
    expect(paths).toContainEqual(['payload', 'items', 0, 'name']);
    for (const path of paths) expect(path[0]).toBe('payload');
  });

  it('keeps each issue message and turns any other key into its name', () => {
    expect(
      invalidPayload([
        { path: [Symbol('odd'), 3, 'x'], message: 'Too long' },
        { path: [], message: 'Unknown key' },
      ]),
    ).toEqual({
      status: 'rejected',
      code: 'invalid_payload',
      message: 'The mutation payload does not match its kind',
      fieldErrors: [
        { path: ['payload', 'Symbol(odd)', 3, 'x'], message: 'Too long' },
        { path: ['payload'], message: 'Unknown key' },
      ],
    });
    expect(invalidPayload([])).toMatchObject({ fieldErrors: [] });
  });

  it("tells a desk writing another center's record why", () => {
    expect(wrongCenter()).toEqual({
      status: 'rejected',
      code: 'wrong_center',
      message: "This record belongs to another center; a desk writes only its own center's data",
      fieldErrors: [],
    });
  });
});
