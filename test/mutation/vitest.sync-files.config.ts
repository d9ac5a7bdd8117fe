import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The desk's file queue (main/backend/sync/file-upload.ts) on its own: it only does something
// against a back office that stores files, so its tests are the document-and-scan files of
// test/integration/files (a real server on PGlite: the storage is the server's business) besides the
// desk's sync unit tests. Kept apart from the rest of main/backend/sync/ so those tests do not rerun
// for every outbox or engine mutant.
export default defineConfig({
  test: {
    env: { ...testEnv, VIKNO_TEST_STORAGES: 'pglite' },
    testTimeout: 30_000,
    projects: [
      { ...unitProject, test: { ...unitProject.test, include: ['test/unit/sync/**/*.test.ts'] } },
      { ...integrationProject, test: { ...integrationProject.test, include: ['test/integration/files/document-attach.test.ts'] } },
    ],
  },
});
