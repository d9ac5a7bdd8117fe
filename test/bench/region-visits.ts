/**
 * What one desk of a center pushes in a working day, visit by visit, for the region load driver
 * (region.bench.ts). The proportions are a region's day (issue 17): ~50,000 applications and
 * ~150,000 queue events, so 3 queue events per application. A visit here is a walk-in ticket's
 * four events (issue, call, arrival, end of service); one in two visitors is new on file (an
 * applicant row); every third visit registers two applications, so 3 visits make 4 applications
 * and 12 queue events; each application is handed to its provider once (a status move). Every
 * payload is read with the protocol's own schema before it is sent (shared/sync-mutations.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Mutation } from '../../shared/sync-protocol';
import { aggregateOf, parsePayload } from '../../shared/sync-mutations';
import type { MutationKind, MutationPayload } from '../../shared/sync-mutations';

/** Who pushes: the desk's place, its signed-in clerk and that clerk's session. */
export interface DeskIdentity {
  centerCode: string;
  deskCode: string;
  clerkId: string;
  clerkName: string;
  sessionId: string;
}

/** Two services of docs/catalog.sample.json, and the queue of region.bench.ts that serves each. */
export const VISIT_SERVICES = [
  { id: 'sample-id-01', code: 'ID-01', queueCode: 'A' },
  { id: 'sample-rm-01', code: 'RM-01', queueCode: 'B' },
] as const;

/** One protocol mutation of `kind`, refused here (a bench bug) if the shared schema would refuse it. */
export function mutationOf<K extends MutationKind>(
  desk: DeskIdentity,
  kind: K,
  payload: MutationPayload<K>,
  prev: Mutation | null,
  at: Date,
): Mutation {
  const parsed = parsePayload(kind, payload);
  if (!parsed.success) throw new Error(`the region bench built an invalid ${kind}: ${parsed.error.message}`);
  return {
    mutationId: randomUUID(),
    aggregate: aggregateOf(kind, payload),
    prevMutationId: prev?.mutationId ?? null,
    baseVersion: null,
    kind,
    payload: payload as Record<string, unknown>,
    actor: desk.clerkId,
    sessionId: desk.sessionId,
    createdAt: at.toISOString(),
  };
}

function applicant(id: string, serial: number): MutationPayload<'applicant.create'> {
  const surname = ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Мельник'][serial % 5]!;
  return {
    id,
    kind: 'person',
    surname,
    given_name: 'Марʼяна',
    patronymic: 'Іванівна',
    birth_date: '1988-03-14',
    sex: 'female',
    rnokpp: String(3_000_000_000 + serial).slice(0, 10),
    rnokpp_refused: 0,
    id_doc_type: null,
    id_doc_number: null,
    id_doc_issuer: null,
    id_doc_issued_on: null,
    unzr: null,
    address: 'м. Київ, вул. Хрещатик, 1, кв. 5',
    phone: '+380671234567',
    email: null,
    notify_by: 'sms',
    edrpou: null,
    legal_name: null,
    display_name: `${surname} Марʼяна Іванівна`,
    search_name: `${surname.toLowerCase()} маряна іванівна`,
  };
}

function day(at: Date, plusDays = 0): string {
  return new Date(at.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** An application.register as a desk of this build sends it: items, the receipt's frozen snapshot, who registered. */
function registration(
  desk: DeskIdentity,
  id: string,
  applicantId: string,
  serial: number,
  at: Date,
): MutationPayload<'application.register'> {
  const regNumber = `${desk.centerCode}-${desk.deskCode}-${String(serial).padStart(6, '0')}`;
  const service = VISIT_SERVICES[serial % VISIT_SERVICES.length]!;
  const dueDate = day(at, 30);
  return {
    id,
    regNumber,
    serviceId: service.id,
    applicantId,
    items: [
      { name: 'Заява', original: true, sheets: 1 },
      { name: 'Паспорт громадянина України (копія)', original: false, sheets: 2 },
      { name: 'Квитанція про сплату адміністративного збору', original: true, sheets: 1 },
    ],
    resultDelivery: 'in_person',
    registeredAt: at.toISOString(),
    registeredOn: day(at),
    dueDate,
    actorName: desk.clerkName,
    snapshot: {
      regNumber,
      registeredAt: at.toISOString(),
      registeredOn: day(at),
      timeZone: 'Europe/Kyiv',
      center: { code: desk.centerCode, name: 'ЦНАП стенду' },
      window: desk.deskCode,
      clerk: { id: desk.clerkId, name: desk.clerkName },
      service: { id: service.id, code: service.code, nameUk: 'Послуга стенду', nameEn: 'Bench service' },
      provider: { nameUk: 'Надавач стенду', nameEn: 'Bench provider', edrpou: '12345678' },
      applicant: { id: applicantId, displayName: 'Шевченко Марʼяна Іванівна', taxId: null, idDoc: null },
      representative: null,
      subject: null,
      insisted: null,
      dueDate,
      resultDelivery: 'in_person',
    },
  };
}

/** What a visit's pushes leave for the driver to check: the records another desk of the center should then pull. */
export interface Pushed {
  mutations: Mutation[];
  /** `entity:id:version` of each record the push creates or moves (tickets live in the queue tables, not the change log). */
  records: string[];
}

/**
 * The desk's next pushes, one batch each, as a desk's outbox would send them a moment after the
 * clerk acts: small batches of one to three mutations.
 */
export function visitScript(desk: DeskIdentity, now: () => Date = () => new Date()): () => Pushed {
  let visit = 0;
  let serial = 0;
  let lastApplicant: string | null = null;
  let steps: (() => Pushed)[] = [];

  function planVisit(): void {
    const v = visit++;
    const ticketId = randomUUID();
    const service = VISIT_SERVICES[v % VISIT_SERVICES.length]!;
    let prevTicket: Mutation | null = null;
    const ticket = <K extends MutationKind>(kind: K, payload: MutationPayload<K>): Mutation => {
      prevTicket = mutationOf(desk, kind, payload, prevTicket, now());
      return prevTicket;
    };
    const event = (name: 'called' | 'arrived' | 'service_ended') =>
      ticket(`ticket.${name}`, { id: ticketId, event: name, at: now().toISOString(), details: null });
    const registered: Mutation[] = [];
    const registerStep = (): Pushed => {
      const batch: Mutation[] = [];
      const records: string[] = [];
      // New on file at the visit's first registration only: the second is the same person's.
      if (lastApplicant === null || (v % 2 === 0 && registered.length === 0)) {
        lastApplicant = randomUUID();
        batch.push(mutationOf(desk, 'applicant.create', applicant(lastApplicant, serial), null, now()));
        records.push(`applicant:${lastApplicant}:1`);
      }
      const id = randomUUID();
      const register = mutationOf(desk, 'application.register', registration(desk, id, lastApplicant, serial++, now()), null, now());
      registered.push(register);
      batch.push(register);
      records.push(`application:${id}:1`);
      return { mutations: batch, records };
    };
    steps = [
      () => ({
        mutations: [
          ticket('ticket.issue', {
            id: ticketId,
            number: `Л${String((v % 999) + 1).padStart(3, '0')}`,
            queueCode: service.queueCode,
            serviceCode: service.code,
            purpose: 'submit',
            at: now().toISOString(),
          }),
        ],
        records: [],
      }),
      () => ({ mutations: [event('called')], records: [] }),
      () => ({ mutations: [event('arrived')], records: [] }),
      registerStep,
      ...(v % 3 === 2 ? [registerStep] : []),
      () => {
        // The end of service, and the visit's applications handed to their providers.
        const handOffs = registered.map((r) => {
          const id = String(r.payload.id);
          const at = now().toISOString();
          return mutationOf(
            desk,
            'application.status',
            { id, from: 'registered', to: 'sent_to_provider', reason: null, receivedBy: null, at },
            r,
            now(),
          );
        });
        return {
          mutations: [event('service_ended'), ...handOffs],
          records: handOffs.map((m) => `application:${String(m.payload.id)}:2`),
        };
      },
    ];
  }

  return () => {
    if (steps.length === 0) planVisit();
    return steps.shift()!();
  };
}
