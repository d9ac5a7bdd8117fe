/**
 * The receipt's wording («опис вхідного пакета документів») in Ukrainian and English, and the
 * date formats it uses. Kept apart from the layout so wording changes never touch drawing code.
 */
import type { z } from 'zod';
import type { ResultDelivery } from '../../../shared/domain/application';

export type ReceiptLang = 'uk' | 'en';

export interface ReceiptText {
  title: string;
  /** The heading on pages after the first, so a loose page still says what it belongs to. */
  continued: (regNumber: string) => string;
  numberAndDate: (regNumber: string, date: string) => string;
  centerCode: string;
  regNumber: string;
  registeredAt: string;
  applicant: string;
  rnokpp: string;
  edrpou: string;
  representative: string;
  powerOfAttorney: (number: string, date: string) => string;
  identityDocument: string;
  validUntil: (date: string) => string;
  subject: string;
  missingDocuments: string;
  insisted: (reason: string) => string;
  service: string;
  provider: string;
  window: string;
  clerk: string;
  dueDate: string;
  term: string;
  delivery: string;
  deliveryKinds: Record<z.infer<typeof ResultDelivery>, string>;
  colNumber: string;
  colDocument: string;
  colKind: string;
  colSheets: string;
  original: string;
  copy: string;
  totalSheets: (documents: number) => string;
  receivedBy: string;
  submittedBy: string;
  signature: string;
  dateLabel: string;
  page: (n: number, of: number) => string;
  qrCaption: string;
}

export const receiptText: Record<ReceiptLang, ReceiptText> = {
  uk: {
    title: 'Опис вхідного пакета документів',
    continued: (reg) => `Опис вхідного пакета документів № ${reg} (продовження)`,
    numberAndDate: (reg, date) => `№ ${reg} від ${date}`,
    centerCode: 'Код ЦНАП',
    regNumber: 'Реєстраційний номер звернення',
    registeredAt: 'Дата і час реєстрації',
    applicant: 'Суб’єкт звернення (заявник)',
    rnokpp: 'РНОКПП',
    edrpou: 'Код ЄДРПОУ',
    representative: 'Представник заявника',
    powerOfAttorney: (no, date) => `довіреність № ${no} від ${date}`,
    identityDocument: 'Документ, що посвідчує особу',
    validUntil: (date) => `дійсний до ${date}`,
    subject: 'Особа, щодо якої звернення',
    missingDocuments: 'Не подано обов’язкових документів',
    insisted: (reason) => `Заявник наполягає на реєстрації: ${reason}`,
    service: 'Адміністративна послуга',
    provider: 'Суб’єкт надання послуги',
    window: 'Робоче місце (вікно)',
    clerk: 'Адміністратор',
    dueDate: 'Очікувана дата отримання результату',
    term: 'Строк надання послуги',
    delivery: 'Спосіб отримання результату',
    deliveryKinds: {
      in_person: 'особисто в ЦНАП',
      post: 'поштою',
      email: 'електронною поштою',
      electronic: 'в електронній формі',
    },
    colNumber: '№ з/п',
    colDocument: 'Найменування документа',
    colKind: 'Оригінал / копія',
    colSheets: 'Кількість аркушів',
    original: 'оригінал',
    copy: 'копія',
    totalSheets: (n) => `Усього документів: ${n}; усього аркушів:`,
    receivedBy: 'Документи прийняв (адміністратор ЦНАП)',
    submittedBy: 'Документи подав (заявник / представник)',
    signature: '(підпис)',
    dateLabel: 'Дата',
    page: (n, of) => `Сторінка ${n} з ${of}`,
    qrCaption: 'Номер звернення',
  },
  en: {
    title: 'Receipt: list of documents received',
    continued: (reg) => `Receipt: list of documents received No. ${reg} (continued)`,
    numberAndDate: (reg, date) => `No. ${reg} of ${date}`,
    centerCode: 'Center code',
    regNumber: 'Registration number',
    registeredAt: 'Registered at',
    applicant: 'Applicant',
    rnokpp: 'Tax number (RNOKPP)',
    edrpou: 'EDRPOU code',
    representative: 'Representative',
    powerOfAttorney: (no, date) => `power of attorney No. ${no} of ${date}`,
    identityDocument: 'Identity document',
    validUntil: (date) => `valid until ${date}`,
    subject: 'Person concerned',
    missingDocuments: 'Required documents not submitted',
    insisted: (reason) => `The applicant insists on registration: ${reason}`,
    service: 'Administrative service',
    provider: 'Service provider',
    window: 'Window',
    clerk: 'Administrator',
    dueDate: 'Expected result date',
    term: 'Term of the service',
    delivery: 'Result delivery',
    deliveryKinds: {
      in_person: 'in person at the center',
      post: 'by post',
      email: 'by e-mail',
      electronic: 'electronically',
    },
    colNumber: 'No.',
    colDocument: 'Document',
    colKind: 'Original / copy',
    colSheets: 'Sheets',
    original: 'original',
    copy: 'copy',
    totalSheets: (n) => `Documents: ${n}; total sheets:`,
    receivedBy: 'Received by (center administrator)',
    submittedBy: 'Submitted by (applicant / representative)',
    signature: '(signature)',
    dateLabel: 'Date',
    page: (n, of) => `Page ${n} of ${of}`,
    qrCaption: 'Registration number',
  },
};

/** `YYYY-MM-DD` (or an ISO timestamp's date part) as `dd.mm.yyyy`, the form on Ukrainian papers. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${day}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * An ISO timestamp as `dd.mm.yyyy HH:MM` on the center's wall clock: the stored instant is UTC,
 * the receipt shows the time the citizen saw at the counter, whatever the machine's zone is.
 */
export function formatLocalDateTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an ISO timestamp: ${iso}`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}
