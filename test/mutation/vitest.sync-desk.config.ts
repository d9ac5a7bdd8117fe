import { defineConfig } from 'vitest/config';
import { testEnv, unitProject } from '../../vitest.config';

// The desk's sync code (main/backend/sync/) against its unit tests: a real desk database, the real
// HTTP client, a scripted back office at the fetch level and a manual clock (test/unit/sync/).
// The end-to-end files in test/integration/sync each start a back office and desks, and the engine is
// covered by nearly every one of them, so each engine mutant reran them all: measured at 30 s to a
// minute per mutant on two shared cores, three to nine hours for the folder. A score measured with
// this set is a lower bound for the full suite; a survivor here is checked against the end-to-end
// tests by hand (docs/TESTING.md says which they kill).
export default defineConfig({
  test: {
    env: testEnv,
    testTimeout: 30_000,
    projects: [
      {
        ...unitProject,
        test: { ...unitProject.test, include: ['test/unit/sync/**/*.test.ts', 'test/unit/store/registration-numbers.test.ts'] },
      },
    ],
  },
});
