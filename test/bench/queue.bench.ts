/**
 * The electronic queue (docs/ARCHITECTURE.md §6.8): call-next latency with 8 desks calling at once
 * on 10,000 waiting tickets, on both storages; and call-to-board latency, from a call's HTTP answer
 * to a board's SSE stream receiving it. Also prints the plan of the heads query, which must stay
 * index scans however long the queue grows.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import { createEnrollmentCode, enrollDevice } from '../../server/auth/enrollment';
import { readHeadsPlan } from '../../server/queue/call-next';
import { runQueueCommand } from '../../server/queue/commands';
import { QueueHub } from '../../server/queue/hub';
import { issueTicket } from '../../server/queue/tickets';
import { createStorage } from '../../server/storage/create-storage';
import type { Storage, StorageKind } from '../../server/storage/storage';
import { QueueCommandResult } from '../../shared/queue-protocol';
import { startServer } from '../../server/app';
import { startPostgres } from '../helpers/postgres';
import { sampleConfig } from '../helpers/queue-sample';
import { PROTOCOL_VERSION } from '../../shared/sync-protocol';
import type { Figure } from './report';
import { quantile } from './report';
import { newDeskKey } from '../helpers/desk-session';

const CENTER = 'BQ';
const DESKS = 8;
/** Wide series: 10,000 tickets in one day do not fit А001–А999. */
const config = (() => {
  const c = sampleConfig(CENTER);
  for (const q of c.queues) q.series = { ...q.series, first: 1, last: 9999 };
  c.priority.series = { ...c.priority.series, first: 1, last: 9999 };
  return c;
})();

async function fill(storage: Storage, count: number, now: Date): Promise<void> {
  const services = ['PASS', 'LAND', null] as const;
  for (let start = 0; start < count; start += 500) {
    await storage.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 500); i += 1) {
        const serviceCode = services[i % 3]!;
        await issueTicket(tx, {
          centerCode: CENTER,
          config,
          serviceCode,
          purpose: serviceCode === null ? 'other' : 'submit',
          ...(i % 11 === 0 ? { priorityCategory: 'disability' } : {}),
          now: new Date(now.getTime() - (count - i) * 1000),
        });
      }
    });
  }
  await storage.exec('ANALYZE queue_tickets');
}

async function callNextLatency(storage: Storage, callsPerDesk: number, now: Date): Promise<number[]> {
  const hub = new QueueHub(() => now);
  const samples: number[] = [];
  const run = (deskCode: string, command: Parameters<typeof runQueueCommand>[3]['command']) =>
    runQueueCommand(
      storage,
      hub,
      { centerCode: CENTER, config, deskCode, clerkId: 'bench', deviceId: `bench-${deskCode}`, now },
      {
        commandId: randomUUID(),
        command,
      },
    );
  // Rounds in which every desk presses "call next" at the same moment (the contention the issue
  // names), each call timed; the arrivals and finishes between rounds are not on the clock.
  const desks = config.desks.slice(0, DESKS);
  for (let round = 0; round < callsPerDesk; round += 1) {
    const tickets = await Promise.all(
      desks.map(async (desk) => {
        const started = performance.now();
        const ticket = await run(desk.deskCode, { action: 'call_next' });
        samples.push(performance.now() - started);
        return { desk, ticket: ticket! };
      }),
    );
    for (const { desk, ticket } of tickets) {
      await run(desk.deskCode, { action: 'arrived', ticketId: ticket.id });
      await run(desk.deskCode, { action: 'finish', ticketId: ticket.id });
    }
  }
  return samples;
}

/**
 * The floor under call-next on the same storage and in the same rounds: eight desks each committing
 * one bare INSERT at the same moment (what any durable write costs here, fsync included).
 */
async function bareCommitLatency(storage: Storage, rounds: number): Promise<number[]> {
  await storage.exec('CREATE TABLE IF NOT EXISTS bench_bare_commit (id text PRIMARY KEY, at timestamptz NOT NULL)');
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      Array.from({ length: DESKS }, async () => {
        const started = performance.now();
        await storage.transaction((tx) => tx.query('INSERT INTO bench_bare_commit (id, at) VALUES ($1, now())', [randomUUID()]));
        samples.push(performance.now() - started);
      }),
    );
  }
  return samples;
}

/**
 * From sending a call over HTTP to the board's stream receiving it: the hub tells the board before
 * the desk's answer is written, so timing from the answer would read zero; from the request, the
 * figure is what the hall sees after the clerk presses "call".
 */
async function callToBoard(storage: Storage, dir: string, calls: number, now: Date): Promise<number[]> {
  // The whole back office, as the hall's board meets it; it closes the storage when it stops.
  const app = await startServer(storage, '127.0.0.1', 0, { dir: join(dir, 'blobs'), maxBytes: 1 }, null, { now: () => now });
  const code = await createEnrollmentCode(storage, { centerCode: CENTER, deskCode: 'D1' });
  const enrolled = await enrollDevice(storage, code, 'bench', newDeskKey().publicKey);
  const headers = {
    authorization: `Bearer ${enrolled!.deviceToken}`,
    'x-vikno-actor': 'bench',
    'x-vikno-protocol': String(PROTOCOL_VERSION),
    'content-type': 'application/json',
  };
  const board = new EventSource(`${app.url}/api/board/${CENTER}/events`);
  const received = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  board.addEventListener('call', (message) => {
    const number = (JSON.parse(message.data) as { number: string }).number;
    received.set(number, performance.now());
    waiters.get(number)?.();
  });
  await new Promise<void>((resolve) => (board.onopen = () => resolve()));
  const samples: number[] = [];
  const post = async (command: unknown) => {
    const res = await fetch(`${app.url}/queue/commands`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ commandId: randomUUID(), command }),
    });
    if (res.status !== 200) throw new Error(`queue command answered ${res.status}: ${await res.text()}`);
    return QueueCommandResult.parse(await res.json());
  };
  try {
    for (let i = 0; i < calls; i += 1) {
      const sent = performance.now();
      const { ticket } = await post({ action: 'call_next' });
      const number = ticket!.number;
      const at =
        received.get(number) ?? (await new Promise<number>((resolve) => waiters.set(number, () => resolve(received.get(number)!))));
      samples.push(at - sent);
      waiters.delete(number);
      received.delete(number);
      await post({ action: 'arrived', ticketId: ticket!.id });
      await post({ action: 'finish', ticketId: ticket!.id });
    }
  } finally {
    board.close();
    await app.close();
  }
  return samples;
}

async function measure(kind: StorageKind, waiting: number, callsPerDesk: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-bench-queue-'));
  const postgres = kind === 'postgresql' ? await startPostgres({ durable: true }) : null;
  const storage = await createStorage({ databaseUrl: postgres?.url, dataDir: join(dir, 'pglite') });
  const now = new Date();
  try {
    await storage.query('INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1)', [CENTER, JSON.stringify(config)]);
    await fill(storage, waiting, now);
    const plan = await readHeadsPlan(storage, CENTER, config.desks[0]!, now);
    process.stderr.write(`queue heads plan on ${kind} (${waiting} waiting):\n${plan.join('\n')}\n`);
    const calls = await callNextLatency(storage, callsPerDesk, now);
    const bare = await bareCommitLatency(storage, callsPerDesk);
    const board = await callToBoard(storage, dir, callsPerDesk * 2, now);
    const label = `${kind}, ${DESKS} desks, ${waiting} waiting`;
    return [
      { name: `queue call-next p50 (${label})`, value: quantile(calls, 0.5), unit: 'ms' },
      { name: `queue call-next p99 (${label}; goal ≤ 10)`, value: quantile(calls, 0.99), unit: 'ms' },
      { name: `queue bare INSERT + commit p50 (${kind}, ${DESKS} at once)`, value: quantile(bare, 0.5), unit: 'ms' },
      { name: `queue bare INSERT + commit p99 (${kind}, ${DESKS} at once)`, value: quantile(bare, 0.99), unit: 'ms' },
      { name: `queue call-to-board p50 (${kind})`, value: quantile(board, 0.5), unit: 'ms' },
      { name: `queue call-to-board p99 (${kind}; goal ≤ 200)`, value: quantile(board, 0.99), unit: 'ms' },
    ];
  } finally {
    // callToBoard's server closed the storage when it stopped; closing again is harmless to ask.
    await storage.close().catch(() => undefined);
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function queueFigures(quick: boolean): Promise<Figure[]> {
  const waiting = quick ? 1_000 : 10_000;
  const callsPerDesk = quick ? 10 : 50;
  return [...(await measure('pglite', waiting, callsPerDesk)), ...(await measure('postgresql', waiting, callsPerDesk))];
}
