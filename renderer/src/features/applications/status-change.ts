/**
 * The status change form's draft → the contract's input. The rules themselves (which moves the
 * machine allows, who makes each, what a move needs) are shared/domain/application-status.ts, the
 * same the desk's backend and the back office apply; here the typed fields become the move's data.
 */
import type { Application, ChangeApplicationStatusInput } from '../../../../shared/domain/application';
import { isFinal, statusMoveProblems, transitionOf } from '../../../../shared/domain/application-status';
import type { ApplicationStatus, MoveField, StatusMove } from '../../../../shared/domain/application-status';
import { owedOnHandOver } from '../../../../shared/domain/payment';
import type { Outcome } from '../../../../shared/domain/status-move';
import { validateDay } from '../../../../shared/validate/dates';

export interface StatusChangeDraft {
  to: ApplicationStatus | '';
  reason: string;
  outcomeKind: 'positive' | 'negative';
  decisionNumber: string;
  /** As typed, `ДД.ММ.РРРР`. */
  decisionDate: string;
  /** The codes of the grounds picked from the card's list. */
  grounds: string[];
  /** The grounds as typed where the card lists none: one a line. */
  groundsText: string;
  comment: string;
  receiverParty: 'applicant' | 'representative';
  receiverName: string;
  receiverDocument: string;
  trackingNumber: string;
  transferTo: string;
  withdrawalNumber: string;
  withdrawalDate: string;
  /** The clerk confirmed handing the result over with the fee not settled. */
  unpaidConfirmed: boolean;
}

export const EMPTY_DRAFT: StatusChangeDraft = {
  to: '',
  reason: '',
  outcomeKind: 'positive',
  decisionNumber: '',
  decisionDate: '',
  grounds: [],
  groundsText: '',
  comment: '',
  receiverParty: 'applicant',
  receiverName: '',
  receiverDocument: '',
  trackingNumber: '',
  transferTo: '',
  withdrawalNumber: '',
  withdrawalDate: '',
  unpaidConfirmed: false,
};

/** A form field the clerk must fix: the move's own field paths, joined (`outcome.decisionNumber`). */
export type StatusChangeProblem = string;

/** What the chosen move asks for; none before a move is chosen. */
export function fieldsNeeded(from: ApplicationStatus, to: ApplicationStatus | ''): readonly MoveField[] {
  return to === '' ? [] : (transitionOf(from, to)?.needs ?? []);
}

/** A move that closes the case for good: the form asks to confirm, saying it cannot be undone. */
export function isIrreversible(to: ApplicationStatus | ''): boolean {
  return to !== '' && isFinal(to);
}

/** The person receiving the result, as the form first offers them: the applicant, or the representative whose authority covers it. */
export function defaultReceiver(a: Application): Pick<StatusChangeDraft, 'receiverParty' | 'receiverName' | 'receiverDocument'> {
  if (a.representative?.authority.mayReceiveResult) {
    const doc = a.representative.idDoc;
    return { receiverParty: 'representative', receiverName: a.representative.displayName, receiverDocument: doc ? doc.number : '' };
  }
  return { receiverParty: 'applicant', receiverName: a.applicant.displayName, receiverDocument: '' };
}

const text = (value: string) => value.trim();

function dayOrProblem(value: string, path: string, problems: string[]): string | undefined {
  if (text(value) === '') return undefined;
  const checked = validateDay(value, 'issue_date');
  if (!checked.ok) {
    problems.push(path);
    return undefined;
  }
  return checked.value;
}

function outcomeOf(draft: StatusChangeDraft, problems: string[]): Outcome {
  const decisionDate = dayOrProblem(draft.decisionDate, 'outcome.decisionDate', problems);
  const base = {
    ...(text(draft.decisionNumber) ? { decisionNumber: text(draft.decisionNumber) } : {}),
    ...(decisionDate ? { decisionDate } : {}),
    ...(text(draft.comment) ? { comment: text(draft.comment) } : {}),
  };
  if (draft.outcomeKind === 'positive') return { kind: 'positive', ...base };
  if (!base.decisionNumber) problems.push('outcome.decisionNumber');
  if (!decisionDate && text(draft.decisionDate) === '') problems.push('outcome.decisionDate');
  const grounds =
    draft.grounds.length > 0
      ? draft.grounds
      : draft.groundsText
          .split('\n')
          .map(text)
          .filter((line) => line !== '');
  if (grounds.length === 0) problems.push('outcome.grounds');
  return { kind: 'negative', decisionNumber: base.decisionNumber ?? '', decisionDate: decisionDate ?? '', grounds, ...base };
}

/** The move the draft describes, only with the data its move asks for. */
function moveOf(from: ApplicationStatus, to: ApplicationStatus, draft: StatusChangeDraft, problems: string[]): StatusMove {
  const needs = new Set(fieldsNeeded(from, to));
  const move: StatusMove = { to };
  if (text(draft.reason)) move.reason = text(draft.reason);
  if (needs.has('outcome')) move.outcome = outcomeOf(draft, problems);
  if (needs.has('receiver')) {
    if (!text(draft.receiverName)) problems.push('receiver.name');
    if (!text(draft.receiverDocument)) problems.push('receiver.document');
    move.receiver = { party: draft.receiverParty, name: text(draft.receiverName), document: text(draft.receiverDocument) };
  }
  if (needs.has('trackingNumber') && text(draft.trackingNumber)) move.trackingNumber = text(draft.trackingNumber);
  if (needs.has('transferTo') && text(draft.transferTo)) move.transferTo = text(draft.transferTo);
  if (needs.has('withdrawal')) {
    const requestDate = dayOrProblem(draft.withdrawalDate, 'withdrawal.requestDate', problems);
    if (!text(draft.withdrawalNumber)) problems.push('withdrawal.requestNumber');
    if (text(draft.withdrawalDate) === '') problems.push('withdrawal.requestDate');
    move.withdrawal = { requestNumber: text(draft.withdrawalNumber), requestDate: requestDate ?? '' };
  }
  return move;
}

/**
 * The draft checked as the backend will check it (the machine's rules on this case, as far as the
 * card knows them) plus what only typing can get wrong (a date in the wrong shape) and the
 * confirmation that an unpaid result is handed over: either the
 * input to send or the fields to fix, in the form's order.
 */
export function statusChangeInput(
  application: Application,
  draft: StatusChangeDraft,
  today: string,
  refusalGrounds: readonly string[] | null = null,
): { ok: true; input: ChangeApplicationStatusInput } | { ok: false; problems: StatusChangeProblem[] } {
  if (draft.to === '') return { ok: false, problems: ['to'] };
  const problems: string[] = [];
  const move = moveOf(application.status, draft.to, draft, problems);
  const ruled = statusMoveProblems(application.status, move, {
    refusalGrounds,
    representativeMayReceive: application.representative?.authority.mayReceiveResult ?? false,
    // The desk knows when the result became ready and how long it waits; it answers that one itself.
    resultReadyOn: null,
    today,
    unclaimedAfterDays: 0,
  }).filter((p) => !(p.message === 'unclaimed.too_early'));
  // Only the form asks this: the backend takes the move and records that the fee was owed.
  if (owedOnHandOver(application.balance, draft.to) !== null && !draft.unpaidConfirmed) problems.push('unpaidConfirmed');
  const all = [...new Set([...problems, ...ruled.map((p) => p.path.join('.'))])];
  if (all.length > 0) return { ok: false, problems: all };
  return { ok: true, input: { id: application.id, ...move } };
}
