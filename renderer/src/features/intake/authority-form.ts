/**
 * Which fields each basis of a representative's authority shows and requires. What is required is
 * read from the contract itself, so the screen and the backend cannot disagree about it.
 */
import { Authority, RepresentationBasis } from '../../../../shared/domain/application';
import type { AuthorityFields } from './intake-form';

export type Basis = RepresentationBasis;
export type LegalDocument = 'birth_certificate' | 'guardianship_decision';
export const BASES: readonly Basis[] = RepresentationBasis.options;
export const LEGAL_DOCUMENTS: readonly LegalDocument[] = ['birth_certificate', 'guardianship_decision'];

export const isBasis = (value: string): value is Basis => (BASES as readonly string[]).includes(value);
export const isLegalDocument = (value: string): value is LegalDocument => (LEGAL_DOCUMENTS as readonly string[]).includes(value);

export type AuthorityField = Exclude<keyof AuthorityFields, 'basis' | 'mayReceiveResult'>;

/** What each basis asks about; a field not shown for the basis is never sent. */
export const SHOWN_FOR: Readonly<Record<Basis, readonly AuthorityField[]>> = {
  poa_notarised: ['documentNumber', 'documentDate', 'notary', 'validUntil'],
  poa_simple: ['documentNumber', 'documentDate', 'validUntil'],
  poa_electronic: ['documentNumber', 'documentDate', 'validUntil'],
  legal_representative: ['legalDocument', 'documentNumber', 'documentDate', 'validUntil'],
  company_head: ['registryChecked'],
  advocate: ['documentNumber', 'documentDate', 'validUntil'],
  other: ['description', 'documentNumber', 'documentDate', 'validUntil'],
};

export function shownFor(basis: string): ReadonlySet<AuthorityField> {
  return new Set(isBasis(basis) ? SHOWN_FOR[basis] : []);
}

/** The fields the contract requires for a basis: those a bare basis fails on. */
export function requiredFor(basis: string): ReadonlySet<string> {
  if (!isBasis(basis)) return new Set();
  const parsed = Authority.safeParse({ basis });
  return new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
}

const actsInFull = (basis: string) => basis === 'legal_representative' || basis === 'company_head';

/**
 * A parent or a company head acts in full for the person: receiving the result is part of it by
 * default. Leaving such a basis for another takes that default back, so a power of attorney never
 * inherits a scope nobody read off it.
 */
export function withBasis(fields: AuthorityFields, basis: string): AuthorityFields {
  const mayReceiveResult = actsInFull(basis) ? true : actsInFull(fields.basis) ? false : fields.mayReceiveResult;
  return { ...fields, basis, mayReceiveResult };
}
