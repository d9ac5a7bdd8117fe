import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFileName } from '../../../main/backend/documents/case-files';

const line = fc.record({
  id: fc.uuid(),
  receipt: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  position: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
});

describe('a document file name', () => {
  it('is always one plain file name ending in .pdf, whatever the registration number holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), line, (regNumber, doc) => {
        const name = documentFileName(regNumber, doc);
        expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.pdf$/);
      }),
    );
  });

  it('names the registration number and the receipt line, or the document when it has no line', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,8}-[0-9]{2}-[0-9]{8}-[0-9]{4}$/), line, (regNumber, doc) => {
        const expected = doc.receipt !== null && doc.position !== null ? `${doc.receipt}-${doc.position}` : doc.id;
        expect(documentFileName(regNumber, doc)).toBe(`${regNumber}-${expected}.pdf`);
      }),
    );
    expect(documentFileName('KV01-07/2026 №1', { id: 'x', receipt: 1, position: 2 })).toBe('KV01-07_2026_1-1-2.pdf');
    expect(documentFileName('../etc', { id: 'x', receipt: 1, position: 2 })).toBe('__etc-1-2.pdf');
  });
});
