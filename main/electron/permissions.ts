/**
 * Chromium permission prompts (camera, notifications, geolocation …). The clerk app needs none
 * yet: the document scanner is driven by the backend, not getUserMedia. A permission is granted
 * only if it is listed here and asked for by the app's own page.
 */
import { isAppUrl } from './origin';

export const ALLOWED_PERMISSIONS: readonly string[] = Object.freeze([]);

/** For `session.setPermissionRequestHandler`: `requestingUrl` is `details.requestingUrl`. */
export function permissionRequestDecision(
  permission: string,
  requestingUrl: string | undefined,
  allowList: readonly string[] = ALLOWED_PERMISSIONS,
): boolean {
  return allowList.includes(permission) && isAppUrl(requestingUrl);
}

/** For `session.setPermissionCheckHandler`: Electron passes the requesting origin, not a URL. */
export function permissionCheckDecision(
  permission: string,
  requestingOrigin: string | undefined,
  allowList: readonly string[] = ALLOWED_PERMISSIONS,
): boolean {
  return allowList.includes(permission) && isAppUrl(requestingOrigin);
}
