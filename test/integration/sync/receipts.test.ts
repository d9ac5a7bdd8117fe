/**
 * Receipts travel (docs/SYNC.md "Receipts"): the snapshot rides on the registration, each
 * additional опис and corrected version is a mutation of its own, the back office keeps them in
 * the record, and another desk that pulls the record prints the very same files.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STORAGES, useServer } from '../server/harness';
import { useSyncWorld, value } from './desk-harness';
import type { TestDesk } from './desk-harness';

const hashes = async (desk: TestDesk, applicationId: string) => {
  const app = await value(desk.api.call('applications.get', { id: applicationId }));
  const out: Record<string, string> = {};
  for (const r of app.receipts) {
    const pdf = await value(desk.api.call('receipts.pdf', { applicationId, lang: 'uk', number: r.number, version: r.version }));
    out[`${r.number}v${r.version}`] = createHash('sha256').update(Buffer.from(pdf.base64, 'base64')).digest('hex');
  }
  return out;
};

describe.each(STORAGES)('receipts across desks on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  it('brings the snapshot, опис №2 and a corrected version to the other desk, which prints the same files', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    await value(a.api.call('applications.addDocuments', { id: app.id, items: [{ name: 'Довідка', original: false, sheets: 2 }] }));
    await value(
      a.api.call('applications.correctLine', {
        id: app.id,
        receipt: 1,
        position: 1,
        item: { name: 'Заява (виправлено)', original: true, sheets: 1 },
        reason: 'Описка в назві',
      }),
    );
    expect(await a.syncNow()).toMatchObject({ pending: 0, deadLetters: 0 });
    await b.syncNow();

    const [row] = await harness.storage.query<{ data: { receipts: unknown[]; items: unknown[]; snapshot: unknown } }>(
      'SELECT data FROM applications WHERE id = $1',
      [app.id],
    );
    expect(row?.data.receipts).toHaveLength(3);
    expect(row?.data.snapshot).toEqual(app.snapshot);

    const atA = await value(a.api.call('applications.get', { id: app.id }));
    const atB = await value(b.api.call('applications.get', { id: app.id }));
    expect(atB.snapshot).toEqual(atA.snapshot);
    expect(atB.receipts).toEqual(atA.receipts);
    expect(atB.items).toEqual(atA.items);
    expect(atA.items[0]).toMatchObject({ name: 'Заява (виправлено)' });
    expect(atB.terms).toEqual(atA.terms);
    expect(await hashes(b, app.id)).toEqual(await hashes(a, app.id));
  });

  it('refuses a second опис №2 issued offline at another desk; that desk keeps the paper it issued, and the letter says why', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    const items = [{ name: 'Довідка', original: false, sheets: 1 }];
    await value(a.api.call('applications.addDocuments', { id: app.id, items }));
    // A's №2 reaches the back office first; B, which has not pulled since, issues its own №2. (Issued
    // both before either synced, the push each call starts raced, and B's sometimes landed first.)
    await a.syncNow();
    const atB = await value(b.api.call('applications.addDocuments', { id: app.id, items }));
    expect(await b.syncNow()).toMatchObject({ deadLetters: 1 });
    const [letter] = await value(b.api.call('sync.deadLetters', {}));
    expect(letter).toMatchObject({ kind: 'application.addDocuments' });
    expect(JSON.stringify(letter)).toContain('receipt_taken');
    // A receipt once issued is never replaced, not even by the back office's: B's №2 stays what B printed.
    expect((await value(b.api.call('applications.get', { id: app.id }))).receipts).toEqual(atB.receipts);
  });
});
