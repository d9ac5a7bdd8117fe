// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, ViknoApi } from '../../../shared/contract';
import { appInfo } from '../../helpers/app-info';

let dataDir = '/data/desk-a';
const info = (): AppInfo => appInfo({ dataDir });

vi.mock('../../../renderer/src/api', () => ({
  api: {
    call: (method: string) =>
      Promise.resolve(method === 'app.info' ? { ok: true, value: info() } : { ok: false, error: { code: 'UNAVAILABLE', message: 'x' } }),
    on: () => () => {},
  } as unknown as ViknoApi,
}));

const { forgetKeptDraft, keepDraft, newestDraft, releaseKeptDraft } = await import('../../../renderer/src/features/intake/kept-draft');
const { useShellStore } = await import('../../../renderer/src/app/shell-store');

function onDesk(folder: string): void {
  dataDir = folder;
  useShellStore.setState({ info: { status: 'loaded', info: info() } });
}

const typed = { version: 1, form: { notes: 'typed while the link was stale' } };
const older = { version: 1, form: { notes: 'saved before' } };

beforeEach(() => {
  localStorage.clear();
  onDesk('/data/desk-a');
});

describe('the intake draft kept in the browser', () => {
  it('is offered when it is newer than the backend draft, and the backend draft when that is newer', async () => {
    keepDraft(typed, new Date('2026-12-03T08:00:00.000Z'));
    expect(await newestDraft({ data: older, updatedAt: '2026-12-03T07:59:00.000Z' })).toEqual({
      data: typed,
      updatedAt: '2026-12-03T08:00:00.000Z',
    });
    expect(await newestDraft(null)).toEqual({ data: typed, updatedAt: '2026-12-03T08:00:00.000Z' });
    expect(await newestDraft({ data: older, updatedAt: '2026-12-03T08:01:00.000Z' })).toEqual({
      data: older,
      updatedAt: '2026-12-03T08:01:00.000Z',
    });
  });

  it('goes once the backend acknowledged that same draft, and stays when a newer one replaced it', async () => {
    keepDraft(typed);
    releaseKeptDraft(older);
    expect((await newestDraft(null))?.data).toEqual(typed);
    releaseKeptDraft(typed);
    expect(await newestDraft(null)).toBeNull();
  });

  it('belongs to one data folder: another desk served on the same port does not see it', async () => {
    keepDraft(typed);
    onDesk('/data/desk-b');
    expect(await newestDraft(null)).toBeNull();
    onDesk('/data/desk-a');
    expect((await newestDraft(null))?.data).toEqual(typed);
  });

  it('is forgotten when the intake is registered or discarded, and a damaged entry offers nothing', async () => {
    keepDraft(typed);
    forgetKeptDraft();
    expect(await newestDraft(null)).toBeNull();
    localStorage.setItem('vikno.keptDraft:/data/desk-a', '{not json');
    expect(await newestDraft(null)).toBeNull();
  });
});
