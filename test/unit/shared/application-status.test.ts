import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  allowedTransitions,
  canTransition,
  isFinal,
  roleMayMove,
  statusMoveProblems,
} from '../../../shared/domain/application-status';
import type { ApplicationStatus, MoveContext } from '../../../shared/domain/application-status';
import { ROLES } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';

/** The full matrix, written out here rather than read from the module under test: move, who makes it, what it needs. */
const MATRIX: Array<[ApplicationStatus, ApplicationStatus, Role, string[]]> = [
  ['registered', 'sent_to_provider', 'clerk', []],
  ['registered', 'withdrawn', 'clerk', ['withdrawal']],
  ['registered', 'registered_in_error', 'supervisor', ['reason']],
  ['sent_to_provider', 'in_progress', 'provider', []],
  ['sent_to_provider', 'result_ready', 'provider', ['outcome']],
  ['sent_to_provider', 'transferred', 'provider', ['transferTo', 'reason']],
  ['sent_to_provider', 'withdrawn', 'clerk', ['withdrawal']],
  ['sent_to_provider', 'registered_in_error', 'supervisor', ['reason']],
  ['in_progress', 'needs_info', 'provider', ['reason']],
  ['in_progress', 'result_ready', 'provider', ['outcome']],
  ['in_progress', 'transferred', 'provider', ['transferTo', 'reason']],
  ['in_progress', 'withdrawn', 'clerk', ['withdrawal']],
  ['needs_info', 'in_progress', 'provider', []],
  ['needs_info', 'withdrawn', 'clerk', ['withdrawal']],
  ['result_ready', 'issued', 'clerk', ['receiver']],
  ['result_ready', 'sent_by_post', 'clerk', ['trackingNumber']],
  ['result_ready', 'returned_unclaimed', 'clerk', []],
  ['sent_by_post', 'delivered', 'clerk', []],
];

const CTX: MoveContext = {
  refusalGrounds: ['incomplete', 'not_entitled'],
  representativeMayReceive: false,
  resultReadyOn: '2026-10-01',
  today: '2026-12-03',
  unclaimedAfterDays: 30,
};

describe('application status machine: every move with its role', () => {
  const listed = new Map(MATRIX.map(([from, to, role, needs]) => [`${from}→${to}`, { role, needs }]));
  const cells = APPLICATION_STATUSES.flatMap((from) =>
    APPLICATION_STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)),
  );

  it.each(cells)('%s → %s by %s is allowed exactly when the matrix lists it for that role', (from, to, role) => {
    const entry = listed.get(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(entry !== undefined);
    expect(roleMayMove(from, to, [role])).toBe(entry?.role === role);
  });

  it.each(MATRIX)('%s → %s (%s) asks for exactly %j', (from, to, _role, needs) => {
    expect(statusMoveProblems(from, { to }, CTX).map((p) => p.path.join('.'))).toEqual(needs);
  });

  it('offers each role only its own moves', () => {
    expect(allowedTransitions('registered', ['clerk'])).toEqual(['sent_to_provider', 'withdrawn']);
    expect(allowedTransitions('registered', ['clerk', 'supervisor'])).toEqual(['sent_to_provider', 'withdrawn', 'registered_in_error']);
    expect(allowedTransitions('in_progress', ['provider'])).toEqual(['needs_info', 'result_ready', 'transferred']);
    expect(allowedTransitions('in_progress', ['clerk', 'supervisor'])).toEqual(['withdrawn']);
    expect(allowedTransitions('result_ready', ['provider'])).toEqual([]);
  });

  it('ends in issued, delivered, transferred, withdrawn, registered in error, returned unclaimed and the legacy refused', () => {
    expect(APPLICATION_STATUSES.filter(isFinal).sort()).toEqual(
      ['delivered', 'issued', 'refused', 'registered_in_error', 'returned_unclaimed', 'transferred', 'withdrawn'].sort(),
    );
  });

  it('lets nobody enter the legacy refused status', () => {
    for (const from of APPLICATION_STATUSES) expect(canTransition(from, 'refused')).toBe(false);
  });
});

describe('what a move needs from the case', () => {
  const refusal = { kind: 'negative' as const, decisionNumber: '17/2', decisionDate: '2026-12-01', grounds: ['incomplete'] };

  it('takes a refusal whose grounds are on the service card, and names each ground that is not', () => {
    expect(statusMoveProblems('in_progress', { to: 'result_ready', outcome: refusal }, CTX)).toEqual([]);
    expect(
      statusMoveProblems('in_progress', { to: 'result_ready', outcome: { ...refusal, grounds: ['incomplete', 'whim'] } }, CTX),
    ).toEqual([{ path: ['outcome', 'grounds', 1], message: 'decision.unknown_ground' }]);
  });

  it('accepts any grounds where the card lists none (a catalog of earlier versions)', () => {
    expect(
      statusMoveProblems('in_progress', { to: 'result_ready', outcome: { ...refusal, grounds: ['x'] } }, { ...CTX, refusalGrounds: null }),
    ).toEqual([]);
  });

  it('refuses a decision dated after today', () => {
    expect(statusMoveProblems('in_progress', { to: 'result_ready', outcome: { ...refusal, decisionDate: '2026-12-04' } }, CTX)).toEqual([
      { path: ['outcome', 'decisionDate'], message: 'decision.date_in_future' },
    ]);
  });

  it('issues to a representative only when their authority covers receiving', () => {
    const receiver = { party: 'representative' as const, name: 'Петренко Іван', document: 'ID 000000001' };
    expect(statusMoveProblems('result_ready', { to: 'issued', receiver }, CTX)).toEqual([
      { path: ['receiver', 'party'], message: 'receiver.not_authorised' },
    ]);
    expect(statusMoveProblems('result_ready', { to: 'issued', receiver }, { ...CTX, representativeMayReceive: true })).toEqual([]);
    expect(statusMoveProblems('result_ready', { to: 'issued', receiver: { ...receiver, party: 'applicant' } }, CTX)).toEqual([]);
  });

  it('returns a result unclaimed only once it waited the configured days', () => {
    const move = { to: 'returned_unclaimed' as const };
    expect(statusMoveProblems('result_ready', move, { ...CTX, resultReadyOn: '2026-11-03' })).toEqual([]);
    expect(statusMoveProblems('result_ready', move, { ...CTX, resultReadyOn: '2026-11-04' })).toEqual([
      { path: ['to'], message: 'unclaimed.too_early' },
    ]);
    expect(statusMoveProblems('result_ready', move, { ...CTX, resultReadyOn: null })).toEqual([
      { path: ['to'], message: 'unclaimed.too_early' },
    ]);
  });
});
