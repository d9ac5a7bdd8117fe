import type { QueueConfig } from '../../shared/domain/queue-config';
import type { KioskConfig } from '../../shared/queue-protocol';
import type { Sql } from '../storage/storage';
import { catalogServices } from './catalog-services';

/**
 * What the hall's kiosk offers (docs/ARCHITECTURE.md §6.8): the areas with their services named as
 * the catalog names them, the priority categories, and whether booked visitors check in here. A
 * service withdrawn from the catalog since the configuration was published is left out.
 */
export async function kioskConfig(sql: Sql, config: QueueConfig): Promise<KioskConfig> {
  const names = await catalogServices(sql, config.centerCode);
  return {
    centerCode: config.centerCode,
    centerName: config.centerName ?? config.centerCode,
    areas: config.areas
      .map((area) => ({
        code: area.code,
        nameUk: area.nameUk,
        nameEn: area.nameEn,
        services: area.serviceCodes.flatMap((code) => {
          const name = names.get(code);
          return name ? [{ code, ...name }] : [];
        }),
      }))
      .filter((area) => area.services.length > 0),
    priorityCategories: config.priority.categories.map(({ code, nameUk, nameEn }) => ({ code, nameUk, nameEn })),
    bookingEnabled: config.booking !== null,
  };
}
