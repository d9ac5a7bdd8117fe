import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// Both projects: folders such as server/sync/ are exercised mostly through a real server and desks.
export default defineConfig({ test: { env: testEnv, projects: [unitProject, integrationProject] } });
