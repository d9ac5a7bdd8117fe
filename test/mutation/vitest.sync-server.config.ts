import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The back office's sync code (server/sync/): its unit tests and the server's own protocol tests on
// both storages (the lock around the changes insert only matters on PostgreSQL), plus the end-to-end
// files that send every mutation kind and every network fault through it. Left out: starting the
// server as a process, the migration runs and the convergence run (minutes per mutant, and they find
// nothing the protocol tests do not), and the rest of test/integration/sync (desk-side scenarios).
// A score measured with this set is a lower bound for the full suite.
export default defineConfig({
  test: {
    env: testEnv,
    testTimeout: 30_000,
    projects: [
      {
        ...unitProject,
        test: { ...unitProject.test, include: ['test/unit/server/**/*.test.ts', 'test/unit/sync/payload-hash.test.ts'] },
      },
      {
        ...integrationProject,
        test: {
          ...integrationProject.test,
          include: [
            'test/integration/server/**/*.test.ts',
            'test/integration/sync/mutation-payloads.test.ts',
            'test/integration/sync/faults.test.ts',
            'test/integration/files/**/*.test.ts',
          ],
          exclude: [
            'test/integration/server/process.test.ts',
            'test/integration/server/migrations.test.ts',
            'test/integration/server/test-postgres.test.ts',
          ],
        },
      },
    ],
  },
});
