import { canTransition, roleMayMove, statusMoveProblems } from '../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../shared/domain/application-status';
import { Authority } from '../../../shared/domain/application';
import type { ChangeApplicationStatusInput, StoredApplication } from '../../../shared/domain/application';
import { dueAfterSuspensions } from '../../../shared/domain/status-flags';
import { factsAfterMove, StatusFacts } from '../../../shared/domain/status-facts';
import { CaseTerms } from '../../../shared/domain/case-snapshot';
import { deadlineDate } from '../../../shared/domain/deadline-date';
import { owedOnHandOver, paymentBalance } from '../../../shared/domain/payment';
import { getService } from '../catalog/queries';
import { AppError } from '../../../shared/errors';
import { loadCalendar } from '../catalog/services';
import { localDay } from '../clock';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { clerkName } from '../clerks/clerk-name';
import { readPayments } from '../payments/queries';
import { getApplicationById, NO_DUE_DATE } from './queries';
import { statement } from '../db/statements';

type ChangeStatus = Omit<ChangeApplicationStatusInput, 'id' | 'to'> & Required<Pick<ChangeApplicationStatusInput, 'id' | 'to'>>;

interface CurrentRow {
  status: ApplicationStatus;
  server_version: number | null;
  status_facts: string | null;
  due_date: string;
  rep_authority: string | null;
  service_id: string;
  terms: string | null;
  payments_tracked: number;
}

/**
 * Moves an application along the status machine (docs/ARCHITECTURE.md §6.1). A move the machine
 * has no arrow for, or one lacking what it needs, is VALIDATION with the move's field paths; a
 * move the caller's roles do not make is FORBIDDEN. A refusal's grounds are the service card's.
 * Leaving a suspension moves the due date on by its length in the unit of the term the case was
 * registered under, counted with this desk's calendar; the first time, the due date set at
 * registration is kept as the original. A term that runs from the hand-off (§6.4) is dated by the
 * hand-off itself, and that date is the original. A supervisor's correction
 * (review/correct-application.ts) passes its reason: the step carries it to the back office and
 * the audit event keeps it.
 */
export function changeApplicationStatus(env: CommandEnv, input: ChangeStatus, correctionReason?: string): StoredApplication {
  const now = env.now();
  const at = now.toISOString();
  const day = localDay(now, env.desk.timeZone);
  runCommand(env.db, () => {
    const current = statement(
      env.db,
      `SELECT status, server_version, status_facts, due_date, rep_authority, service_id, terms, payments_tracked
         FROM applications WHERE id = ? AND deleted_at IS NULL`,
    ).get(input.id) as CurrentRow | undefined;
    if (!current) throw new AppError('NOT_FOUND', `No application ${input.id}`, [{ path: ['id'], message: 'no such application' }]);
    const { id, ...move } = input;
    const facts = StatusFacts.parse(current.status_facts === null ? {} : JSON.parse(current.status_facts));
    const terms = current.terms === null ? null : CaseTerms.parse(JSON.parse(current.terms));
    const grounds = getService(env.db, current.service_id)?.refusalGrounds.map((ground) => ground.code) ?? [];
    const problems = statusMoveProblems(current.status, move, {
      // A card that lists no grounds (one carried over from before the information card) takes the decision's as stated.
      refusalGrounds: grounds.length > 0 ? grounds : null,
      representativeMayReceive: current.rep_authority !== null && Authority.parse(JSON.parse(current.rep_authority)).mayReceiveResult,
      resultReadyOn: facts.resultReadyOn,
      today: day,
      unclaimedAfterDays: env.desk.statusRules.unclaimedAfterDays,
    });
    if (canTransition(current.status, move.to) && !roleMayMove(current.status, move.to, env.roles)) {
      throw new AppError('FORBIDDEN', `Moving an application from ${current.status} to ${move.to} is not for your role`, [
        { path: ['to'], message: 'status.role_forbidden' },
      ]);
    }
    if (problems.length > 0)
      throw new AppError('VALIDATION', `An application that is ${current.status} cannot become ${move.to} this way`, problems);
    const next = factsAfterMove(facts, current.status, move, day);
    // Handing the result over with the fee unpaid is allowed (it may be settled otherwise) but on record.
    const balance = paymentBalance(current.payments_tracked === 1 ? (terms?.fee ?? null) : null, readPayments(env.db, id));
    const owed = owedOnHandOver(balance, move.to);
    const handoffDue =
      move.to === 'sent_to_provider' && terms !== null
        ? deadlineDate(terms.deadline, { anchor: 'handoff', at: now }, env.desk.timeZone, loadCalendar(env.db))
        : null;
    const originalDue = handoffDue ?? facts.originalDueDate ?? current.due_date;
    // A term run from the hand-off gets its date now; leaving a suspension moves the date on. The
    // other moves keep it as it was printed and pulled (a case of before the due date, none: nothing to move).
    const due =
      handoffDue ??
      (current.status === 'needs_info' && originalDue !== NO_DUE_DATE
        ? dueAfterSuspensions(originalDue, next.suspensions, terms?.deadline.unit ?? 'calendar_days', loadCalendar(env.db))
        : current.due_date);
    const dueMoved = due !== current.due_date;
    if (dueMoved) next.originalDueDate = originalDue;
    const info = statement(
      env.db,
      'UPDATE applications SET status = ?, status_facts = ?, due_date = ?, updated_at = ? WHERE id = ? AND status = ?',
    ).run(move.to, JSON.stringify(next), due, at, id, current.status);
    if (info.changes !== 1) throw new Error(`Status change of ${id} changed ${info.changes} rows`);
    // The step shows in the history from the outbox until the back office's history, pulled with the record, holds it.
    recordChange(
      env,
      at,
      {
        kind: 'application.status',
        payload: {
          ...move,
          id,
          from: current.status,
          reason: move.reason ?? null,
          receivedBy: move.receiver?.name ?? null,
          at,
          day,
          ...(dueMoved ? { dueDate: due } : {}),
          actorName: clerkName(env.db, env.clerkId),
          ...(correctionReason === undefined ? {} : { correctionReason }),
        },
        baseVersion: current.server_version,
      },
      {
        action: 'application.status',
        entity: 'application',
        entityId: id,
        details: {
          from: current.status,
          to: move.to,
          ...(owed === null ? {} : { issuedUnpaid: { outstandingKopecks: owed } }),
          ...(correctionReason === undefined ? {} : { correctionReason }),
        },
      },
    );
  });
  const application = getApplicationById(env.db, input.id);
  if (!application) throw new Error(`Application ${input.id} vanished after commit`);
  return application;
}
