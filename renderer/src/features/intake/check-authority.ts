/**
 * A representative's authority as the form holds it, checked as far as the screen can before the
 * backend applies the per-basis rules (shared/domain/application.ts `Authority`).
 */
import type { AuthorityInput } from '../../../../shared/domain/application';
import { RepresentationBasis } from '../../../../shared/domain/application';
import { validateIssueDate, validateDay } from '../../../../shared/validate/dates';
import { optional, text } from './collector';
import type { Collector } from './collector';
import type { AuthorityFields } from './intake-form';

export function checkAuthority(c: Collector, a: AuthorityFields, today: string): AuthorityInput | null {
  const basis = RepresentationBasis.safeParse(a.basis);
  if (!basis.success) {
    c.error('representative.authority.basis', text('intake.err.authorityBasis'));
    return null;
  }
  const legalDocument =
    a.legalDocument === 'birth_certificate' || a.legalDocument === 'guardianship_decision' ? a.legalDocument : undefined;
  return {
    basis: basis.data,
    documentNumber: optional(a.documentNumber),
    documentDate: c.check('representative.authority.documentDate', a.documentDate, (v) => validateIssueDate(v, today)),
    notary: optional(a.notary),
    legalDocument,
    registryChecked: a.registryChecked || undefined,
    description: optional(a.description),
    validUntil: c.check('representative.authority.validUntil', a.validUntil, (v) => validateDay(v, 'valid_until')),
    mayReceiveResult: a.mayReceiveResult,
  };
}
