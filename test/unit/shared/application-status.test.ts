import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, allowedTransitions, canTransition, isFinal, isOverdue } from '../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../shared/domain/application-status';

const ALLOWED: Array<[ApplicationStatus, ApplicationStatus]> = [
  ['registered', 'sent_to_provider'],
  ['registered', 'refused'],
  ['registered', 'withdrawn'],
  ['sent_to_provider', 'in_progress'],
  ['sent_to_provider', 'result_ready'],
  ['sent_to_provider', 'refused'],
  ['sent_to_provider', 'withdrawn'],
  ['in_progress', 'needs_info'],
  ['in_progress', 'result_ready'],
  ['in_progress', 'refused'],
  ['in_progress', 'withdrawn'],
  ['needs_info', 'in_progress'],
  ['needs_info', 'refused'],
  ['needs_info', 'withdrawn'],
  ['result_ready', 'issued'],
  ['result_ready', 'returned_unclaimed'],
];

describe('application status machine', () => {
  const allowed = new Set(ALLOWED.map(([a, b]) => `${a}→${b}`));
  const all = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));

  it.each(all)('%s → %s is allowed exactly when listed', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}→${to}`));
  });

  it('has exactly the listed moves', () => {
    expect(APPLICATION_STATUSES.flatMap((from) => allowedTransitions(from).map((to) => `${from}→${to}`)).sort()).toEqual(
      [...allowed].sort(),
    );
  });

  it('ends in issued, refused, withdrawn or returned_unclaimed', () => {
    expect(APPLICATION_STATUSES.filter(isFinal).sort()).toEqual(['issued', 'refused', 'returned_unclaimed', 'withdrawn']);
  });

  it('derives overdue from the due date for open applications only', () => {
    expect(isOverdue('in_progress', '2026-11-27', '2026-11-28')).toBe(true);
    expect(isOverdue('in_progress', '2026-11-27', '2026-11-27')).toBe(false);
    expect(isOverdue('issued', '2026-11-27', '2026-12-28')).toBe(false);
    expect(isOverdue('result_ready', '2026-11-27', '2026-12-28')).toBe(false);
  });
});
