/**
 * Imported by the bench's child entries (cold-open-child.ts, documents-child.ts) so that their
 * bundles hold what a desk backend process loads (main/backend/index.ts and everything it
 * imports) and nothing of the bench's own (PGlite, the back office, Playwright): the RSS they
 * sample is a desk backend's, not the bench's.
 */
import { createBackend } from '../../main/backend/index';

/** Referenced, so the bundler keeps the backend's modules in the child bundle. */
export function assertDeskBackendLoaded(): void {
  if (typeof createBackend !== 'function') throw new Error('The desk backend is not in this bundle');
}
