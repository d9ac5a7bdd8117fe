import type { Outcome } from '../../../shared/domain/status-move';
import { formatDay } from '../receipts/receipt-text';

/** The words of the status model's papers; Ukrainian is the paper of record, English its translation. */
export const paperText = {
  uk: {
    ackTitle: 'Розписка про отримання результату',
    ofApplication: (number: string, day: string) => `звернення № ${number} від ${day}`,
    service: 'Послуга',
    provider: 'Суб’єкт надання',
    applicant: 'Заявник',
    outcome: 'Результат',
    positive: (o: Outcome) => ['позитивне рішення', decision(o, 'uk')].filter(Boolean).join(' '),
    negative: (o: Extract<Outcome, { kind: 'negative' }>) => `рішення про відмову ${decision(o, 'uk')}; підстави: ${o.grounds.join('; ')}`,
    receiver: 'Результат отримав(ла)',
    representative: '(представник)',
    receiverDocument: 'Документ отримувача',
    issuedAt: 'Дата і час видачі',
    signReceiver: 'Підпис отримувача',
    signClerk: 'Адміністратор ЦНАП (підпис, ПІБ)',
    registerTitle: 'Реєстр передачі справ суб’єкту надання',
    registerOf: (provider: string, day: string) => `${provider}, ${day}`,
    columns: ['№', 'Реєстраційний номер', 'Заявник', 'Послуга', 'Аркушів', 'Строк'],
    count: 'Передано справ',
    signHandedOver: 'Передав адміністратор ЦНАП (підпис, ПІБ)',
    signReceived: 'Прийняв представник суб’єкта надання (підпис, ПІБ, дата)',
  },
  en: {
    ackTitle: 'Acknowledgement of receipt of the result (translation)',
    ofApplication: (number: string, day: string) => `application No. ${number} of ${day}`,
    service: 'Service',
    provider: 'Provider',
    applicant: 'Applicant',
    outcome: 'Result',
    positive: (o: Outcome) => ['positive decision', decision(o, 'en')].filter(Boolean).join(' '),
    negative: (o: Extract<Outcome, { kind: 'negative' }>) => `refusal ${decision(o, 'en')}; grounds: ${o.grounds.join('; ')}`,
    receiver: 'Received by',
    representative: '(representative)',
    receiverDocument: 'Receiver’s document',
    issuedAt: 'Issued on',
    signReceiver: 'Receiver’s signature',
    signClerk: 'Center administrator (signature, name)',
    registerTitle: 'Register of cases handed to the provider (translation)',
    registerOf: (provider: string, day: string) => `${provider}, ${day}`,
    columns: ['No.', 'Registration number', 'Applicant', 'Service', 'Sheets', 'Due'],
    count: 'Cases handed over',
    signHandedOver: 'Handed over by the center administrator (signature, name)',
    signReceived: 'Received for the provider (signature, name, date)',
  },
} as const;

function decision(o: Outcome, lang: 'uk' | 'en'): string {
  const number = o.decisionNumber ? (lang === 'uk' ? `№ ${o.decisionNumber}` : `No. ${o.decisionNumber}`) : '';
  const date = o.decisionDate ? (lang === 'uk' ? `від ${formatDay(o.decisionDate)}` : `of ${formatDay(o.decisionDate)}`) : '';
  return [number, date].filter(Boolean).join(' ');
}
