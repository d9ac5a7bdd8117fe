import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The desk's database folder (main/backend/db/) against the tests written for it: backups and the
// start-up check (test/unit/db, test/unit/durability), migrations and pragmas, storage errors and atomicity
// (test/unit/store, test/unit/backend/migrate.test.ts), and the in-process durability tests (a full
// disk, a read-only folder or file). Every other test opens a database too, so with the whole unit
// project each open.ts mutant reran hundreds of tests: two and a half hours on two shared cores.
// Left out as well: the crash and damaged-start tests, which run the desk in a child process (a
// bundle, the built browser host) outside the per-test coverage Stryker collects, and take minutes.
// A score measured with this set is a lower bound for the full suite.
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
            'test/unit/db/**/*.test.ts',
            'test/unit/durability/**/*.test.ts',
            'test/unit/store/**/*.test.ts',
            'test/unit/backend/migrate.test.ts',
          ],
        },
      },
      {
        ...integrationProject,
        test: {
          ...integrationProject.test,
          include: [
            'test/integration/durability/disk-full.test.ts',
            'test/integration/durability/read-only.test.ts',
            // The whole-file check after start (db/full-check.ts): real damaged files, a real backend in process.
            'test/integration/durability/background-check.test.ts',
          ],
        },
      },
    ],
  },
});
