/**
 * Turns a request path (`/assets/app.js`) into a relative path under the renderer folder, or
 * null when it tries to leave it. Used by Electron's app:// handler and the browser host's
 * static server; both still check the joined path stays inside their root.
 */
export function safeAssetPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // A drive letter or UNC prefix anywhere means someone is aiming outside the root.
  if (/(^|\/)[a-zA-Z]:/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}
