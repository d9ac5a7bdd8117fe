import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { canTransition, roleMayMove } from '../../shared/domain/application-status';
import { StatusHistory } from '../../shared/domain/application-history';
import { DeadlineUnit } from '../../shared/domain/deadline-rule';
import { dueAfterSuspensions } from '../../shared/domain/status-flags';
import { StatusFacts } from '../../shared/domain/status-facts';
import type { WorkCalendar } from '../../shared/calendar';
import { CenterCalendarData, DEFAULT_CENTER_CALENDAR, workCalendarOf } from '../../shared/domain/center-calendar';
import { ProviderStatusRequest, ProviderTokenRequest } from '../../shared/provider-protocol';
import type { ProviderCases, ProviderStatusResponse, ProviderTokenResponse } from '../../shared/provider-protocol';
import { requireAdmin } from '../admin/admin-routes';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { EntityStore } from '../sync/entity-store';
import type { EntityData } from '../sync/entity-store';
import { moveStatus, representativeMayReceive } from '../sync/apply/status-move';
import { createProviderToken, requireProvider } from './provider-tokens';

const BODY_MAX_BYTES = 16 * 1024;
/** The day of a move as the center counts days (the back office keeps no time zone setting of its own yet). */
const CENTER_TIME_ZONE = 'Europe/Kyiv';

/** The application in `/provider/applications/:id/status`: an id is at most 64 characters, longer is no route (404). */
const STATUS_PATH = '/provider/applications/:id([^/]{1,64})/status';
const StatusParams = z.object({ id: z.string() });

function localDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The service's provider ЄДРПОУ, its grounds for refusal and term unit, as its information card (Service v2) has them. */
function card(service: EntityData | undefined): { edrpou: string | null; grounds: string[] | null; unit: DeadlineUnit } {
  const provider = service?.provider as { edrpou?: unknown } | undefined;
  const grounds = service?.refusalGrounds;
  const unit = DeadlineUnit.safeParse(service?.deadlineUnit);
  return {
    edrpou: typeof provider?.edrpou === 'string' ? provider.edrpou : null,
    grounds: Array.isArray(grounds) ? grounds.flatMap((g: { code?: unknown }) => (typeof g.code === 'string' ? [g.code] : [])) : null,
    unit: unit.success ? unit.data : 'calendar_days',
  };
}

/**
 * The provider's staff on the back office (docs/ARCHITECTURE.md §8): an admin issues a token for
 * a provider's ЄДРПОУ; with it, the staff list the cases handed off to that provider and make the
 * provider-side moves, each a new version desks pull. Checked by the same machine as every move.
 */
export function providerRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/admin/provider-tokens',
      {
        bodyLimit: BODY_MAX_BYTES,
        schema: { body: ProviderTokenRequest },
        onRequest: async (request) => requireAdmin(request, adminToken),
      },
      async (request): Promise<ProviderTokenResponse> => {
        const { edrpou } = request.body;
        return { token: await createProviderToken(storage, edrpou), edrpou };
      },
    );
    app.get('/provider/applications', async (request): Promise<ProviderCases> => {
      const { edrpou } = await requireProvider(request, storage);
      const rows = await storage.query<{ id: string; center_code: string; version: number; data: EntityData }>(
        `SELECT a.id, a.center_code, a.version, a.data FROM applications a JOIN services s ON s.id = a.data->>'serviceId'
           WHERE s.data->'provider'->>'edrpou' = $1 AND a.data->>'status' IN ('sent_to_provider', 'in_progress', 'needs_info')
           ORDER BY a.data->>'registeredAt', a.id`,
        [edrpou],
      );
      return {
        applications: rows.map((r) => ({
          id: r.id,
          regNumber: String(r.data.regNumber),
          centerCode: r.center_code,
          status: r.data.status as ProviderCases['applications'][number]['status'],
          serviceId: String(r.data.serviceId),
          registeredOn: String(r.data.registeredOn),
          dueDate: String(r.data.dueDate),
          version: Number(r.version),
        })),
      };
    });
    app.post(
      STATUS_PATH,
      { bodyLimit: BODY_MAX_BYTES, schema: { params: StatusParams, body: ProviderStatusRequest } },
      async (request): Promise<ProviderStatusResponse> => {
        const { edrpou } = await requireProvider(request, storage);
        const { id } = request.params;
        const body = request.body;
        const now = deps.now();
        return storage.transaction(async (tx) => {
          const store = new EntityStore(tx);
          const current = await store.load('application', id);
          const service = current ? await store.load('service', String(current.data.serviceId)) : null;
          const terms = card(service?.data);
          if (!current || terms.edrpou !== edrpou) throw new HttpError(404, 'not_found', `No application ${id} of this provider`);
          if (current.data.status !== body.from)
            throw new HttpError(409, 'status_changed', `The application is ${String(current.data.status)} now, not ${body.from}`);
          if (!canTransition(body.from, body.to))
            throw new HttpError(422, 'transition_forbidden', `An application that is ${body.from} cannot become ${body.to}`);
          if (!roleMayMove(body.from, body.to, ['provider']))
            throw new HttpError(403, 'role_forbidden', `Moving an application to ${body.to} is the center's, not the provider's`);
          const at = now.toISOString();
          const day = localDay(now);
          const { from, to, actorName, ...data } = body;
          const moved = moveStatus(
            current.data,
            { from, to, reason: data.reason ?? null, at, day, ...data },
            { representativeMayReceive: representativeMayReceive(current.data), unclaimedAfterDays: 0, refusalGrounds: terms.grounds },
          );
          if (!moved.ok) {
            const problems = moved.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
            throw new HttpError(422, 'invalid_move', `An application that is ${from} cannot become ${to} this way — ${problems}`);
          }
          const calendarRow = current.centerCode === null ? null : await store.load('calendar', current.centerCode);
          const calendar = workCalendarOf(calendarRow ? CenterCalendarData.parse(calendarRow.data) : DEFAULT_CENTER_CALENDAR);
          const record = withMovedDue(moved.record, from, terms.unit, calendar);
          const step = {
            from,
            to,
            reason: data.reason ?? null,
            receivedBy: null,
            at,
            actorId: `provider:${edrpou}`,
            actorName,
            mutationId: randomUUID(),
          };
          const version = current.version + 1;
          const history = StatusHistory.default([]).parse(current.data.statusHistory);
          store.save('application', { ...current, version, data: { ...record, statusHistory: [...history, step] } });
          store.recordStatus({
            applicationId: id,
            from,
            to,
            reason: step.reason,
            receivedBy: null,
            at,
            clerkId: step.actorId,
            mutationId: step.mutationId,
          });
          store.keepStaged();
          await store.flush();
          return { id, status: to, version, dueDate: String(record.dueDate) };
        });
      },
    );
  };
}

/** Resuming moves the due date on by the suspension, as a desk does, with the center's calendar. */
function withMovedDue(record: EntityData, from: string, unit: DeadlineUnit, calendar: WorkCalendar): EntityData {
  if (from !== 'needs_info') return record;
  const facts = StatusFacts.parse(record);
  const original = facts.originalDueDate ?? String(record.dueDate);
  const due = dueAfterSuspensions(original, facts.suspensions, unit, calendar);
  return due === record.dueDate ? record : { ...record, dueDate: due, originalDueDate: original };
}
