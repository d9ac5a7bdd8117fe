/** The app's own origin: the renderer is served from app://vikno (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vikno';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
