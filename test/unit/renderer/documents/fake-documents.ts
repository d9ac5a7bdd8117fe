/**
 * The documents methods of the contract played by an in-memory model (page sets with pages that
 * move, turn and go; scans whose progress the test emits), behind the renderer's `api`; every
 * other method goes to `fallback` (a real desk backend where a test needs one). Import it before
 * any screen: `api` takes `window.vikno` when the renderer module is first evaluated.
 */
import { vi } from 'vitest';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, ViknoApi } from '../../../../shared/contract';
import type { PageSetView, PageView, ScannerInfo, ScanProgress, SetOwner } from '../../../../shared/documents';
import { fail, ok } from '../../../../shared/errors';
import type { Envelope, ErrorBody } from '../../../../shared/errors';

type Handler = (input: never) => unknown;

export const scannersReady: ScannerInfo = {
  adapter: 'sane',
  state: 'ready',
  problem: null,
  devices: [{ id: 'test:0', label: 'SANE test' }],
  defaults: { device: 'test:0', source: 'feeder', mode: 'gray', dpi: 300, pageSize: 'a4' },
  hotFolder: { path: null, state: 'off' },
  limits: { maxFileBytes: 50_000_000, maxDocumentBytes: 10_000_000 },
};

let counter = 0;
const nextId = (prefix: string) => `${prefix}${(counter += 1)}`;

export function fakePage(source: PageView['source'] = 'scanner', bytes = 100_000): PageView {
  const id = nextId('page-');
  return {
    id,
    position: 1,
    sha256: id.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a'),
    kind: 'image',
    pdfPage: null,
    rotation: 0,
    widthPx: 2480,
    heightPx: 3508,
    dpi: 300,
    bytes,
    source,
    sourceName: 'SANE test',
  };
}

export interface FakeDocuments {
  api: ViknoApi;
  sets: Map<string, PageSetView>;
  /** Every call made to a documents method, in order: [method, input]. */
  calls: Array<[string, unknown]>;
  /** Overrides a method's answer (e.g. a refusal) until reset. */
  answer<M extends MethodName>(method: M, handler: (input: MethodInput<M>) => Envelope<MethodOutput<M>> | MethodOutput<M>): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** A page stored by the scan running in the set, and the event saying so. */
  scanPage(setId: string, scanId: string): PageView;
  scanEnd(setId: string, scanId: string, state: ScanProgress['state'], problem?: ScanProgress['problem']): void;
  addSet(owner: SetOwner, label: string, pages: PageView[], budgetBytes?: number): PageSetView;
  scanners: ScannerInfo;
  reset(): void;
}

export function refusal(code: ErrorBody['code'], field: string, message: string): Envelope<never> {
  return fail(code, `refused: ${message}`, { issues: [{ path: [field], message }] });
}

export function createFakeDocuments(fallback?: ViknoApi): FakeDocuments {
  const sets = new Map<string, PageSetView>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const overrides = new Map<string, (input: unknown) => unknown>();
  const calls: Array<[string, unknown]> = [];

  function store(set: PageSetView): PageSetView {
    const pages = set.pages.map((page, index) => ({ ...page, position: index + 1 }));
    const saved = { ...set, pages, bytes: pages.reduce((sum, p) => sum + p.bytes, 0) };
    sets.set(saved.id, saved);
    return saved;
  }

  function setOf(pageId: string): PageSetView {
    const set = [...sets.values()].find((s) => s.pages.some((p) => p.id === pageId));
    if (!set) throw fail('NOT_FOUND', 'no such page');
    return set;
  }

  function addSet(owner: SetOwner, label: string, pages: PageView[], budgetBytes = 10_000_000): PageSetView {
    return store({ id: nextId('set-'), owner, label, pages, bytes: 0, budgetBytes, assembled: null, documentId: null });
  }

  const imports = new Map<string, { setId: string; name: string; source: 'file' | 'diia'; received: number }>();

  const handlers: Record<string, Handler> = {
    'documents.scanners': () => fake.scanners,
    'documents.openSet': (input: MethodInput<'documents.openSet'>) =>
      [...sets.values()].find((s) => JSON.stringify(s.owner) === JSON.stringify(input.owner)) ?? addSet(input.owner, input.label, []),
    'documents.getSet': (input: MethodInput<'documents.getSet'>) => sets.get(input.setId),
    'documents.inbox': () => [...sets.values()].filter((s) => s.owner.kind === 'inbox' && s.pages.length > 0),
    'documents.scan': () => ({ scanId: nextId('scan-') }),
    'documents.cancelScan': () => null,
    'documents.movePage': (input: MethodInput<'documents.movePage'>) => {
      const set = setOf(input.pageId);
      const page = set.pages.find((p) => p.id === input.pageId)!;
      const rest = set.pages.filter((p) => p !== page);
      rest.splice(input.position - 1, 0, page);
      return store({ ...set, pages: rest, assembled: null });
    },
    'documents.rotatePage': (input: MethodInput<'documents.rotatePage'>) => {
      const set = setOf(input.pageId);
      return store({
        ...set,
        pages: set.pages.map((p) => (p.id === input.pageId ? { ...p, rotation: input.rotation } : p)),
        assembled: null,
      });
    },
    'documents.deletePage': (input: MethodInput<'documents.deletePage'>) => {
      const set = setOf(input.pageId);
      return store({ ...set, pages: set.pages.filter((p) => p.id !== input.pageId), assembled: null });
    },
    'documents.takeInbox': (input: MethodInput<'documents.takeInbox'>) => {
      const from = sets.get(input.fromSetId)!;
      const to = sets.get(input.toSetId)!;
      store({ ...from, pages: [] });
      return store({ ...to, pages: [...to.pages, ...from.pages], assembled: null });
    },
    'documents.importBegin': (input: MethodInput<'documents.importBegin'>) => {
      const importId = nextId('import-');
      imports.set(importId, { setId: input.setId, name: input.name, source: input.source, received: 0 });
      return { importId };
    },
    'documents.importChunk': (input: MethodInput<'documents.importChunk'>) => {
      const session = imports.get(input.importId)!;
      session.received += atob(input.base64).length;
      return { received: session.received };
    },
    'documents.importEnd': (input: MethodInput<'documents.importEnd'>) => {
      const session = imports.get(input.importId)!;
      const set = sets.get(session.setId)!;
      const page = { ...fakePage(session.source, session.received), sourceName: session.name, kind: 'pdf_page' as const, pdfPage: 0 };
      return store({ ...set, pages: [...set.pages, page], assembled: null });
    },
    'documents.thumbnail': (input: MethodInput<'documents.thumbnail'>) => ({ mime: 'image/jpeg', base64: btoa(input.pageId) }),
    'documents.assemble': (input: MethodInput<'documents.assemble'>) => {
      const set = sets.get(input.setId)!;
      return store({ ...set, assembled: { sha256: 'f'.repeat(64), pages: set.pages.length, bytes: set.bytes || 1 } });
    },
  };

  const fake: FakeDocuments = {
    sets,
    calls,
    scanners: scannersReady,
    api: {
      async call(method, input) {
        const override = overrides.get(method);
        const handler = override ?? handlers[method];
        if (!handler) {
          if (fallback) return fallback.call(method, input);
          return fail('UNAVAILABLE', `${method} is not played by the fake`);
        }
        calls.push([method, input]);
        try {
          const value = (handler as (input: unknown) => unknown)(input);
          if (value && typeof value === 'object' && 'ok' in value) return value as never;
          return ok(value) as never;
        } catch (thrown) {
          return thrown as never;
        }
      },
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener as (payload: unknown) => void);
        const fallbackOff = fallback?.on(event, listener);
        return () => {
          set.delete(listener as (payload: unknown) => void);
          fallbackOff?.();
        };
      },
    },
    answer(method, handler) {
      overrides.set(method, handler as (input: unknown) => unknown);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    scanPage(setId, scanId) {
      const set = sets.get(setId)!;
      const page = fakePage('scanner');
      const saved = store({ ...set, pages: [...set.pages, page], assembled: null });
      const stored = saved.pages[saved.pages.length - 1]!;
      fake.emit('scan.progress', { scanId, setId, state: 'scanning', pagesDone: saved.pages.length, page: stored, problem: null });
      return stored;
    },
    scanEnd(setId, scanId, state, problem = null) {
      fake.emit('scan.progress', { scanId, setId, state, pagesDone: sets.get(setId)!.pages.length, page: null, problem });
    },
    addSet,
    reset() {
      sets.clear();
      overrides.clear();
      calls.length = 0;
      imports.clear();
      fake.scanners = scannersReady;
    },
  };
  return fake;
}

/** The fake as `window.vikno`, a spy on `window.open` (jsdom has none), and Blob URLs. */
export function installFake(fallback?: ViknoApi): FakeDocuments {
  const fake = createFakeDocuments(fallback);
  window.vikno = fake.api;
  URL.createObjectURL ??= () => 'blob:document';
  URL.revokeObjectURL ??= () => undefined;
  window.open = vi.fn(() => null);
  return fake;
}
