import { defineConfig } from 'vitest/config';
import { testEnv, unitProject } from '../../vitest.config';

// The unit project alone: what `npm run mutate` runs against folders whose unit tests cover them.
export default defineConfig({ test: { env: testEnv, projects: [unitProject] } });
