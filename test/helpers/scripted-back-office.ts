/**
 * A stand-in for the back office at the `fetch` level, for engine unit tests: the real
 * SyncHttp client talks to it, so status codes and headers go through the real mapping. Pushes
 * are answered `applied` (or as scripted), bodies over PUSH_MAX_BYTES get 413 as the real
 * server's body reader gives, pulls return an empty page, a desk key (`POST /sync/desk-key`) is
 * taken (or answered as scripted).
 */
import { PUSH_MAX_BYTES } from '../../shared/sync-protocol';
import type { SessionAssertion } from '../../shared/clerk-account';
import type { MutationResult, PushRequest, PullResponse, PushResponse } from '../../shared/sync-protocol';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface RecordedPush {
  mutationIds: string[];
  /** Each mutation's session (undefined: none named). */
  sessionIds: (string | undefined)[];
  /** The session assertions the push carried. */
  sessions: SessionAssertion[];
  /** The request body's size in bytes, as the server's limit counts it. */
  bytes: number;
  status: number;
}

export interface ScriptedBackOffice {
  fetch: typeof fetch;
  /** Every push received, in order, with how it was answered. */
  pushes: RecordedPush[];
  pulls: number;
  /** The public keys desks registered with `POST /sync/desk-key`, in order. */
  deskKeys: string[];
  /** The next desk-key registrations get these answers, one each, before going back to 204. */
  answerDeskKeys(...answers: ScriptedAnswer[]): void;
  /** The next pushes get these answers, one each, before going back to `applied`. */
  answerPushes(...answers: ScriptedAnswer[]): void;
  answerPulls(...answers: ScriptedAnswer[]): void;
  /** Answers each mutation of the next push with what `decide` returns (null: `applied`). */
  resultsOfNextPush(decide: (mutationId: string) => MutationResult | null): void;
  /** Holds the next push unanswered until the returned function is called. */
  holdNextPush(): () => void;
}

const SERVER_TIME = '2026-11-27T09:30:00.000Z';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function scriptedBackOffice(): ScriptedBackOffice {
  const pushAnswers: ScriptedAnswer[] = [];
  const pullAnswers: ScriptedAnswer[] = [];
  const deskKeyAnswers: ScriptedAnswer[] = [];
  const versions = new Map<string, number>();
  let decideNext: ((mutationId: string) => MutationResult | null) | null = null;
  let hold: Promise<void> | null = null;
  const office: ScriptedBackOffice = {
    pushes: [],
    pulls: 0,
    deskKeys: [],
    answerDeskKeys: (...answers) => void deskKeyAnswers.push(...answers),
    answerPushes: (...answers) => void pushAnswers.push(...answers),
    answerPulls: (...answers) => void pullAnswers.push(...answers),
    resultsOfNextPush(decide) {
      decideNext = decide;
    },
    holdNextPush() {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return release;
    },
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/sync/pull') {
        office.pulls += 1;
        const scripted = pullAnswers.shift();
        if (scripted) return Promise.resolve(new Response(scripted.body ?? '', { status: scripted.status, headers: scripted.headers }));
        const page: PullResponse = { changes: [], cursor: 0, hasMore: false, serverTime: SERVER_TIME };
        return Promise.resolve(json(200, page));
      }
      if (url.pathname === '/sync/desk-key') {
        office.deskKeys.push((JSON.parse(String(init?.body)) as { publicKey: string }).publicKey);
        const scripted = deskKeyAnswers.shift() ?? { status: 204 };
        return Promise.resolve(new Response(scripted.body ?? null, { status: scripted.status, headers: scripted.headers }));
      }
      const held = hold;
      hold = null;
      return held ? held.then(() => answerPush(String(init?.body))) : Promise.resolve(answerPush(String(init?.body)));
    },
  };

  function answerPush(body: string): Response {
    const request = JSON.parse(body) as PushRequest;
    const bytes = Buffer.byteLength(body);
    const record = (status: number) =>
      office.pushes.push({
        mutationIds: request.mutations.map((m) => m.mutationId),
        sessionIds: request.mutations.map((m) => m.sessionId),
        sessions: request.sessions ?? [],
        bytes,
        status,
      });
    if (bytes > PUSH_MAX_BYTES) {
      record(413);
      return json(413, { error: { code: 'body_too_large', message: `The body is larger than ${PUSH_MAX_BYTES} bytes` } });
    }
    const scripted = pushAnswers.shift();
    if (scripted) {
      record(scripted.status);
      return new Response(scripted.body ?? '', { status: scripted.status, headers: scripted.headers });
    }
    const decide = decideNext;
    decideNext = null;
    const results = request.mutations.map((m): MutationResult => {
      const decided = decide?.(m.mutationId);
      if (decided) return decided;
      const version = (versions.get(m.aggregate) ?? 0) + 1;
      versions.set(m.aggregate, version);
      return { mutationId: m.mutationId, status: 'applied', version };
    });
    record(200);
    const reply: PushResponse = { results, serverTime: SERVER_TIME };
    return json(200, reply);
  }
  return office;
}
