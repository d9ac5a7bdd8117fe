import { defineConfig } from 'vitest/config';
import { testEnv, unitProject } from '../../vitest.config';

// The unit project alone: what `npm run mutate` runs against folders whose unit tests cover them.
// A mutation run shares the machine for an hour: the 5 s default made a busy moment fail the dry run.
export default defineConfig({ test: { env: testEnv, testTimeout: 30_000, projects: [unitProject] } });
