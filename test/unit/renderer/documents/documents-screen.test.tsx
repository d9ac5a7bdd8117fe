// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseRegistrar } from '../desk-backend';
import { STANDALONE } from '../../../helpers/sync-status';
import '../dom-setup';
import { fake } from './with-fake';
import { fakePage, refusal } from './fake-documents';
import type { SyncStatus } from '../../../../shared/contract';
import type { CaseDocument } from '../../../../shared/documents';
import type { Application } from '../../../../shared/domain/application';
import { DocumentsScreen } from '../../../../renderer/src/features/documents/DocumentsScreen';
import { useCaseStore } from '../../../../renderer/src/features/documents/case-store';
import { useDocumentsStore } from '../../../../renderer/src/features/documents/documents-store';
import { useShellStore } from '../../../../renderer/src/app/shell-store';

/**
 * The Documents screen over the real desk backend for applications (a case registered through
 * it), and the documents methods played in memory until the desk's documents store lands.
 */
const register = caseRegistrar({ kind: 'person', surname: 'Бондар', givenName: 'Ірина', rnokpp: '1759013776' });

function caseDocument(app: Application, position: number, change: Partial<CaseDocument> = {}): CaseDocument {
  return {
    id: `doc-${position}`,
    applicationId: app.id,
    kind: 'scan',
    receipt: 1,
    position,
    pages: 2,
    sha256: 'a'.repeat(64),
    bytes: 350_000,
    source: 'scanner',
    attachedAt: '2026-12-03T10:00:00.000Z',
    file: 'local',
    uploaded: true,
    ...change,
  };
}

let app: Application;

/** A desk that synced: documents may show as held by the back office. */
const SYNCED: SyncStatus = { ...STANDALONE, state: 'online', clockOffsetMs: 0 };

async function findCase(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(<DocumentsScreen />);
  await user.type(screen.getByLabelText('Реєстраційний номер'), app.regNumber);
  await user.click(screen.getByRole('button', { name: 'Знайти' }));
  return screen.findByRole('table', { name: 'Рядки опису' });
}

beforeEach(async () => {
  fake.reset();
  useDocumentsStore.setState({ sets: {}, scanners: null, scannersError: null, inbox: [] });
  useCaseStore.setState({ application: null, documents: [], searching: false, notFound: false, error: null, openLine: null });
  useShellStore.setState({ clerk: { id: 'c1', fullName: 'Клерк', roles: ['clerk'] }, sync: null });
  app ??= await register();
  fake.answer('documents.list', () => [caseDocument(app, 1, { source: 'diia', uploaded: false })]);
});

describe('the Documents screen', { timeout: 20_000 }, () => {
  it('finds a case by its number and lists its receipt lines with what is attached to each', async () => {
    const user = userEvent.setup();
    const table = await findCase(user);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(app.items.length);
    expect(rows[0]!.textContent).toContain('Опис №1, рядок 1');
    expect(rows[0]!.textContent).toContain(app.items[0]!.name);
    expect(rows[0]!.textContent).toContain('2 стор., 342 КБ, копія з Дія · чекає на вивантаження');
    expect(rows[1]!.textContent).toContain('немає');
    expect(fake.calls.find(([m]) => m === 'documents.list')?.[1]).toEqual({ applicationId: app.id });
  });

  it('reads the case’s documents again after a sync cycle: "чекає на вивантаження" becomes "у бек-офісі"', async () => {
    const user = userEvent.setup();
    const table = await findCase(user);
    expect(within(table).getByText(/чекає на вивантаження/)).toBeTruthy();
    fake.answer('documents.list', () => [caseDocument(app, 1, { source: 'diia', uploaded: true })]);
    act(() => useShellStore.setState({ sync: { ...SYNCED, lastSuccessAt: '2026-12-03T10:05:00.000Z' } }));
    expect(await within(table).findByText(/копія з Дія · у бек-офісі/)).toBeTruthy();
  });

  it('says when no case has the number', async () => {
    const user = userEvent.setup();
    render(<DocumentsScreen />);
    await user.type(screen.getByLabelText('Реєстраційний номер'), 'НЕМАЄ-1');
    await user.click(screen.getByRole('button', { name: 'Знайти' }));
    expect(await screen.findByText('Звернення з таким номером не знайдено. Перевірте номер.')).toBeTruthy();
  });

  it('scans or adds a file for a line and attaches it there, then lists it', async () => {
    const user = userEvent.setup();
    await findCase(user);
    const name = app.items[0]!.name;
    await user.click(screen.getByRole('button', { name: `Сканувати / Додати файл: ${name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Скан до рядка: ${name}` });
    await waitFor(() =>
      expect(fake.calls.find(([m]) => m === 'documents.openSet')?.[1]).toEqual({
        owner: { kind: 'line', applicationId: app.id, receipt: 1, position: 1 },
        label: name,
      }),
    );
    await user.upload(within(dialog).getByLabelText('Додати файл'), new File(['%PDF'], 'паспорт.pdf', { type: 'application/pdf' }));
    await within(dialog).findByAltText('Сторінка 1');
    fake.answer('documents.attach', () => app);
    fake.answer('documents.list', () => [caseDocument(app, 1, { source: 'file', pages: 1, bytes: 4 })]);
    await user.click(within(dialog).getByRole('button', { name: `Прикріпити: ${name}` }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const setId = [...fake.sets.values()][0]!.id;
    expect(fake.calls.find(([m]) => m === 'documents.attach')?.[1]).toEqual({ setId });
    expect(await screen.findByText(/1 стор\., 1 КБ, файл · у бек-офісі/)).toBeTruthy();
  });

  it('opens a document as a PDF in a new tab, and says what to do when its purged file cannot come back offline', async () => {
    const user = userEvent.setup();
    await findCase(user);
    const name = app.items[0]!.name;
    fake.answer('documents.file', () => ({ fileName: 'doc.pdf', base64: btoa('%PDF-1.7') }));
    await user.click(screen.getByRole('button', { name: `Відкрити: ${name}` }));
    await waitFor(() => expect(window.open).toHaveBeenCalledWith(expect.stringMatching(/^blob:/), '_blank'));
    expect(fake.calls.find(([m]) => m === 'documents.file')?.[1]).toEqual({ documentId: 'doc-1' });

    fake.answer('documents.file', () => refusal('UNAVAILABLE', 'file', 'offline'));
    await user.click(screen.getByRole('button', { name: `Відкрити: ${name}` }));
    expect((await screen.findByRole('alert')).textContent).toContain('бек-офіс зараз недоступний');
  });

  it('gives an inbox file to a line of the open case, then shows that line’s pages to attach', async () => {
    const user = userEvent.setup();
    fake.addSet({ kind: 'inbox' }, 'scan-0007.jpg', [fakePage('hot_folder')]);
    const table = await findCase(user);
    expect(table).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Додати до рядка: scan-0007.jpg' }));
    const picker = await screen.findByRole('dialog', { name: 'Рядок опису для «scan-0007.jpg»' });
    const second = app.items[1]!.name;
    await user.click(within(picker).getByRole('button', { name: `Опис №1, рядок 2: ${second}` }));
    const dialog = await screen.findByRole('dialog', { name: `Скан до рядка: ${second}` });
    await within(dialog).findByAltText('Сторінка 1');
    expect(within(dialog).getByRole('button', { name: /^Сторінка 1 з 1, папка сканера/ })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Нових файлів немає.')).toBeTruthy());
  });

  it('lets only a supervisor clear old scans, after asking, and shows what was freed', async () => {
    const user = userEvent.setup();
    render(<DocumentsScreen />);
    expect(screen.queryByRole('button', { name: 'Очистити старі скани' })).toBeNull();
    act(() => useShellStore.setState({ clerk: { id: 's1', fullName: 'Керівник', roles: ['clerk', 'supervisor'] } }));
    fake.answer('documents.purge', () => ({ documents: 3, bytes: 5 * 1024 * 1024 }));
    await user.click(screen.getByRole('button', { name: 'Очистити старі скани' }));
    expect(fake.calls.some(([m]) => m === 'documents.purge')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Так, очистити' }));
    expect(await screen.findByText('Видалено файлів: 3; звільнено 5,0 МБ. Їх можна буде відкрити з бек-офісу.')).toBeTruthy();
  });
});
