import { applicantApplier } from '../applicants/apply-pulled';
import { applicationApplier } from '../applications/apply-pulled';
import { calendarApplier } from '../calendar/apply-pulled';
import { clerkApplier } from '../clerks/apply-pulled';
import { ticketApplier } from '../tickets/apply-pulled';
import { serviceApplier, subsistenceMinimumApplier } from '../catalog/apply-pulled';
import type { PulledApplier } from './pulled-change';

/**
 * Entity (as the back office names it in a pulled change) → how this desk applies it. A new
 * synced entity adds its `<domain>/apply-pulled.ts` here; an entity not listed is skipped with a
 * note in the log.
 */
export const PULLED_APPLIERS: Readonly<Record<string, PulledApplier>> = {
  applicant: applicantApplier,
  application: applicationApplier,
  ticket: ticketApplier,
  calendar: calendarApplier,
  clerk: clerkApplier,
  service: serviceApplier,
  subsistence_minimum: subsistenceMinimumApplier,
};
