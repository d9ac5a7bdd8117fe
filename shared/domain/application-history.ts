/**
 * An application's status history as it travels inside the synced record (the back office's
 * `statusHistory`): every desk shows exactly these steps after sync (docs/SYNC.md, "History
 * that never lies").
 */
import { z } from 'zod';
import { ApplicationStatus } from './application-status';

export const StatusStep = z.object({
  from: ApplicationStatus.nullable(),
  to: ApplicationStatus,
  reason: z.string().nullable(),
  receivedBy: z.string().nullable(),
  at: z.string(),
  /** The clerk account that made the step. */
  actorId: z.string(),
  /**
   * The clerk's name when the step was made, sent by the desk with the step: the back office
   * does not know desk-local clerk accounts, and a desk knows only its own. Null for steps
   * recorded before names travelled.
   */
  actorName: z.string().nullable(),
  /** The desk mutation that made the step: how a desk matches its own delivered steps. */
  mutationId: z.string(),
  /**
   * A supervisor's correction made this step, for this reason (issue 15). A correction of fields
   * only is a step that keeps the status (`from` = `to`).
   */
  correctionReason: z.string().optional(),
});
export type StatusStep = z.infer<typeof StatusStep>;

export const StatusHistory = z.array(StatusStep);

/** The name a step's author goes by in a mutation payload (`application.register`, `application.status`). */
export const ActorName = z.string().trim().min(1).max(300);
