import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The desk's sync code (main/backend/sync/): its unit tests plus the focused end-to-end sync files.
// Every integration file starts a back office and desks, and the engine is covered by nearly all of
// them, so each mutant reruns most of this set; on two shared cores the whole integration project
// per mutant would take most of a day. Left out: the convergence run (minutes per seed, and its
// failures are found again by the focused files) and the server's own folder (server/sync/ has its
// target). One storage (PGlite) behind the server: the desk's code cannot tell which one answers.
// A score measured with this set is a lower bound for the full suite.
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
          include: ['test/integration/sync/**/*.test.ts', 'test/integration/files/**/*.test.ts'],
          exclude: ['test/integration/sync/convergence.test.ts'],
        },
      },
    ],
  },
});
