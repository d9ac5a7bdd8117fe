/**
 * The desk's sync HTTP client on its own (main/backend/sync/http-client.ts): what each request carries,
 * and how every kind of answer — or no answer — is mapped to what the engine acts on. The back office
 * is a fetch function answering per test; the client under test is the real one.
 */
import { describe, expect, it } from 'vitest';
import { createSyncHttp } from '../../../main/backend/sync/http-client';
import type { SyncHttpOptions } from '../../../main/backend/sync/http-client';
import { CURSOR_AHEAD, HEADER_ACTOR, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../shared/sync-protocol';
import type { Mutation, PullResponse } from '../../../shared/sync-protocol';

interface Sent {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: string | null;
}

/** A client whose every request is answered by `answer`; `clock` gives the desk's time, one reading a call. */
function client(answer: () => Response | Promise<Response>, options: Partial<SyncHttpOptions> & { clock?: number[] } = {}) {
  const sent: Sent[] = [];
  const readings = [...(options.clock ?? [])];
  const http = createSyncHttp({
    baseUrl: 'http://back-office.test/base/',
    token: () => 'token-7',
    actor: () => 'clerk-1',
    now: () => new Date(readings.shift() ?? 0),
    fetch: async (input, init) => {
      sent.push({
        url: String(input),
        method: init?.method,
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : null,
      });
      return answer();
    },
    ...options,
  });
  return { http, sent };
}

const EMPTY_PAGE: PullResponse = { changes: [], cursor: 0, hasMore: false, serverTime: '1970-01-01T00:00:10.000Z' };
const MUTATION: Mutation = {
  mutationId: '0191d3a0-0000-7000-8000-000000000001',
  aggregate: 'ticket:t1',
  prevMutationId: null,
  baseVersion: null,
  kind: 'ticket.issue',
  payload: {},
  actor: 'clerk-1',
  createdAt: '2026-11-27T09:30:00.000Z',
};

/** A body whose reading fails half way, as a connection reset does. */
function brokenBody(status: number): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error('connection reset'));
      },
    }),
    { status },
  );
}

describe('what the sync client sends', () => {
  it('a push: POST to /sync/push with the protocol, the actor, the token and a JSON body', async () => {
    const { http, sent } = client(() => Response.json({ results: [], serverTime: EMPTY_PAGE.serverTime }));
    await http.push([MUTATION]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('http://back-office.test/sync/push');
    expect(sent[0]?.method).toBe('POST');
    expect(Object.fromEntries(sent[0]?.headers ?? [])).toEqual({
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
      [HEADER_ACTOR]: 'clerk-1',
      authorization: 'Bearer token-7',
      'content-type': 'application/json',
    });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ protocol: PROTOCOL_VERSION, mutations: [MUTATION] });
  });

  it('a pull: GET with the cursor, the limit and (only when given) the change the cursor points at; no body type', async () => {
    const { http, sent } = client(() => Response.json(EMPTY_PAGE));
    await http.pull(0, 50);
    await http.pull(12, 50, 'application:a/1:3');
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['GET', 'http://back-office.test/sync/pull?cursor=0&limit=50'],
      ['GET', 'http://back-office.test/sync/pull?cursor=12&limit=50&at=application%3Aa%2F1%3A3'],
    ]);
    expect(sent[0]?.headers.get('content-type')).toBeNull();
    expect(sent[0]?.body).toBeNull();
  });

  it('an enrollment: POST to /enroll with the code, the name, the key and the place, and no token before there is one', async () => {
    const enrolled = { deviceId: 'd', deviceToken: 't', centerCode: 'KV01', deskCode: '07' };
    const { http, sent } = client(() => Response.json(enrolled), { token: () => null });
    expect(await http.enroll('ABCD-EFGH', 'Вікно 7', 'PUBLIC-KEY', { centerCode: 'KV01', deskCode: '07' })).toEqual({
      kind: 'ok',
      value: enrolled,
    });
    expect(sent[0]).toMatchObject({ url: 'http://back-office.test/enroll', method: 'POST' });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      code: 'ABCD-EFGH',
      deviceName: 'Вікно 7',
      publicKey: 'PUBLIC-KEY',
      centerCode: 'KV01',
      deskCode: '07',
    });
    expect(sent[0]?.headers.get('authorization')).toBeNull();
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
  });

  it.each([
    [401, 'enrollment_code_unknown', 'unknown'],
    [401, 'enrollment_code_expired', 'expired'],
    [401, 'enrollment_code_used', 'used'],
    [409, 'enrollment_code_other_desk', 'other_desk'],
    [401, 'enrollment_code_invalid', 'unknown'],
  ])('an enrollment answered %i %s: refused, reason %s, with the back office’s words', async (status, code, reason) => {
    const { http } = client(() => Response.json({ error: { code, message: 'the words' } }, { status }));
    expect(await http.enroll('ABCD-EFGH', 'Вікно 7', 'PUBLIC-KEY', { centerCode: 'KV01', deskCode: '07' })).toEqual({
      kind: 'refused',
      reason,
      message: 'the words',
    });
  });
});

describe('how the sync client reads an answer', () => {
  it('no answer at all is worth retrying, saying why', async () => {
    const { http } = client(() => Promise.reject(new Error('ECONNREFUSED')));
    expect(await http.pull(0, 50)).toEqual({ kind: 'retry', retryAfterMs: null, reason: 'network: ECONNREFUSED' });
  });

  it.each([
    [401, 'auth'],
    [426, 'update_required'],
    [400, 'bad_request'],
    [413, 'bad_request'],
  ] as const)('%i is %s, with the server’s words', async (status, kind) => {
    const { http } = client(() => new Response(JSON.stringify({ error: { code: 'refused', message: 'the words' } }), { status }));
    expect(await http.push([MUTATION])).toEqual({ kind, message: 'the words' });
  });

  it("keeps the back office's error answer (at most 500 characters), only the size of any other body, and nothing of a body that breaks off", async () => {
    const long = JSON.stringify({ error: { code: 'invalid_body', message: 'x'.repeat(600) } });
    expect(await client(() => new Response(long, { status: 400 })).http.push([MUTATION])).toEqual({
      kind: 'bad_request',
      message: 'x'.repeat(500),
    });
    expect(await client(() => new Response('Петренко Ольга 1234567890', { status: 400 })).http.push([MUTATION])).toEqual({
      kind: 'bad_request',
      message: "not the back office's error answer (38 bytes, not kept)",
    });
    expect(await client(() => brokenBody(400)).http.push([MUTATION])).toEqual({ kind: 'bad_request', message: '' });
    expect(await client(() => brokenBody(502)).http.push([MUTATION])).toEqual({ kind: 'retry', retryAfterMs: null, reason: 'HTTP 502: ' });
  });

  it('a 5xx or 429 is worth retrying, with its Retry-After', async () => {
    const { http } = client(() => new Response('busy', { status: 503, headers: { 'retry-after': '7' } }), { clock: [0, 0] });
    expect(await http.pull(0, 50)).toEqual({
      kind: 'retry',
      retryAfterMs: 7000,
      reason: "HTTP 503: not the back office's error answer (4 bytes, not kept)",
    });
    const limited = client(() => new Response('slow down', { status: 429 }));
    expect(await limited.http.pull(0, 50)).toEqual({
      kind: 'retry',
      retryAfterMs: null,
      reason: "HTTP 429: not the back office's error answer (9 bytes, not kept)",
    });
  });

  it.each([
    [
      'a cursor beyond all the server holds (restored from a backup)',
      JSON.stringify({ error: { code: CURSOR_AHEAD, message: 'm' } }),
      true,
    ],
    ['a cursor older than the server keeps', JSON.stringify({ error: { code: 'cursor_gone', message: 'm' } }), false],
    ['a 410 with no readable body', 'gone', false],
  ])('410 for %s', async (_case, body, serverBehind) => {
    const { http } = client(() => new Response(body, { status: 410 }));
    expect(await http.pull(5, 50)).toEqual({ kind: 'gone', serverBehind });
  });

  it('a 200 that is not JSON, or not the protocol, is worth retrying', async () => {
    const garbled = await client(() => new Response('<html>proxy</html>', { status: 200 })).http.pull(0, 50);
    expect(garbled).toMatchObject({ kind: 'retry', retryAfterMs: null });
    expect(garbled.kind === 'retry' && garbled.reason).toBe('unreadable answer: the body is not JSON');

    const wrong = await client(() => Response.json({ changes: 'none' })).http.pull(0, 50);
    expect(wrong).toMatchObject({ kind: 'retry', retryAfterMs: null });
    expect(wrong.kind === 'retry' && wrong.reason).toMatch(/^answer breaks the protocol: .*changes/s);

    // However much is wrong with it, the reason logged keeps to 300 characters of the complaint.
    const manyWrong = await client(() => Response.json({ results: Array.from({ length: 50 }, () => ({ status: 'odd' })) })).http.push([
      MUTATION,
    ]);
    expect(manyWrong.kind === 'retry' && manyWrong.reason.length).toBe('answer breaks the protocol: '.length + 300);
  });

  it('measures the server’s clock against the middle of the round trip', async () => {
    // Sent at 1 s, answered at 3 s by a server saying 10 s: the server is 8 s ahead.
    const { http } = client(() => Response.json(EMPTY_PAGE), { clock: [1000, 3000] });
    expect(await http.pull(0, 50)).toEqual({ kind: 'ok', value: EMPTY_PAGE, clockOffsetMs: 8000 });

    const unreadable = client(() => Response.json({ ...EMPTY_PAGE, serverTime: 'noon' }), { clock: [1000, 3000] });
    expect(await unreadable.http.pull(0, 50)).toMatchObject({ kind: 'ok', clockOffsetMs: null });
  });
});
