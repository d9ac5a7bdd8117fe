// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComponentType } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../../main/backend/audit/audit-log';
import { createBackend } from '../../../../main/backend/index';
import type { Backend } from '../../../../main/backend/index';
import { connectInProcess } from '../../../../main/backend/transport/in-process';
import type { ViknoApi } from '../../../../shared/contract';
import { openTestDesk } from '../../../helpers/desk-db';
import { memoryLogger } from '../../../helpers/memory-logger';
import { signInAdmin } from '../../../helpers/sign-in';
import '../dom-setup';

// A desk whose audit log someone edited behind Vikno's back, on a real SQLite file.
const dataDir = mkdtempSync(join(tmpdir(), 'vikno-ui-audit-'));
const file = join(dataDir, 'vikno.db');

/** Edits entry `seq` as someone with the file would: around the append-only trigger. */
function editEntry(seq: number): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS audit_events_no_update');
  db.prepare("UPDATE audit_events SET actor = 'someone-else' WHERE seq = ?").run(seq);
  db.close();
}

let backend: Backend;
let deskApi: ViknoApi & { disconnect(): void };
let ClerkSettings: ComponentType;
let setShell: (state: object) => void;
let setLanguage: (language: 'uk' | 'en') => void;

beforeAll(async () => {
  const desk = openTestDesk(dataDir);
  desk.db.transaction(() => {
    for (let i = 1; i <= 20; i += 1) {
      appendAudit(desk.db, {
        at: '2026-12-03T07:00:00.000Z',
        actor: 'c1',
        action: 'applicant.view',
        entity: 'applicant',
        entityId: `p${i}`,
      });
    }
  })();
  desk.db.close();
  editEntry(12);
  backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger() });
  deskApi = connectInProcess(backend);
  await signInAdmin(deskApi);
  window.vikno = deskApi;
  // `api` takes window.vikno when first evaluated: the screen is imported only now.
  ({ ClerkSettings } = await import('../../../../renderer/src/app/ClerkSettings'));
  const { useShellStore } = await import('../../../../renderer/src/app/shell-store');
  ({ setLanguage } = (await import('../../../../renderer/src/i18n/language-store')).useLanguageStore.getState());
  setShell = (state) => act(() => useShellStore.setState(state));
});

afterEach(() => act(() => setLanguage('uk')));

afterAll(async () => {
  deskApi.disconnect();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function me() {
  const result = await deskApi.call('clerk.me', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function openSettings(opener = 'Налаштування') {
  const user = userEvent.setup();
  render(<ClerkSettings />);
  await user.click(screen.getByRole('button', { name: opener }));
  return { user, dialog: screen.getByRole('dialog') };
}

describe('the audit log check in the settings dialog', () => {
  it('shows a supervisor the entry where the chain broke, and checks again on demand', async () => {
    setShell({ clerk: await me() });
    const { user, dialog } = await openSettings();
    const section = within(dialog).getByRole('region', { name: 'Журнал дій' });
    const alert = await within(section).findByRole('alert');
    expect(within(alert).getByText('Журнал дій пошкоджено: запис № 12')).toBeTruthy();
    expect(alert.textContent).toContain('Вміст запису змінено. Перевірено');
    expect(alert.textContent).toContain('повідомте ІТ');

    // Someone edits an earlier entry while the desk runs: the next check finds that one.
    editEntry(5);
    await user.click(within(section).getByRole('button', { name: 'Перевірити журнал дій' }));
    expect(await within(section).findByText('Журнал дій пошкоджено: запис № 5')).toBeTruthy();
  });

  it('says the same in English', async () => {
    act(() => setLanguage('en'));
    setShell({ clerk: await me() });
    const { dialog } = await openSettings('Settings');
    const section = within(dialog).getByRole('region', { name: 'Audit log' });
    expect(await within(section).findByText('The audit log is broken: entry 5')).toBeTruthy();
    expect(within(section).getByRole('alert').textContent).toContain('The entry was edited. Checked');
  });

  it('is not shown to a clerk without the supervisor role', async () => {
    setShell({ clerk: { ...(await me()), roles: ['clerk'] } });
    const { dialog } = await openSettings();
    expect(within(dialog).queryByRole('region', { name: 'Журнал дій' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Перевірити журнал дій' })).toBeNull();
  });
});
