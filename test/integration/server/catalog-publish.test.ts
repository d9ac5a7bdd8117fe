import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogDocumentInput } from '../../../shared/catalog-document';
import { ErrorResponse } from '../../../shared/sync-protocol';
import { STORAGES, useServer } from './harness';

const SAMPLE: CatalogDocumentInput = JSON.parse(readFileSync(new URL('../../../docs/catalog.sample.json', import.meta.url), 'utf8'));
const base = SAMPLE.services;
/** A center's own addition: the sample RM-03 under this center's id and code. */
const centerService = (center: string) => ({
  ...base.find((s) => s.code === 'RM-03')!,
  id: `${center.toLowerCase()}-local`,
  code: `${center}-L1`,
});

describe.each(STORAGES)('publishing a catalog on %s', (kind) => {
  const server = useServer(kind);
  const post = (body: unknown) =>
    fetch(`${server.url}/admin/catalog`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify(body),
    });
  const services = async (desk: Awaited<ReturnType<typeof server.enrollDesk>>) =>
    (await server.pull(desk, 0)).changes.filter((c) => c.entity === 'service');

  it('the base list reaches every center, a center’s additions only its desks; a service no longer listed is withdrawn, not deleted', async () => {
    const c1 = await server.enrollDesk('C1');
    const c2 = await server.enrollDesk('C2');
    expect(await (await post(SAMPLE)).json()).toEqual({ center: null, published: base.length, unchanged: 0, withdrawn: 0 });
    expect(await (await post(SAMPLE)).json()).toEqual({ center: null, published: 0, unchanged: base.length, withdrawn: 0 });
    const own = await post({ center: 'C1', subsistenceMinimum: [], services: [centerService('C1')] });
    expect(await own.json()).toMatchObject({ center: 'C1', published: 1 });

    expect((await services(c1)).map((c) => c.id).sort()).toEqual([...base.map((s) => s.id), 'c1-local'].sort());
    expect((await services(c2)).map((c) => c.id).sort()).toEqual(base.map((s) => s.id).sort());
    const minimums = (await server.pull(c2, 0)).changes.filter((c) => c.entity === 'subsistence_minimum');
    expect(minimums.map((c) => c.data)).toEqual([
      { year: 2025, workingAgeKopecks: 302_800 },
      { year: 2026, workingAgeKopecks: 332_800 },
    ]);

    const withoutNr = { ...SAMPLE, services: base.filter((s) => s.code !== 'NR-01') };
    expect(await (await post(withoutNr)).json()).toEqual({ center: null, published: 0, unchanged: base.length - 1, withdrawn: 1 });
    const nr = (await services(c2)).findLast((c) => c.id === 'sample-nr-01');
    expect(nr).toMatchObject({ version: 2, data: { code: 'NR-01', active: false } });
  });

  it('refuses a bad document with every wrong path, and publishes nothing of it', async () => {
    const desk = await server.enrollDesk('C3');
    const before = (await services(desk)).length;
    const bad = {
      ...SAMPLE,
      center: 'c3',
      services: [
        { ...base[0], provider: { ...base[0]!.provider, edrpou: '39000014' } },
        { ...base[1], tiers: [] },
      ],
    };
    const res = await post(bad);
    expect(res.status).toBe(400);
    const message = ErrorResponse.parse(await res.json()).error.message;
    expect(message).toContain('center:');
    expect(message).toContain('services.0.provider.edrpou: edrpou.checksum');
    expect(message).toContain('services.1.tiers:');
    expect((await services(desk)).length).toBe(before);
  });

  it('refuses a center’s service that would take a base code, or an id of another scope', async () => {
    await post(SAMPLE);
    const clash = await post({ center: 'C4', subsistenceMinimum: [], services: [{ ...centerService('C4'), code: 'ID-01' }] });
    expect(clash.status).toBe(409);
    expect(ErrorResponse.parse(await clash.json()).error.message).toContain('ID-01');
    const taken = await post({
      center: 'C4',
      subsistenceMinimum: [],
      services: [{ ...centerService('C4'), id: 'sample-id-01', code: 'C4-X' }],
    });
    expect(taken.status).toBe(409);
    expect(ErrorResponse.parse(await taken.json()).error.code).toBe('catalog_id_taken');
  });
});
