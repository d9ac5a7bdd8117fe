/**
 * Sync health in words a supervisor reads (issue 15): the record a change is about, why the back
 * office did not take it, and the two versions side by side as values the renderer words and
 * formats (labels, local times) — never raw JSON.
 */
import { z } from 'zod';

/** The record a queued or refused change is about, as a person recognises it. */
export const ChangeRecord = z.object({
  /** `application`, `applicant`, `ticket`, `calendar`, … (the aggregate's kind). */
  entity: z.string(),
  id: z.string(),
  /** An application's registration number, a ticket's number. */
  number: z.string().nullable(),
  /** The applicant's name (of the application, or the applicant itself). */
  applicantName: z.string().nullable(),
});
export type ChangeRecord = z.infer<typeof ChangeRecord>;

/** One value of a field, typed for display: a status gets its label, a moment its local time. */
export const FieldValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('yes_no'), value: z.boolean() }),
  z.object({ kind: z.literal('day'), day: z.string() }),
  z.object({ kind: z.literal('time'), iso: z.string() }),
  z.object({ kind: z.literal('status'), status: z.string() }),
  z.object({ kind: z.literal('delivery'), channel: z.string() }),
]);
export type FieldValue = z.infer<typeof FieldValue>;

/** A field the change sets: this desk's value and the back office's (null: it sent none back). */
export const ComparedField = z.object({ field: z.string(), mine: FieldValue, server: FieldValue.nullable() });
export type ComparedField = z.infer<typeof ComparedField>;

/** Why the back office did not take the change: a refusal's code and fields, a conflict's fields, or a note (transport trouble). */
export const Refusal = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rejected'), code: z.string(), fields: z.array(z.string()) }),
  z.object({ type: z.literal('conflict'), fields: z.array(z.string()) }),
  z.object({ type: z.literal('other') }),
]);
export type Refusal = z.infer<typeof Refusal>;
