/**
 * Issue 14 through sync: a registration naming a representative and a person concerned reaches
 * another desk whole, and mutations queued by desks of the previous version (the representative
 * as a name and a power of attorney, applicant rows without the columns of migration 0007) are
 * still read by the back office and by the desks that pull them.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../shared/sync-mutations';
import type { Mutation } from '../../../shared/sync-protocol';
import { applicantRow } from '../../helpers/applicant-row';
import { useServer } from '../server/harness';
import { CENTER, useSyncWorld, value } from './desk-harness';

const wire = (aggregate: string, kind: string, payload: Record<string, unknown>): Mutation => ({
  mutationId: randomUUID(),
  aggregate,
  prevMutationId: null,
  baseVersion: null,
  kind,
  payload,
  actor: 'clerk-1',
  createdAt: '2026-11-27T09:00:00.000Z',
});

/**
 * An applicant row as the previous version queued it (the shape applicantRow still builds:
 * `rnokpp_refused`, none of 0007's columns), of a person who refused an РНОКПП and shows a booklet.
 */
const legacyApplicantRow = (id: string) => ({
  ...applicantRow(id, 'Ґудзь'),
  given_name: 'Олесь',
  birth_date: '1970-01-01',
  rnokpp_refused: 1 as const,
  id_doc_type: 'passport_book' as const,
  id_doc_number: 'КВ123456',
  display_name: 'Ґудзь Олесь',
  search_name: 'ґудзь олесь',
});

describe('representatives and persons concerned across desks (PGlite)', () => {
  const harness = useServer('pglite');
  const world = useSyncWorld(harness);

  it('one desk registers a foreigner with a representative and a person concerned; the other pulls the same application', async () => {
    const [a, b] = [world.openDesk(), world.openDesk()];
    await a.enroll();
    await b.enroll();
    const [service] = await value(a.api.call('catalog.search', { q: 'RM-04' }));
    const registered = await value(
      a.api.call('intake.register', {
        serviceId: service!.id,
        applicant: {
          kind: 'person',
          surname: 'Сміт',
          givenName: 'Джон',
          rnokppAbsent: 'foreigner',
          citizenship: 'GBR',
          idDoc: { type: 'temporary_residence_permit', number: 'ЕН123456', validUntil: '2030-06-30', presentedAs: 'diia' },
        },
        representative: {
          applicant: { kind: 'person', surname: 'Коваль', givenName: 'Петро', rnokpp: '1759013776' },
          authority: { basis: 'poa_notarised', documentNumber: '1234', documentDate: '2026-11-01', notary: 'Іваненко О. П.' },
        },
        subject: { applicant: { kind: 'person', surname: 'Сміт', givenName: 'Емма', birthDate: '2020-03-01', rnokppAbsent: 'child' } },
        items: service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
        feeConditions: ['late'],
      }),
    );
    expect(registered.terms?.fee.conditions).toEqual(['late']);
    expect((await a.syncNow()).pending).toBe(0);
    await b.syncNow();
    const pulled = await value(b.api.call('applications.get', { id: registered.id }));
    expect(pulled.representative).toEqual(registered.representative);
    expect(pulled.subject).toEqual(registered.subject);
    expect(pulled.applicant).toEqual(registered.applicant);
    // The terms travel as the registering desk computed them: the other desk never recomputes them.
    expect(pulled.terms).toEqual(registered.terms);
    expect(pulled.dueDate).toEqual(registered.dueDate);
    expect(pulled.representative).toMatchObject({
      displayName: 'Коваль Петро',
      authority: { basis: 'poa_notarised', notary: 'Іваненко О. П.' },
    });
    expect(pulled.subject).toMatchObject({ displayName: 'Сміт Емма' });
    expect(await value(b.api.call('applicants.get', { id: registered.applicant.id }))).toMatchObject({
      rnokppAbsent: 'foreigner',
      citizenship: 'GBR',
      idDoc: { type: 'temporary_residence_permit', validUntil: '2030-06-30', presentedAs: 'diia' },
    });
  });

  it('accepts what desks of the previous version queued, and a desk pulling it shows the representative as they stored it', async () => {
    const applicantId = randomUUID();
    const applicationId = randomUUID();
    const row = legacyApplicantRow(applicantId);
    const register = {
      id: applicationId,
      regNumber: `${CENTER}-99-20261127-0001`,
      registeredAt: '2026-11-27T09:00:00.000Z',
      registeredOn: '2026-11-27',
      dueDate: '2026-11-30',
      serviceId: 'sample-rm-01',
      applicantId,
      representative: {
        fullName: 'Коваль Петро Іванович',
        idDocType: 'id_card',
        idDocNumber: '987654321',
        poaNumber: '12/3',
        poaDate: '2026-01-05',
      },
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      resultDelivery: 'in_person',
    };
    expect(parsePayload('applicant.create', row).success).toBe(true);
    expect(parsePayload('application.register', register).success).toBe(true);
    const old = await harness.enrollDesk(CENTER, '99');
    const results = await harness.push(old, [
      wire(`applicant:${applicantId}`, 'applicant.create', row),
      wire(`application:${applicationId}`, 'application.register', register),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const desk = world.openDesk();
    await desk.enroll();
    await desk.syncNow();
    const app = await value(desk.api.call('applications.get', { id: applicationId }));
    expect(app.representative).toBeNull();
    expect(app.legacyRepresentative).toEqual({
      fullName: 'Коваль Петро Іванович',
      idDocType: 'id_card',
      idDocNumber: '987654321',
      poaNumber: '12/3',
      poaDate: '2026-01-05',
    });
    expect(app.subject).toBeNull();
    expect(app.insisted).toBeNull();
    expect(await value(desk.api.call('applicants.get', { id: applicantId }))).toMatchObject({
      rnokppAbsent: 'religious',
      idDoc: { type: 'passport_book', number: 'КВ123456', validUntil: null, presentedAs: 'paper' },
      citizenship: null,
      addressParts: null,
    });
  });
});
