import { defineConfig } from 'vitest/config';
import { testEnv, unitProject } from '../../vitest.config';

// The back office's sync code (server/sync/) against its unit tests: pure functions, and push, pull,
// the entity store and the policies on PGlite without a server process (each test file opens a copy of a
// migrated database, test/unit/server/sync/apply/migrated-pglite.ts), the routes through Fastify's
// inject. The server's integration tests start a back office in every file and took tens of seconds
// per mutant; these take a few. One project only.
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
