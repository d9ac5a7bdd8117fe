import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The desk's database folder (main/backend/db/): the unit project (test/unit/durability drives
// backup.ts and integrity.ts), plus the in-process durability tests: a full disk and a read-only
// folder or file. Left out: the crash test and the damaged-start test. They run the desk in a child
// process (a bundle, the built browser host), outside the per-test coverage Stryker collects in the test
// process, so it cannot tell which mutants they reach; and they take minutes (24 kills, a build).
export default defineConfig({
  test: {
    env: testEnv,
    testTimeout: 30_000,
    projects: [
      unitProject,
      {
        ...integrationProject,
        test: {
          ...integrationProject.test,
          include: ['test/integration/durability/disk-full.test.ts', 'test/integration/durability/read-only.test.ts'],
        },
      },
    ],
  },
});
