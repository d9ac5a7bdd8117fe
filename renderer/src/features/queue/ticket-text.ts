import type { Service } from '../../../../shared/domain/service';
import type { QueueTicket } from '../../../../shared/queue-protocol';
import type { Translate } from '../../i18n/dictionary';
import type { Language } from '../../i18n/language';

/** The ticket's service in the clerk's language; the bare code when the catalog does not know it. */
export function serviceText(t: Translate, language: Language, services: ReadonlyMap<string, Service>, ticket: QueueTicket): string {
  if (ticket.serviceCode === null) return t('queue.noService');
  const service = services.get(ticket.serviceCode);
  if (!service) return ticket.serviceCode;
  return language === 'uk' ? service.nameUk : service.nameEn;
}
