/**
 * The renderer's Content-Security-Policy, one source for both hosts: Electron sends it from
 * the app:// protocol handler, the browser host from its HTTP server. Everything is denied
 * unless named; no inline script, no eval.
 */
export interface CspOptions {
  /** Where the renderer may connect: nothing under Electron (MessagePort), the host's WebSocket in a browser. */
  connectSrc: readonly string[];
}

export function buildCsp(options: CspOptions): string {
  const directives: Array<[string, readonly string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', options.connectSrc.length > 0 ? options.connectSrc : ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
