import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// Both projects: folders such as server/sync/ are exercised mostly through a real server and desks.
// The unit tests get the same patience as in vitest.unit.config.ts (the integration project sets its own).
export default defineConfig({ test: { env: testEnv, testTimeout: 30_000, projects: [unitProject, integrationProject] } });
