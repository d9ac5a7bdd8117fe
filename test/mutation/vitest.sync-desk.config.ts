import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The desk's sync code (main/backend/sync/): its unit tests (a real desk database, the real HTTP client,
// a scripted back office and a manual clock: fast) plus the four small end-to-end files that each start
// one back office. The engine is covered by nearly every test in test/integration/sync, so each of its
// mutants reruns all of them: measured at about a minute per mutant on two shared cores, six to nine hours
// for the folder. Left out for that reason: faults, scenarios, history, registration numbers, files and
// the convergence run. One storage (PGlite) behind the server: the desk's code cannot tell which one
// answers. A score measured with this set is a lower bound for the full suite.
export default defineConfig({
  test: {
    env: { ...testEnv, VIKNO_TEST_STORAGES: 'pglite' },
    testTimeout: 30_000,
    projects: [
      {
        ...unitProject,
        test: { ...unitProject.test, include: ['test/unit/sync/**/*.test.ts', 'test/unit/store/registration-numbers.test.ts'] },
      },
      {
        ...integrationProject,
        test: {
          ...integrationProject.test,
          include: ['engine-batches', 'engine-crash', 'mutation-payloads', 'own-edits'].map(
            (name) => `test/integration/sync/${name}.test.ts`,
          ),
        },
      },
    ],
  },
});
