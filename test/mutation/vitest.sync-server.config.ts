import { defineConfig } from 'vitest/config';
import { integrationProject, testEnv, unitProject } from '../../vitest.config';

// The back office's sync code (server/sync/): its unit tests, the server's protocol tests for push,
// pull, batches, the merge and registration numbers, the test of a change committed late (PostgreSQL,
// two connections: the lock around the changes insert), and every mutation kind sent by a desk.
// Each file starts a server, and push/pull/entity-store are covered by all of them: on two shared
// cores even this set costs tens of seconds per mutant. Left out for that reason: auth, admin, the
// server as a process, migrations, the fault and lost-connection files, files, the desk scenarios
// and the convergence run; and PostgreSQL for the files that run on both storages
// (VIKNO_TEST_STORAGES): the storage code is outside server/sync/. A score measured with this set
// is a lower bound for the full suite.
export default defineConfig({
  test: {
    env: { ...testEnv, VIKNO_TEST_STORAGES: 'pglite' },
    testTimeout: 30_000,
    projects: [
      {
        ...unitProject,
        test: { ...unitProject.test, include: ['test/unit/server/three-way-merge.test.ts', 'test/unit/sync/payload-hash.test.ts'] },
      },
      {
        ...integrationProject,
        test: {
          ...integrationProject.test,
          include: [
            ...['push', 'pull', 'push-batch', 'merge', 'reg-number', 'change-order'].map(
              (name) => `test/integration/server/${name}.test.ts`,
            ),
            'test/integration/sync/mutation-payloads.test.ts',
            // The only tests that reach withOwnEdits in apply/update-with-merge.ts (a desk's own earlier edits).
            'test/integration/sync/own-edits.test.ts',
          ],
        },
      },
    ],
  },
});
