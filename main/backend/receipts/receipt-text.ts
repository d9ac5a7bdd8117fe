/**
 * The receipt's wording («опис вхідного пакета документів») in Ukrainian and English, and the
 * date formats it uses. Kept apart from the layout so wording changes never touch drawing code.
 */
import type { z } from 'zod';
import type { ResultDelivery } from '../../../shared/domain/application';
import type { FeeComponentKind } from '../../../shared/domain/fee-rule';

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
  /** Numbered receipts (layout 2): which опис, its version, when issued. */
  receiptNumber: (number: number, version: number, issuedAt: string) => string;
  correction: (position: number, reason: string) => string;
  colHandling: string;
  handedIn: string;
  returned: string;
  keptTotal: (kept: number, listed: number) => string;
  providerWithEdrpou: (name: string, edrpou: string) => string;
  fee: string;
  feeFree: string;
  feeExempt: (reason: string) => string;
  feeKinds: Record<FeeComponentKind, string>;
  money: (kopecks: number) => string;
}

/** Kopecks as hryvnias with a decimal comma, as Ukrainian papers write sums: 4992 → «49,92». */
const hryvnias = (kopecks: number): string => `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;

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
    receiptNumber: (n, v, at) => `${n === 1 ? `Опис № ${n}` : `Додатковий опис № ${n}`}${v > 1 ? `, версія ${v}` : ''}, складено ${at}`,
    correction: (position, reason) => `Виправлено рядок ${position}. Причина: ${reason}`,
    colHandling: 'Подано (у справі) / пред’явлено (повернуто)',
    handedIn: 'подано',
    returned: 'пред’явлено',
    keptTotal: (kept, listed) => `Залишено у справі документів: ${kept} з ${listed}; аркушів у справі:`,
    providerWithEdrpou: (name, edrpou) => `${name} (код ЄДРПОУ ${edrpou})`,
    fee: 'Плата за послугу',
    feeFree: 'безоплатно',
    feeExempt: (reason) => `звільнено від оплати: ${reason}`,
    feeKinds: { admin_fee: 'адміністративний збір', blank: 'вартість бланка', paid_service: 'платна послуга' },
    money: (kopecks) => `${hryvnias(kopecks)} грн`,
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
    receiptNumber: (n, v, at) =>
      `${n === 1 ? `Receipt No. ${n}` : `Additional receipt No. ${n}`}${v > 1 ? `, version ${v}` : ''}, issued ${at}`,
    correction: (position, reason) => `Line ${position} corrected. Reason: ${reason}`,
    colHandling: 'Handed in (kept) / presented (returned)',
    handedIn: 'handed in',
    returned: 'presented',
    keptTotal: (kept, listed) => `Documents kept in the case: ${kept} of ${listed}; sheets kept:`,
    providerWithEdrpou: (name, edrpou) => `${name} (EDRPOU ${edrpou})`,
    fee: 'Fee',
    feeFree: 'free of charge',
    feeExempt: (reason) => `exempt from payment: ${reason}`,
    feeKinds: { admin_fee: 'administrative fee', blank: 'blank', paid_service: 'paid service' },
    money: (kopecks) => `UAH ${(kopecks / 100).toFixed(2)}`,
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
