import { PlaceCode } from '../../../../shared/place-code';

/** The center a page serves, from its address (`/kiosk/KV01` → KV01); null when the address names none. */
export function centerFromPath(pathname: string): string | null {
  const segment = decodeURIComponent(pathname.split('/').filter(Boolean)[1] ?? '');
  return PlaceCode.safeParse(segment).success ? segment : null;
}
