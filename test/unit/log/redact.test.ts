import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSensitiveKey, REDACTED, redactFields, scrubJsonLine, scrubText } from '../../../shared/redact';
import { documentNumber, email, phone, rnokpp, secret, shapedIdentifier } from '../../helpers/identifier-arbitraries';

/** Text around an identifier: anything at all, or the words and punctuation a log line carries. */
const around = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '"', ':', '=', 'РНОКПП ', 'token=', 'Bearer ', '\n    at ', '№', 'АК', 'x', '0', '-', '\\', '\\u'),
);

describe('scrubText', () => {
  it('never lets a generated РНОКПП, document number, phone, e-mail or token through, embedded anywhere', () => {
    fc.assert(
      fc.property(shapedIdentifier, around, around, (id, before, after) => {
        expect(scrubText(before + id + after)).not.toContain(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches them inside a JSON line and an error stack, and the line stays JSON', () => {
    fc.assert(
      fc.property(shapedIdentifier, around, (id, before) => {
        const error = new Error(`Cannot register ${before}${id}`);
        const line = JSON.stringify({ level: 50, msg: 'Handler failed', error: error.stack, note: `${id}\t${before}` });
        const scrubbed = scrubText(line);
        expect(scrubbed).not.toContain(id);
        expect(() => JSON.parse(scrubbed) as unknown).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('each kind alone, by name', () => {
    const cases: Array<[fc.Arbitrary<string>, (id: string) => string, (id: string) => string]> = [
      [rnokpp, (id) => `rnokpp ${id}`, () => `rnokpp ${REDACTED}`],
      [phone, (id) => `call ${id}.`, () => `call ${REDACTED}.`],
      [email, (id) => `<${id}>`, () => `<${REDACTED}>`],
      [secret, (id) => `token=${id}`, () => `token=${REDACTED}`],
    ];
    for (const [arbitrary, embed, expected] of cases) {
      fc.assert(
        fc.property(arbitrary, (id) => {
          expect(scrubText(embed(id))).toBe(expected(id));
        }),
      );
    }
    fc.assert(
      fc.property(documentNumber, (id) => {
        expect(scrubText(id)).not.toContain(id);
      }),
    );
  });

  it('keeps what support needs: times, dates, correlation ids, short numbers, words and JSON escapes', () => {
    const line =
      '{"level":30,"time":"2026-12-04T15:31:53.123Z","msg":"Handler of intake.register failed",' +
      '"correlationId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","from":"2026-12-01","count":12345,"port":5710,"error":"Error: x\\n    at y"}';
    expect(scrubText(line)).toBe(line);
  });

  it('does not keep a UUID-shaped string that hides nine digits in a row', () => {
    expect(scrubText('0a1b2c3d-4e5f-4a6b-8c7d-123456789012')).toBe(REDACTED);
  });
});

describe('scrubJsonLine', () => {
  it('scrubs every string and key of a JSON line, replaces numbers of nine digits or more, and keeps it JSON', () => {
    fc.assert(
      fc.property(shapedIdentifier, around, fc.double({ min: 0, max: 1e6, noNaN: true }), (id, before, small) => {
        const line = JSON.stringify({ msg: `${before}${id}`, [id]: 1, took: small, rnokpp: Number('1759013776') }) + '\n';
        const scrubbed = scrubJsonLine(line);
        expect(scrubbed).not.toContain(id);
        expect(scrubbed).not.toContain('1759013776');
        expect(scrubbed.endsWith('\n')).toBe(true);
        const parsed = JSON.parse(scrubbed) as Record<string, unknown>;
        expect(parsed.took).toBe(small);
      }),
      { numRuns: 500 },
    );
  });

  it('scrubs a line that is not JSON as text', () => {
    expect(scrubJsonLine('rnokpp 1759013776')).toBe(`rnokpp ${REDACTED}`);
  });
});

describe('redactFields', () => {
  it('replaces the values of personal and secret keys at any depth, and keeps the rest', () => {
    const fields = {
      applicant: { fullName: 'Петренко Ольга' },
      party: { lastName: 'Петренко', first_name: 'Ольга', count: 2 },
      list: [{ login: 'o.petrenko' }, { deviceToken: 'x' }],
      headers: { Authorization: 'Bearer abc', accept: 'json' },
      name: 'Петренко-паспорт.pdf',
      error: 'kept for the line scrubber',
      entity: 'applicant',
    };
    expect(redactFields(fields)).toEqual({
      applicant: REDACTED,
      party: { lastName: REDACTED, first_name: REDACTED, count: 2 },
      list: [{ login: REDACTED }, { deviceToken: REDACTED }],
      headers: { Authorization: REDACTED, accept: 'json' },
      name: REDACTED,
      error: 'kept for the line scrubber',
      entity: 'applicant',
    });
  });

  it('turns an error into its type, message and stack, and cuts cycles', () => {
    const cyclic: Record<string, unknown> = { id: 'a' };
    cyclic.self = cyclic;
    const out = redactFields({ error: new TypeError('bad'), cyclic }) as {
      error: Record<string, unknown>;
      cyclic: Record<string, unknown>;
    };
    expect(out.error.type).toBe('TypeError');
    expect(out.error.message).toBe('bad');
    expect(String(out.error.stack)).toContain('TypeError: bad');
    expect(out.cyclic.self).toBe('[cut]');
  });

  it('knows secrets by any spelling and leaves ordinary keys alone', () => {
    for (const key of ['enrollmentCode', 'enrollment_code', 'adminToken', 'token', 'password', 'clientSecret', 'cookie', 'pin'])
      expect(isSensitiveKey(key), key).toBe(true);
    for (const key of ['code', 'error', 'reason', 'entity', 'id', 'pages', 'pinAllowed', 'file'])
      expect(isSensitiveKey(key), key).toBe(false);
  });
});
