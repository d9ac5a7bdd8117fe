/**
 * The back office's endpoints for a provider's staff (docs/ARCHITECTURE.md §8): the cases handed
 * off to their body and the provider-side status moves (in progress, suspend, resume, decision,
 * transfer). Each move becomes a new version of the record that desks pull.
 */
import { z } from 'zod';
import { ApplicationStatus } from './domain/application-status';
import { ActorName } from './domain/application-history';
import { MoveData } from './domain/status-move';
import { zEdrpou } from './validate/zod';

export const ProviderTokenRequest = z.object({ edrpou: zEdrpou }).strict();
export const ProviderTokenResponse = z.object({ token: z.string(), edrpou: z.string() });
export type ProviderTokenResponse = z.infer<typeof ProviderTokenResponse>;

export const ProviderCase = z.object({
  id: z.string(),
  regNumber: z.string(),
  centerCode: z.string(),
  status: ApplicationStatus,
  serviceId: z.string(),
  registeredOn: z.string(),
  dueDate: z.string(),
  version: z.number().int(),
});
export type ProviderCase = z.infer<typeof ProviderCase>;
export const ProviderCases = z.object({ applications: z.array(ProviderCase) });
export type ProviderCases = z.infer<typeof ProviderCases>;

/** A provider-side move: `from` is the status the staff member saw (a move since then is a conflict); who made it, by name. */
export const ProviderStatusRequest = z
  .object({ from: ApplicationStatus, to: ApplicationStatus, actorName: ActorName })
  .extend(MoveData.shape)
  .strict();
export type ProviderStatusRequest = z.infer<typeof ProviderStatusRequest>;
export const ProviderStatusResponse = z.object({
  id: z.string(),
  status: ApplicationStatus,
  version: z.number().int(),
  dueDate: z.string(),
});
export type ProviderStatusResponse = z.infer<typeof ProviderStatusResponse>;
