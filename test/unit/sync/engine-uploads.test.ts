/**
 * The engine and the desk's file queue together (docs/ARCHITECTURE.md §7.4): uploads run beside the
 * pushes, a stored scan releases its document's attach and the engine pushes it at once, an upload
 * refused as unauthorised pauses sync like a refused push does. The real file uploader talks to a
 * back office answering /blobs/announce per test; the rest as in engine-desk.ts.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { TestDesk } from '../../helpers/desk-db';
import { advance, applicationWithScan, POLL_MS, SCAN, useEngineDesks } from './engine-desk';

const deskWithEngine = useEngineDesks();

const outboxOf = (desk: TestDesk, id: string) => desk.db.prepare('SELECT status FROM outbox WHERE mutation_id = ?').pluck().get(id);

describe('sync engine with the file queue', () => {
  it('counts the file still to upload, then pushes the attach as soon as the server holds the scan, without waiting for the poll', async () => {
    const announced: string[] = [];
    const { desk, clock, office, engine } = deskWithEngine({
      blobs: (url) => {
        announced.push(url.pathname);
        return Response.json({ status: 'exists' });
      },
    });
    const attach = await applicationWithScan(desk);
    expect(engine.status()).toMatchObject({ filesLeft: 1, bytesLeft: SCAN.length });

    engine.start();
    await vi.waitFor(() => expect(outboxOf(desk, attach)).toBe('acked'));
    await engine.waitForIdle();
    expect(announced).toEqual(['/blobs/announce']);
    expect(office.pushes.flatMap((p) => p.mutationIds)).toContain(attach);
    expect(engine.status()).toMatchObject({ filesLeft: 0, bytesLeft: 0, pending: 0 });
    // Nothing was left for the poll: the clock never moved.
    expect(clock.armed()).toEqual([POLL_MS]);
  });

  it('pauses for re-enrollment when the server refuses the upload as unauthorised, and says so', async () => {
    const { desk, clock, office, engine, statuses, requests } = deskWithEngine({
      blobs: () => new Response('unknown token', { status: 401 }),
    });
    const attach = await applicationWithScan(desk);

    engine.start();
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('paused_auth'));
    await engine.waitForIdle();
    expect(engine.status().state).toBe('paused_auth');
    expect(outboxOf(desk, attach)).toBe('blocked_on_blob');
    expect(office.pushes.flatMap((p) => p.mutationIds)).not.toContain(attach);
    // The push cycle that ran beside the upload had armed its poll; paused, that poll sends nothing.
    const sent = requests.length;
    await advance(clock, engine, POLL_MS);
    expect(requests).toHaveLength(sent);
  });
});

describe('the file queue’s failures, as the engine reports them', () => {
  it('a scan missing from the desk: its attach goes to the dead letters with the reason', async () => {
    const { desk, engine } = deskWithEngine({ blobs: () => Response.json({ status: 'exists' }) });
    const attach = await applicationWithScan(desk);
    const sha = desk.db
      .prepare("SELECT json_extract(payload, '$.blobSha256') FROM outbox WHERE mutation_id = ?")
      .pluck()
      .get(attach) as string;
    rmSync(join(dirname(desk.file), 'blobs'), { recursive: true, force: true });

    engine.start();
    await vi.waitFor(() => expect(outboxOf(desk, attach)).toBe('dead'));
    const reason = desk.db.prepare('SELECT last_error FROM outbox WHERE mutation_id = ?').pluck().get(attach) as string;
    expect(JSON.parse(reason)).toEqual({
      code: 'file_missing',
      message: `The scan ${sha} is missing from this desk's file store`,
      fieldErrors: [],
    });
  });

  it('an upload that breaks off part way: the file is counted whole again and its attach keeps waiting', async () => {
    const asked: string[] = [];
    const { desk, engine, statuses } = deskWithEngine({
      blobs: (url) => {
        asked.push(url.pathname);
        return url.pathname === '/blobs/announce' ? Response.json({ status: 'upload', offset: 10 }) : new Response('busy', { status: 503 });
      },
    });
    const attach = await applicationWithScan(desk);
    engine.start();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(1));
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ filesLeft: 1, bytesLeft: SCAN.length }));
    expect(engine.status()).toMatchObject({ filesLeft: 1, bytesLeft: SCAN.length });
    expect(outboxOf(desk, attach)).toBe('blocked_on_blob');
  });

  it('a run that fails as a whole (the desk database refuses a write) is logged as a warning, and the engine carries on', async () => {
    const { desk, engine, logger, statuses } = deskWithEngine({ blobs: () => Response.json({ status: 'exists' }) });
    const attach = await applicationWithScan(desk);
    rmSync(join(dirname(desk.file), 'blobs'), { recursive: true, force: true });
    // A real SQLite refusal, standing in for a full disk: burying the missing scan's attach cannot be written.
    desk.db.exec(
      "CREATE TEMP TRIGGER refuse_dead BEFORE UPDATE OF status ON outbox WHEN new.status = 'dead' BEGIN SELECT RAISE(ABORT, 'disk full (stand-in)'); END",
    );

    engine.start();
    await vi.waitFor(() =>
      expect(logger.entries).toContainEqual({
        level: 'warn',
        message: 'File upload run failed',
        fields: { error: 'disk full (stand-in)' },
      }),
    );
    await engine.waitForIdle();
    expect(outboxOf(desk, attach)).toBe('blocked_on_blob');
    expect(statuses.at(-1)?.state).not.toBe('paused_auth');
  });
});
