/**
 * Every intake field has an id: the key for its problem, the anchor the error summary links to,
 * and (through `fieldDomId`) the DOM id focus moves to.
 */
import type { ValidationCode } from '../../../../shared/validate/messages';
import type { PlainMessageKey } from '../../i18n/dictionary';

export type FieldId = string;

/** What is wrong with a field: a shared validation code (bilingual text) or a screen message. */
export type Problem = { kind: 'code'; code: ValidationCode } | { kind: 'text'; key: PlainMessageKey };

export interface FieldProblem {
  field: FieldId;
  problem: Problem;
}

export function fieldDomId(field: FieldId): string {
  return `intake-${field.replace(/[^A-Za-z0-9]/g, '-')}`;
}

export function errorDomId(field: FieldId): string {
  return `${fieldDomId(field)}-error`;
}

export const itemField = (key: string, part: 'sheets' | 'name' | 'submitted'): FieldId => `items.${key}.${part}`;
