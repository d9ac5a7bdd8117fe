import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The desk's database folder (main/backend/db/): the unit project, plus the durability tests that
// drive backup.ts and integrity.ts through real crashes, a full disk, a read-only folder and a damaged
// start. The rest of the integration project opens databases too, but only as a means to its own end.
export default defineConfig({
  test: {
    env: testEnv,
    testTimeout: 30_000,
    projects: [
      unitProject,
      { ...integrationProject, test: { ...integrationProject.test, include: ['test/integration/durability/**/*.test.ts'] } },
    ],
  },
});
