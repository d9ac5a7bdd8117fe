/**
 * A representative's authority as the form holds it, checked as the backend will check it
 * (shared/domain/application.ts `Authority`, and a lapsed one refused): each basis's required
 * fields, the dates, and only the fields the basis shows are sent.
 */
import type { AuthorityInput } from '../../../../shared/domain/application';
import { validateDay, validateIssueDate } from '../../../../shared/validate/dates';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { isBasis, isLegalDocument, requiredFor, shownFor } from './authority-form';
import type { AuthorityField } from './authority-form';
import { optional, text } from './collector';
import type { Collector } from './collector';
import type { AuthorityFields } from './intake-form';

const AT = 'representative.authority';

const REQUIRED_TEXT: Readonly<Partial<Record<string, PlainMessageKey>>> = {
  documentNumber: 'intake.err.authority.documentNumber',
  documentDate: 'intake.err.authority.documentDate',
  notary: 'intake.err.authority.notary',
  legalDocument: 'intake.err.authority.legalDocument',
  registryChecked: 'intake.err.authority.registryChecked',
  description: 'intake.err.authority.description',
};

export function checkAuthority(c: Collector, a: AuthorityFields, today: string): AuthorityInput | null {
  if (!isBasis(a.basis)) {
    c.error(`${AT}.basis`, text('intake.err.authority.basis'));
    return null;
  }
  const before = c.errors.length;
  const shown = shownFor(a.basis);
  const given = (field: AuthorityField & ('documentNumber' | 'notary' | 'description')) =>
    shown.has(field) ? optional(a[field]) : undefined;
  const documentDate = shown.has('documentDate')
    ? c.check(`${AT}.documentDate`, a.documentDate, (v) => validateIssueDate(v, today))
    : undefined;
  const validUntil = shown.has('validUntil') ? c.check(`${AT}.validUntil`, a.validUntil, (v) => validateDay(v, 'valid_until')) : undefined;
  const authority: AuthorityInput = {
    basis: a.basis,
    documentNumber: given('documentNumber'),
    documentDate,
    notary: given('notary'),
    legalDocument: shown.has('legalDocument') && isLegalDocument(a.legalDocument) ? a.legalDocument : undefined,
    registryChecked: shown.has('registryChecked') ? a.registryChecked : undefined,
    description: given('description'),
    validUntil,
    mayReceiveResult: a.mayReceiveResult,
  };
  const problemAt = new Set(c.errors.slice(before).map((e) => e.field));
  for (const field of requiredFor(a.basis)) {
    const value = authority[field as AuthorityField];
    const missing = field === 'registryChecked' ? value !== true : value === undefined;
    // A date typed wrong already says so.
    if (missing && !problemAt.has(`${AT}.${field}`)) c.error(`${AT}.${field}`, text(REQUIRED_TEXT[field] ?? 'intake.err.rejected'));
  }
  if (validUntil !== undefined && validUntil < today) c.error(`${AT}.validUntil`, text('intake.err.authority.expired'));
  else if (validUntil !== undefined && documentDate !== undefined && validUntil < documentDate) {
    c.error(`${AT}.validUntil`, text('intake.err.authority.validUntilBeforeDate'));
  }
  return c.errors.length === before ? authority : null;
}
