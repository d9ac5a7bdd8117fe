import { localDay } from '../../../shared/local-day';
import { useShellStore } from './shell-store';

/**
 * Today in the center's time zone (app.info), the day the backend registers, dates and checks by;
 * the machine's own zone only until app.info has answered. A desk whose clock is set to another
 * zone (or a browser host reached from one) would otherwise refuse today's date as in the future
 * for the hours the two days differ.
 */
export function localToday(now = new Date()): string {
  const info = useShellStore.getState().info;
  return localDay(now, info.status === 'loaded' ? info.info.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone);
}
