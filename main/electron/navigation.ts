/**
 * Where the window may go (docs/ARCHITECTURE.md §9.1). The renderer is a single-page app: its routes are
 * in-page navigations, which Electron does not report, so a real navigation is either a
 * reload of the shell or something trying to take the window elsewhere.
 */
import { parseAppUrl } from './origin';

/**
 * Allowed: only the shell itself (app://vikno/index.html, any query or hash), so a
 * `location.reload()`-style recovery works. Everything else, other app:// paths included,
 * is blocked: the shell never leaves index.html.
 */
export function shouldBlockNavigation(url: string): boolean {
  const parsed = parseAppUrl(url);
  return parsed === null || parsed.pathname !== '/index.html';
}

export type WindowOpenDecision =
  | {
      action: 'deny';
      /** Whether to hand the URL to the clerk's browser instead (a help link, a registry site). */
      openExternally: boolean;
    }
  /** A receipt PDF the shell made (a blob: URL of our own origin), shown in a viewer window to print. */
  | { action: 'allow'; window: 'receipt-viewer' };

/** `blob:app://vikno/<uuid>`: only the shell itself can mint these. */
const OWN_BLOB = /^blob:app:\/\/vikno\/[0-9a-f-]{36}$/;

/**
 * The sites a link may open in the clerk's browser: the state's own domain and its subdomains
 * (Дія, the registries, the laws at zakon.rada.gov.ua). A link anywhere else is dropped: a crafted
 * record or catalog text must not send the clerk to a look-alike site.
 */
export const EXTERNAL_DOMAINS: readonly string[] = ['gov.ua'];

function allowedHost(hostname: string): boolean {
  return EXTERNAL_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

/**
 * The one window the app opens is a viewer for a receipt PDF the shell just made, so the clerk
 * prints it through the operating system's dialog. Otherwise only https: links to an allowed
 * domain leave the app, and never with credentials in the URL (a classic way to disguise the
 * real host). http:, file:, javascript: and custom schemes could run or open something local, so
 * they are dropped.
 */
export function windowOpenDecision(url: string): WindowOpenDecision {
  if (OWN_BLOB.test(url)) return { action: 'allow', window: 'receipt-viewer' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny', openExternally: false };
  }
  const safe = parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && allowedHost(parsed.hostname);
  return { action: 'deny', openExternally: safe };
}
