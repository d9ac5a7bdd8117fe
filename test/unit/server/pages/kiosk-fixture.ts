import type { KioskConfig, KioskTicket } from '../../../../shared/queue-protocol';

/** A center's kiosk as the config route answers it: two areas (one service in both), two priority categories, booking on. */
export const kioskConfig: KioskConfig = {
  centerCode: 'KV01',
  centerName: 'ЦНАП Київ',
  areas: [
    {
      code: 'social',
      nameUk: 'Соціальні послуги',
      nameEn: 'Social services',
      services: [
        { code: 'subsidy', nameUk: 'Субсидія', nameEn: 'Housing subsidy' },
        { code: 'residence', nameUk: 'Реєстрація місця проживання', nameEn: 'Residence registration' },
      ],
    },
    {
      code: 'passports',
      nameUk: 'Паспортні послуги',
      nameEn: 'Passports',
      services: [
        { code: 'passport', nameUk: 'Паспорт громадянина України', nameEn: 'ID card' },
        { code: 'residence', nameUk: 'Реєстрація місця проживання', nameEn: 'Residence registration' },
      ],
    },
  ],
  priorityCategories: [
    { code: 'disability', nameUk: 'Особа з інвалідністю I–II групи', nameEn: 'Person with a group I–II disability' },
    { code: 'veteran', nameUk: 'Ветеран війни', nameEn: 'War veteran' },
  ],
  bookingEnabled: true,
};

export const kioskTicket: KioskTicket = {
  number: 'А007',
  queueNameUk: 'Соціальні послуги',
  queueNameEn: 'Social services',
  windows: ['1', '2', '5'],
  issuedAt: '2026-12-03T07:05:00.000Z',
  waitingAhead: 3,
  priority: false,
  late: false,
};
