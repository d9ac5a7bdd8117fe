import { z } from 'zod';
import { PlaceCode } from '../../shared/place-code';

export const AdminEnrollRequest = z.object({ centerCode: PlaceCode, deskCode: PlaceCode }).strict();
export const AdminEnrollResponse = z.object({ code: z.string(), centerCode: z.string(), deskCode: z.string(), validHours: z.number() });
export type AdminEnrollResponse = z.infer<typeof AdminEnrollResponse>;

export const AdminRevokeRequest = z.object({ deviceId: z.string().trim().min(1).max(100) }).strict();
export const AdminRevokeResponse = z.object({ deviceId: z.string(), revoked: z.boolean() });
export type AdminRevokeResponse = z.infer<typeof AdminRevokeResponse>;

/** What publishing a catalog did: services with a new version, unchanged, withdrawn (no longer listed). */
export const PublishResultSchema = z.object({
  center: z.string().nullable(),
  published: z.number(),
  unchanged: z.number(),
  withdrawn: z.number(),
});

/** What publishing a center's queue configuration did (server/queue/publish-config.ts). */
export const QueueConfigPublishedSchema = z.object({ centerCode: z.string(), version: z.number(), unchanged: z.boolean() });

export const AdminDevicesRequest = z.object({ centerCode: PlaceCode.nullable() }).strict();
export const AdminDevicesResponse = z.object({
  devices: z.array(
    z.object({
      id: z.string(),
      centerCode: z.string(),
      deskCode: z.string(),
      name: z.string(),
      enrolledAt: z.string(),
      lastSeenAt: z.string().nullable(),
      appVersion: z.string().nullable(),
      revokedAt: z.string().nullable(),
    }),
  ),
});
export type AdminDevicesResponse = z.infer<typeof AdminDevicesResponse>;
