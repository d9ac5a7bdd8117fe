/**
 * The wire between a desk and the back office (docs/ARCHITECTURE.md §7, docs/SYNC.md). Both sides
 * validate every body with these schemas.
 */
import { z } from 'zod';
import { SessionAssertion } from './clerk-account';

/** Bumped when a change would break older desks; the server answers 426 to a desk below its minimum. */
export const PROTOCOL_VERSION = 2;

export const PUSH_MAX_MUTATIONS = 1000;
export const PUSH_MAX_BYTES = 4 * 1024 * 1024;
export const PULL_MAX_LIMIT = 5000;

export const Health = z.object({
  status: z.literal('ok'),
  storage: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

/** An admin-issued one-time code naming the center and desk it enrolls. */
export const EnrollRequest = z
  .object({
    code: z.string().min(8).max(100),
    deviceName: z.string().trim().min(1).max(200),
    /** The desk's Ed25519 public key (SPKI DER, base64): it signs the clerk sessions its pushes name (shared/clerk-account.ts); required by the server from protocol 2. */
    publicKey: z.string().min(40).max(200).optional(),
    /**
     * The center and desk this desk is configured as: the server refuses a code for another place
     * (`enrollment_code_other_desk`) without using it up. Older desks send neither.
     */
    centerCode: z.string().min(1).max(8).optional(),
    deskCode: z.string().min(1).max(8).optional(),
  })
  .strict();
/** Why the back office refused an enrollment code: the `error.code` of its 401 or 409 answer. */
export const ENROLL_REFUSALS = {
  unknown: 'enrollment_code_unknown',
  expired: 'enrollment_code_expired',
  used: 'enrollment_code_used',
  other_desk: 'enrollment_code_other_desk',
} as const;
export type EnrollRefusal = keyof typeof ENROLL_REFUSALS;
export const EnrollResponse = z.object({ deviceId: z.string(), deviceToken: z.string(), centerCode: z.string(), deskCode: z.string() });
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/**
 * A JSON object of any fields (a mutation's payload, a record's data), checked as one value:
 * z.record parses every key and value into a copy, which was most of the time of reading a
 * 5,000-change pull page on the desk (4–12× its JSON.parse; 2–10 ms now) and of reading a push
 * on the server. Each kind's own schema checks the fields where they are used
 * (shared/sync-mutations.ts, the desk's appliers).
 */
export const JsonObject = z.custom<Record<string, unknown>>(
  // An own `__proto__` (JSON.parse makes one from the text) would set the prototype of whatever
  // the fields are later assigned into: no real payload has one, so it is refused here.
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__'),
  'Expected an object with no "__proto__" field',
);

export const Mutation = z
  .object({
    mutationId: z.uuid(),
    aggregate: z.string().min(3).max(200),
    prevMutationId: z.uuid().nullable(),
    baseVersion: z.number().int().nonnegative().nullable(),
    kind: z.string().min(1).max(100),
    payload: JsonObject,
    /** The clerk who made the change on the desk. */
    actor: z.string().min(1).max(100),
    /**
     * The session the clerk made it in: one of the push's `sessions`. The server refuses a
     * mutation without a valid one on its own (`rejected`), so the schema lets it through.
     */
    sessionId: z.uuid().optional(),
    /** The desk's clock when the change was made: shown, never used for ordering. */
    createdAt: z.string(),
  })
  .strict();
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z
  .object({
    protocol: z.number().int().positive(),
    mutations: z.array(Mutation).min(1).max(PUSH_MAX_MUTATIONS),
    /** The assertions of the sessions the mutations name (each once). */
    sessions: z.array(SessionAssertion).max(PUSH_MAX_MUTATIONS).optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const FieldError = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ mutationId: z.string(), status: z.literal('applied'), version: z.number().int().positive() }),
  /** Seen before with the same payload: the stored result, never a second effect. */
  z.object({ mutationId: z.string(), status: z.literal('duplicate'), version: z.number().int().positive().nullable() }),
  /** An overlapping edit: the server's current record to show the clerk. */
  z.object({
    mutationId: z.string(),
    status: z.literal('conflict'),
    fields: z.array(z.string()),
    server: z.record(z.string(), z.unknown()),
    version: z.number().int(),
  }),
  z.object({
    mutationId: z.string(),
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
    fieldErrors: z.array(FieldError),
  }),
  /** Try again later: a predecessor or a file is missing. */
  z.object({ mutationId: z.string(), status: z.literal('retry_later'), reason: z.enum(['predecessor_missing', 'blob_missing']) }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ results: z.array(MutationResult), serverTime: z.string() });
export type PushResponse = z.infer<typeof PushResponse>;

export const Change = z.object({
  /** The server's commit-ordered change sequence: the pull cursor. */
  seq: z.number().int().positive(),
  entity: z.string(),
  id: z.string(),
  version: z.number().int().positive(),
  /** null for a tombstone. */
  data: JsonObject.nullable(),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** The 410 error code of a pull cursor beyond everything the server holds: it was restored from an older backup. */
export const CURSOR_AHEAD = 'cursor_ahead';

export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Headers every sync request carries. */
export const HEADER_DEVICE_TOKEN = 'authorization';
export const HEADER_ACTOR = 'x-vikno-actor';
export const HEADER_PROTOCOL = 'x-vikno-protocol';
/** The desk's app version, on every request to the back office (the `devices` command shows it). */
export const HEADER_APP_VERSION = 'x-vikno-app-version';
/** What the back office records of that header: a version string, nothing longer or stranger. */
export const AppVersionHeader = z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/);
