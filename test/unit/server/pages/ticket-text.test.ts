import { describe, expect, it } from 'vitest';
import { translator } from '../../../../server/pages/src/common/i18n';
import { en, uk } from '../../../../server/pages/src/kiosk/i18n';
import { errorText, ticketText } from '../../../../server/pages/src/kiosk/ticket-text';
import { kioskTicket } from './kiosk-fixture';

const inUk = translator({ uk, en }, 'uk');
const inEn = translator({ uk, en }, 'en');

describe('the paper ticket', () => {
  it('reads number, queue, windows, people ahead and the time in Ukrainian', () => {
    expect(ticketText(kioskTicket, inUk, 'Europe/Kyiv')).toEqual({
      number: 'А007',
      queue: 'Черга: Соціальні послуги',
      windows: 'Вікна: 1, 2, 5',
      ahead: 'Перед вами: 3',
      notices: [],
      issuedAt: 'Видано 03.12.26, 09:05',
    });
  });

  it('reads the same in English', () => {
    const text = ticketText(kioskTicket, inEn, 'Europe/Kyiv');
    expect(text.queue).toBe('Queue: Social services');
    expect(text.windows).toBe('Windows: 1, 2, 5');
    expect(text.issuedAt).toBe('Issued 03/12/2026, 09:05');
  });

  it('says nobody is ahead, the board when no window is named, and priority and lateness', () => {
    const text = ticketText({ ...kioskTicket, waitingAhead: 0, windows: [], priority: true, late: true }, inUk, 'Europe/Kyiv');
    expect(text.ahead).toBe('Перед вами нікого немає');
    expect(text.windows).toBe('Стежте за табло');
    expect(text.notices).toEqual(['Позачергове обслуговування', 'Ви запізнилися на свій запис, тож вас викличуть у загальній черзі.']);
  });

  it('says each error the kiosk can meet in a sentence, and names an unknown one', () => {
    expect(errorText('booking_not_found', inUk)).toBe('Запис із таким кодом не знайдено. Перевірте код.');
    expect(errorText('http_429', inEn)).toBe('Too many requests. Wait a minute and try again.');
    expect(errorText('network', inEn)).toMatch(/cannot be reached/);
    expect(errorText('disk_full', inUk)).toBe('Щось пішло не так (disk_full). Зверніться до адміністратора.');
  });
});
