/**
 * The application (звернення) status machine of docs/ARCHITECTURE.md §6.1, the one copy the desk's backend, the renderer's
 * form and the back office all use. Each move names the role that makes it: the provider decides
 * (in progress, suspend, resume, result ready, transferred), the center's clerk hands off and
 * issues, a supervisor cancels a registration made in error. `overdue` and the other flags are
 * derived (status-flags.ts), never stored.
 */
import { z } from 'zod';
import type { Role } from '../roles';
import type { MoveData } from './status-move';

export const APPLICATION_STATUSES = [
  'registered',
  'sent_to_provider',
  'in_progress',
  /** The suspended state; the id is kept from earlier versions (docs/ARCHITECTURE.md §6.1). */
  'needs_info',
  'result_ready',
  'issued',
  'sent_by_post',
  'delivered',
  'transferred',
  'withdrawn',
  'registered_in_error',
  'returned_unclaimed',
  /** Earlier versions let a clerk refuse; such cases still read, nobody can enter it now. */
  'refused',
] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** The data field a move must carry, if any. */
export type MoveField = keyof MoveData;

export interface Transition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  role: Role;
  needs: readonly MoveField[];
}

const t = (from: ApplicationStatus, to: ApplicationStatus, role: Role, ...needs: MoveField[]): Transition => ({ from, to, role, needs });

/** Every allowed move. Withdrawal and cancellation stop at `result_ready`: a decided case is issued or returned. */
export const TRANSITIONS: readonly Transition[] = [
  t('registered', 'sent_to_provider', 'clerk'),
  t('registered', 'withdrawn', 'clerk', 'withdrawal'),
  t('registered', 'registered_in_error', 'supervisor', 'reason'),
  t('sent_to_provider', 'in_progress', 'provider'),
  t('sent_to_provider', 'result_ready', 'provider', 'outcome'),
  t('sent_to_provider', 'transferred', 'provider', 'transferTo', 'reason'),
  t('sent_to_provider', 'withdrawn', 'clerk', 'withdrawal'),
  t('sent_to_provider', 'registered_in_error', 'supervisor', 'reason'),
  t('in_progress', 'needs_info', 'provider', 'reason'),
  t('in_progress', 'result_ready', 'provider', 'outcome'),
  t('in_progress', 'transferred', 'provider', 'transferTo', 'reason'),
  t('in_progress', 'withdrawn', 'clerk', 'withdrawal'),
  t('needs_info', 'in_progress', 'provider'),
  t('needs_info', 'withdrawn', 'clerk', 'withdrawal'),
  t('result_ready', 'issued', 'clerk', 'receiver'),
  t('result_ready', 'sent_by_post', 'clerk', 'trackingNumber'),
  t('result_ready', 'returned_unclaimed', 'clerk'),
  t('sent_by_post', 'delivered', 'clerk'),
];

export function transitionOf(from: ApplicationStatus, to: ApplicationStatus): Transition | undefined {
  return TRANSITIONS.find((move) => move.from === from && move.to === to);
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return transitionOf(from, to) !== undefined;
}

/** The moves from `from`; given roles, only those one of them may make. */
export function allowedTransitions(from: ApplicationStatus, roles?: readonly Role[]): ApplicationStatus[] {
  return TRANSITIONS.filter((move) => move.from === from && (roles === undefined || roles.includes(move.role))).map((move) => move.to);
}

/** Whether one of `roles` may make the move (false for a move the machine has no arrow for). */
export function roleMayMove(from: ApplicationStatus, to: ApplicationStatus, roles: readonly Role[]): boolean {
  const move = transitionOf(from, to);
  return move !== undefined && roles.includes(move.role);
}

export function isFinal(status: ApplicationStatus): boolean {
  return !TRANSITIONS.some((move) => move.from === status);
}

/** What the move is checked against besides its own data: the case and the desk's rules. */
export interface MoveContext {
  /** The codes of the service card's grounds for refusal; null where the card lists none (a catalog of earlier versions). */
  refusalGrounds: readonly string[] | null;
  /** The case has a representative whose authority covers receiving the result. */
  representativeMayReceive: boolean;
  /** The day the result became ready (for returning it unclaimed), null if it never did. */
  resultReadyOn: string | null;
  /** The day the move is made (the desk's local day). */
  today: string;
  /** How many days a result waits for the applicant before it may go back to the provider. */
  unclaimedAfterDays: number;
}

export type StatusMove = { to: ApplicationStatus } & MoveData;

/** A broken rule of a move as a field path of the move, the shape AppError and a rejection carry. */
export interface MoveProblem {
  path: (string | number)[];
  message: string;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function outcomeProblems(outcome: NonNullable<MoveData['outcome']>, ctx: MoveContext): MoveProblem[] {
  const problems: MoveProblem[] = [];
  if (outcome.decisionDate !== undefined && outcome.decisionDate > ctx.today) {
    problems.push({ path: ['outcome', 'decisionDate'], message: 'decision.date_in_future' });
  }
  if (outcome.kind === 'negative' && ctx.refusalGrounds !== null) {
    const known = new Set(ctx.refusalGrounds);
    outcome.grounds.forEach((code, index) => {
      if (!known.has(code)) problems.push({ path: ['outcome', 'grounds', index], message: 'decision.unknown_ground' });
    });
  }
  return problems;
}

/**
 * The rules a move from `from` breaks (empty: allowed), whoever makes it: the role is checked
 * apart (roleMayMove), since a wrong role is FORBIDDEN and these are VALIDATION. A move the
 * machine has no arrow for is only that; otherwise each field the move needs and lacks, and what
 * the case rules out (a representative without authority to receive, grounds not on the card, a
 * result returned before its waiting time).
 */
export function statusMoveProblems(from: ApplicationStatus, move: StatusMove, ctx: MoveContext): MoveProblem[] {
  const transition = transitionOf(from, move.to);
  if (!transition) return [{ path: ['to'], message: `not allowed from ${from}` }];
  const problems: MoveProblem[] = transition.needs
    .filter((field) => move[field] === undefined)
    .map((field) => ({ path: [field], message: 'required' }));
  if (move.outcome !== undefined && transition.needs.includes('outcome')) problems.push(...outcomeProblems(move.outcome, ctx));
  if (move.receiver?.party === 'representative' && !ctx.representativeMayReceive) {
    problems.push({ path: ['receiver', 'party'], message: 'receiver.not_authorised' });
  }
  if (
    move.to === 'returned_unclaimed' &&
    (ctx.resultReadyOn === null || daysBetween(ctx.resultReadyOn, ctx.today) < ctx.unclaimedAfterDays)
  ) {
    problems.push({ path: ['to'], message: 'unclaimed.too_early' });
  }
  return problems;
}
