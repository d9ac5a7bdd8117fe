import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

// Tests never resolve the Electron binary (it cannot be downloaded here): point it nowhere.
process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent/electron-dist';

export const testEnv = { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' };

// Exported so the mutation runs (test/mutation/) can run one project without the other.
export const unitProject: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'], environment: 'node' },
};

export const integrationProject: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'integration',
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    // A stray `.only` left in a commit would silently run one test and skip the rest: CI refuses it.
    allowOnly: !process.env.CI,
    env: testEnv,
    projects: [unitProject, integrationProject],
  },
});
