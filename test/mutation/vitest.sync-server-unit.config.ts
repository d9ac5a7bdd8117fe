import { defineConfig } from 'vitest/config';
import { testEnv, unitProject } from '../../vitest.config';

// The back office's sync files that need no server to test (scripts/mutate.ts lists them in
// SERVER_SYNC_UNIT) against their unit tests: pure functions, and policies over a real EntityStore on
// PGlite in memory without HTTP (test/unit/server/sync/apply/store-fixture.ts). The `sync-server` set starts a back office in every file and reruns them all
// for each mutant on the push path (tens of seconds each); these take a second or a few.
// One project only: the storage-bound files keep the `sync-server` set.
export default defineConfig({
  test: {
    env: testEnv,
    testTimeout: 30_000,
    projects: [
      {
        ...unitProject,
        test: {
          ...unitProject.test,
          include: [
            'test/unit/server/sync/**/*.test.ts',
            'test/unit/server/three-way-merge.test.ts',
            'test/unit/sync/payload-hash.test.ts',
          ],
        },
      },
    ],
  },
});
