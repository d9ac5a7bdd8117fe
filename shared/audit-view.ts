/**
 * The audit trail as a supervisor reads it (docs/ARCHITECTURE.md §5.4): filters, entries with the
 * clerk's name and the details in words, and the chain's newest check.
 */
import { z } from 'zod';
import { isCalendarDay } from './calendar';

const Day = z.string().refine(isCalendarDay, 'use a real date as YYYY-MM-DD');

export const AUDIT_LIST_MAX = 500;

export const AuditQuery = z
  .object({
    from: Day,
    to: Day,
    /** A clerk's id. */
    actor: z.string().trim().min(1).max(64).optional(),
    /** An action (`applicant.view`) or its family (`export`, matching `export.*`). */
    action: z
      .string()
      .trim()
      .regex(/^[a-z_]+(\.[a-z_]+)?$/, 'an action such as applicant.view, or its family such as export')
      .optional(),
    entity: z.string().trim().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(AUDIT_LIST_MAX).default(100),
    /** Entries older than this sequence number: the next page. */
    before: z.number().int().positive().optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'the period ends before it starts' });
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One detail of an entry as plain text (no JSON): the renderer words `key` (`audit.detail.<key>`). */
export const AuditDetail = z.object({ key: z.string(), value: z.string() });

export const AuditViewEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actorId: z.string(),
  /** The clerk's full name, or null for an id this desk does not know. */
  actorName: z.string().nullable(),
  /** The desk the entry was written on (`center/desk`). */
  desk: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** A registration number or a name the entity is known by, where the desk has one. */
  entityLabel: z.string().nullable(),
  details: z.array(AuditDetail),
});
export type AuditViewEntry = z.infer<typeof AuditViewEntry>;
