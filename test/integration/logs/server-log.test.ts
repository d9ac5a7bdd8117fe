/**
 * The back office's log (docs/IT.md, Logs and diagnostics) with the real server process
 * (`npm run server`): each request is logged with its method, URL and status, in a file named for
 * the day, owner-only — and no token a request carried, nor anything of its body.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../../helpers/built-app';
import { readLogs } from '../../helpers/log-files';
import { startServerProcess } from '../../helpers/server-process';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
beforeAll(() => ensureBuilt(), 180_000);

const TOKEN = 'kQ3vZ8rT1xYb6NwLs0HfPjUe4GmCaDiR7oVtKy2lBnE';
const PERSON = { surname: 'Шевченко', rnokpp: '1759013776', document: 'МК482913' };

describe('the back office log', () => {
  it('logs requests without the token or the body they carried', async () => {
    const dataDir = join(tempDir(), 'server');
    const server = await startServerProcess(repoRoot, dataDir, undefined);
    try {
      const body = JSON.stringify({ mutations: [{ payload: PERSON }] });
      const push = await fetch(`${server.url}/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'x-vikno-protocol': '1', 'content-type': 'application/json' },
        body,
      });
      expect(push.status).toBeGreaterThanOrEqual(400);
      const admin = await fetch(`${server.url}/admin/enroll?token=${TOKEN}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, cookie: `session=${TOKEN}` },
        body: JSON.stringify({ centerCode: 'DEMO', deskCode: '01', note: PERSON.surname }),
      });
      expect(admin.status).toBeGreaterThanOrEqual(400);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const files = readdirSync(join(dataDir, 'logs'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^server\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    expect(statSync(join(dataDir, 'logs', files[0]!)).mode & 0o777).toBe(0o600);
    const logs = readLogs(dataDir);
    expect(logs).toContain('"url":"/sync/push"');
    expect(logs).toContain('"statusCode":401');
    expect(logs).toContain('Back office stopped');
    for (const secret of [TOKEN, PERSON.surname, PERSON.rnokpp, PERSON.document]) expect(logs, secret).not.toContain(secret);
    expect(server.output()).not.toContain(TOKEN);
  });
});
