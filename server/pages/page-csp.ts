import { buildCsp } from '../../shared/csp';

/**
 * The kiosk, board and bookings pages' Content-Security-Policy: the desk's (shared/csp.ts:
 * everything denied unless named, no inline script, no eval) with calls and the chime from this
 * server only.
 */
export const PAGE_CSP = `${buildCsp({ connectSrc: ["'self'"] })}; media-src 'self'`;
