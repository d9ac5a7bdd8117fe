import type { Change } from '../../shared/sync-protocol';

/** Changes as the back office sends them in a pull page, for the desk's appliers. */
export function pulledApplicant(seq: number, id: string, surname: string): Change {
  return {
    seq,
    entity: 'applicant',
    id,
    version: 1,
    data: {
      id,
      kind: 'person',
      surname,
      given_name: 'Марʼяна',
      display_name: `${surname} Марʼяна`,
      search_name: `${surname.toLowerCase()} маряна`,
      rnokpp_refused: 0,
    },
  };
}

export function pulledApplication(seq: number, id: string, serviceId: string, applicantId: string): Change {
  return {
    seq,
    entity: 'application',
    id,
    version: 1,
    data: {
      regNumber: `KV01-02-${seq}`,
      serviceId,
      applicantId,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      status: 'registered',
      registeredAt: '2026-11-27T09:00:00.000Z',
      registeredOn: '2026-11-27',
      dueDate: '2026-12-25',
      resultDelivery: 'in_person',
      centerCode: 'KV01',
      deskCode: '02',
    },
  };
}
