/** The hall's pages the server answers, each `/<name>/:center`; each is built from `src/<name>/main.ts` (build-pages.ts). */
export const PAGE_NAMES = ['kiosk', 'board', 'bookings'] as const;
export type PageName = (typeof PAGE_NAMES)[number];
