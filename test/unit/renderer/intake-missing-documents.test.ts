import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChecklistLine } from '../../../renderer/src/features/intake/intake-form';
import { checkInsisted, missingRequired } from '../../../renderer/src/features/intake/missing-documents';

const line = fc.record<ChecklistLine>({
  key: fc.uuid(),
  nameUk: fc.constantFrom('Заява', 'Паспорт', 'Квитанція'),
  nameEn: fc.constant(''),
  fromCatalog: fc.boolean(),
  required: fc.boolean(),
  submitted: fc.boolean(),
  original: fc.boolean(),
  sheets: fc.constant('1'),
});
const insisted = fc.record({ on: fc.boolean(), reason: fc.constantFrom('', '   ', 'Принесе завтра') });

describe('missing required documents', () => {
  it('are the catalog’s required lines not ticked, and nothing else', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (items) => {
        const missing = missingRequired(items);
        for (const l of items) expect(missing.includes(l)).toBe(l.fromCatalog && l.required && !l.submitted);
      }),
    );
  });

  it('register only with the applicant’s insistence and a reason, which is sent exactly then', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), insisted, (items, fields) => {
        const check = checkInsisted(items, fields);
        const missing = missingRequired(items).length > 0;
        const reason = fields.reason.trim();
        expect(check.errors.length === 0).toBe(!missing || (fields.on && reason !== ''));
        expect(check.insisted).toEqual(missing && fields.on && reason !== '' ? { reason } : undefined);
        if (missing && !fields.on) expect(check.errors.map((e) => e.field)).toEqual(['insisted.on']);
        if (missing && fields.on && reason === '') expect(check.errors.map((e) => e.field)).toEqual(['insisted.reason']);
      }),
    );
  });
});
