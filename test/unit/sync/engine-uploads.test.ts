/**
 * The engine and the desk's file queue together (docs/ARCHITECTURE.md §7.4): uploads run beside the
 * pushes, a stored scan releases its document's attach and the engine pushes it at once, an upload
 * refused as unauthorised pauses sync like a refused push does. The real file uploader talks to a
 * back office answering /blobs/announce per test; the rest as in engine-desk.ts.
 */
import { dirname } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { putBlob } from '../../../main/backend/blobs/blob-store';
import { attachDocument } from '../../../main/backend/documents/attach-document';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { advance, POLL_MS, useEngineDesks } from './engine-desk';

const deskWithEngine = useEngineDesks();
const SCAN = Buffer.from('%PDF-1.7 скан паспорта');

/** An application with a scanned document whose attach waits for its file; returns the attach's mutation id. */
async function applicationWithScan(desk: TestDesk): Promise<string> {
  const applicant = addApplicant(desk.env);
  const app = registerApplication(
    desk.env,
    RegisterApplication.parse({
      serviceId: SAMPLE_SERVICE.id,
      applicantId: applicant.id,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
    }),
  );
  const blob = await putBlob(dirname(desk.file), SCAN);
  attachDocument(desk.env, { applicationId: app.id, kind: 'passport', pages: 1, blob: { ...blob, mime: 'application/pdf' } });
  return desk.db.prepare("SELECT mutation_id FROM outbox WHERE status = 'blocked_on_blob'").pluck().get() as string;
}

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
