// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import '../dom-setup';
import { fake } from './with-fake';
import { fakePage } from './fake-documents';
import { ChecklistSection } from '../../../../renderer/src/features/intake/ChecklistSection';
import { emptyForm } from '../../../../renderer/src/features/intake/intake-form';
import type { ChecklistLine } from '../../../../renderer/src/features/intake/intake-form';
import { useIntakeStore } from '../../../../renderer/src/features/intake/intake-store';
import { useDocumentsStore } from '../../../../renderer/src/features/documents/documents-store';

const line = (key: string, nameUk: string, submitted: boolean): ChecklistLine => ({
  key,
  nameUk,
  nameEn: nameUk,
  fromCatalog: true,
  required: true,
  submitted,
  original: true,
  sheets: '1',
});

const items = () => useIntakeStore.getState().form.items;

beforeEach(() => {
  fake.reset();
  useDocumentsStore.setState({ sets: {}, scanners: null, scannersError: null, inbox: [] });
  act(() =>
    useIntakeStore.setState({
      phase: 'editing',
      form: { ...emptyForm(), items: [line('p', 'Паспорт', true), line('c', 'Свідоцтво', false)] },
    }),
  );
});

describe('scanning from the intake checklist', () => {
  it('offers "Сканувати" on submitted lines only, named for the line', () => {
    render(<ChecklistSection />);
    expect(screen.getByRole('button', { name: 'Сканувати: Паспорт' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Сканувати: Свідоцтво' })).toBeNull();
  });

  it('scans into the line’s set, and "Прикріпити" assembles it: the line shows "N арк., скан" and its sheets become the page count, read-only', async () => {
    const user = userEvent.setup();
    render(<ChecklistSection />);
    await user.click(screen.getByRole('button', { name: 'Сканувати: Паспорт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Скан документа: Паспорт' });
    await waitFor(() => expect(fake.calls.some(([m]) => m === 'documents.openSet')).toBe(true));
    expect(fake.calls.find(([m]) => m === 'documents.openSet')?.[1]).toEqual({ owner: { kind: 'intake', lineKey: 'p' }, label: 'Паспорт' });
    // Nothing to attach before there are pages.
    expect(within(dialog).getByRole('button', { name: 'Прикріпити: Паспорт' })).toHaveProperty('disabled', true);

    await user.click(within(dialog).getByRole('button', { name: 'Сканувати' }));
    const setId = [...fake.sets.values()][0]!.id;
    await waitFor(() => expect(useDocumentsStore.getState().sets[setId]?.scan?.scanId).toBeTruthy());
    const scanId = useDocumentsStore.getState().sets[setId]!.scan!.scanId!;
    act(() => {
      fake.scanPage(setId, scanId);
      fake.scanPage(setId, scanId);
      fake.scanPage(setId, scanId);
    });
    act(() => fake.scanEnd(setId, scanId, 'finished'));
    await within(dialog).findByText('Сканування завершено. Скановано сторінок: 3.');

    await user.click(within(dialog).getByRole('button', { name: 'Прикріпити: Паспорт' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.some(([m, input]) => m === 'documents.assemble' && JSON.stringify(input) === JSON.stringify({ setId }))).toBe(true);
    expect(screen.getByText('3 арк., скан')).toBeTruthy();
    const sheets = screen.getByLabelText('Аркушів: Паспорт') as HTMLInputElement;
    expect(sheets.value).toBe('3');
    expect(sheets.readOnly).toBe(true);
    expect(items()[0]?.scan).toEqual({ setId, pages: 3 });
    // Focus is back on the line's button.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Сканувати: Паспорт');
  });

  it('a refused assembly keeps the dialog open with the reason, and the line unscanned', async () => {
    const user = userEvent.setup();
    fake.addSet({ kind: 'intake', lineKey: 'p' }, 'Паспорт', [fakePage()]);
    fake.answer('documents.assemble', () => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'too large', details: { issues: [{ path: ['file'], message: 'document_too_large' }] } },
    }));
    render(<ChecklistSection />);
    await user.click(screen.getByRole('button', { name: 'Сканувати: Паспорт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Скан документа: Паспорт' });
    await within(dialog).findByAltText('Сторінка 1');
    await user.click(within(dialog).getByRole('button', { name: 'Прикріпити: Паспорт' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Документ перевищує дозволений розмір.');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(items()[0]?.scan).toBeUndefined();
    expect((screen.getByLabelText('Аркушів: Паспорт') as HTMLInputElement).readOnly).toBe(false);
  });

  it('pages edited after attaching undo the attachment: the line must be attached again, its sheets typed meanwhile', async () => {
    const user = userEvent.setup();
    const set = fake.addSet({ kind: 'intake', lineKey: 'p' }, 'Паспорт', [fakePage(), fakePage()]);
    fake.sets.set(set.id, { ...set, assembled: { sha256: 'e'.repeat(64), pages: 2, bytes: set.bytes } });
    act(() =>
      useIntakeStore.setState({
        form: { ...emptyForm(), items: [{ ...line('p', 'Паспорт', true), sheets: '2', scan: { setId: set.id, pages: 2 } }] },
      }),
    );
    render(<ChecklistSection />);
    expect(screen.getByText('2 арк., скан')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Сканувати: Паспорт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Скан документа: Паспорт' });
    // Closed untouched: still attached.
    await within(dialog).findByAltText('Сторінка 2');
    await user.click(within(dialog).getByRole('button', { name: 'Закрити' }));
    expect(items()[0]?.scan).toEqual({ setId: set.id, pages: 2 });

    await user.click(screen.getByRole('button', { name: 'Сканувати: Паспорт' }));
    const again = await screen.findByRole('dialog', { name: 'Скан документа: Паспорт' });
    await user.click(await within(again).findByRole('button', { name: 'Видалити: сторінка 2' }));
    await user.click(within(again).getByRole('button', { name: 'Так, видалити' }));
    await waitFor(() => expect(within(again).queryByAltText('Сторінка 2')).toBeNull());
    await user.click(within(again).getByRole('button', { name: 'Закрити' }));
    expect(items()[0]?.scan).toBeNull();
    expect(screen.queryByText(/арк\., скан/)).toBeNull();
    expect((screen.getByLabelText('Аркушів: Паспорт') as HTMLInputElement).readOnly).toBe(false);
  });

  it('takes a file from the scanner folder’s inbox into the line', async () => {
    const user = userEvent.setup();
    fake.addSet({ kind: 'inbox' }, 'scan-0001.pdf', [fakePage('hot_folder'), fakePage('hot_folder')]);
    render(<ChecklistSection />);
    await user.click(screen.getByRole('button', { name: 'Сканувати: Паспорт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Скан документа: Паспорт' });
    await user.click(await within(dialog).findByRole('button', { name: 'Додати до цього документа: scan-0001.pdf' }));
    await waitFor(() => expect(within(dialog).getAllByAltText(/^Сторінка \d$/)).toHaveLength(2));
    expect(within(dialog).getByRole('button', { name: /^Сторінка 1 з 2, папка сканера/ })).toBeTruthy();
    // Taken: it leaves the inbox.
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: /scan-0001\.pdf/ })).toBeNull());
  });
});
