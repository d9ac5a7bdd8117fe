import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ErrorBody, ErrorCode, fail, ok } from '../../../shared/errors';
import { ResultFrame } from '../../../shared/rpc';

describe('envelope and error codes', () => {
  it('is the closed set of docs/ARCHITECTURE.md §4.1', () => {
    expect([...ERROR_CODES].sort()).toEqual(
      ['CONFLICT', 'FORBIDDEN', 'INTERNAL', 'NOT_FOUND', 'STORAGE', 'UNAUTHENTICATED', 'UNAVAILABLE', 'VALIDATION'].sort(),
    );
    expect(ErrorCode.safeParse('OOPS').success).toBe(false);
    expect(ErrorCode.safeParse('validation').success).toBe(false);
  });

  it('builds success and failure envelopes', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    expect(fail('NOT_FOUND', 'no such application')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no such application' } });
    expect(fail('VALIDATION', 'bad', { issues: [{ path: ['a', 0], message: 'x' }] })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'bad', details: { issues: [{ path: ['a', 0], message: 'x' }] } },
    });
  });

  it('refuses an error body with an unknown code or without a message', () => {
    expect(ErrorBody.safeParse({ code: 'TEAPOT', message: 'x' }).success).toBe(false);
    expect(ErrorBody.safeParse({ code: 'INTERNAL' }).success).toBe(false);
    expect(ResultFrame.safeParse({ kind: 'result', id: 1, result: { ok: false, error: { code: 'NOPE', message: 'x' } } }).success).toBe(
      false,
    );
    expect(ResultFrame.safeParse({ kind: 'result', id: 1, result: { ok: true, value: null } }).success).toBe(true);
  });
});
