import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Authority } from '../../../shared/domain/application';
import { BASES, SHOWN_FOR } from '../../../renderer/src/features/intake/authority-form';
import { checkAuthority } from '../../../renderer/src/features/intake/check-authority';
import { Collector } from '../../../renderer/src/features/intake/collector';
import type { AuthorityFields } from '../../../renderer/src/features/intake/intake-form';

const TODAY = '2026-12-03';

/** What a clerk may have left in the authority's fields, including from a basis chosen before. */
const typed = fc.record<AuthorityFields>({
  basis: fc.constantFrom('', ...BASES),
  documentNumber: fc.constantFrom('', '  ', 'ННА 123456', '1234'),
  documentDate: fc.constantFrom('', '01.10.2025', '2025-10-01', '31.02.2025', '01.10.2030', 'вчора'),
  notary: fc.constantFrom('', 'Кравець Л. М.'),
  legalDocument: fc.constantFrom('', 'birth_certificate', 'guardianship_decision'),
  registryChecked: fc.boolean(),
  description: fc.constantFrom('', 'договір доручення'),
  validUntil: fc.constantFrom('', '01.01.2030', '01.01.2021', '01.01.2025', '32.13.2030'),
  mayReceiveResult: fc.boolean(),
});

describe('checkAuthority', () => {
  it('sends only what the chosen basis shows, and what it sends the contract accepts', () => {
    fc.assert(
      fc.property(typed, (fields) => {
        const c = new Collector();
        const authority = checkAuthority(c, fields, TODAY);
        if (authority === null) {
          expect(c.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(c.errors).toEqual([]);
        const sent = Object.entries(authority)
          .filter(([, value]) => value !== undefined)
          .map(([key]) => key);
        const allowed = new Set<string>(['basis', 'mayReceiveResult', ...SHOWN_FOR[authority.basis]]);
        expect(sent.filter((key) => !allowed.has(key))).toEqual([]);
        expect(Authority.safeParse(authority).success).toBe(true);
        if (authority.validUntil !== undefined) expect(authority.validUntil >= TODAY).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses, at its field, every authority the contract refuses', () => {
    fc.assert(
      fc.property(typed, (fields) => {
        const c = new Collector();
        const authority = checkAuthority(c, fields, TODAY);
        for (const e of c.errors) expect(e.field.startsWith('representative.authority.')).toBe(true);
        if (fields.basis === '') expect(c.errors.map((e) => e.field)).toEqual(['representative.authority.basis']);
        else if (authority === null) expect(c.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a company head needs the register checked, nothing else', () => {
    const c = new Collector();
    const base: AuthorityFields = {
      basis: 'company_head',
      documentNumber: '',
      documentDate: '',
      notary: '',
      legalDocument: '',
      registryChecked: false,
      description: '',
      validUntil: '',
      mayReceiveResult: true,
    };
    expect(checkAuthority(c, base, TODAY)).toBeNull();
    expect(c.errors.map((e) => e.field)).toEqual(['representative.authority.registryChecked']);
    expect(checkAuthority(new Collector(), { ...base, registryChecked: true }, TODAY)).toEqual({
      basis: 'company_head',
      registryChecked: true,
      mayReceiveResult: true,
    });
  });
});
