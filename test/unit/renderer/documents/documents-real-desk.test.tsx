// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseRegistrar } from '../desk-backend';
import '../dom-setup';
import { DocumentsScreen } from '../../../../renderer/src/features/documents/DocumentsScreen';
import { useCaseStore } from '../../../../renderer/src/features/documents/case-store';

/**
 * The Documents screen over the real desk backend, documents store included: the refusal of a file travels
 * from the store's file inspection to the clerk's words. (Files that pass need sharp and pdf-lib,
 * which refuse bytes from jsdom's realm; the e2e imports one in Chromium, and the panel's other
 * paths are tested against the in-memory documents in page-set-panel.test.tsx.)
 */
const register = caseRegistrar({ kind: 'person', surname: 'Ткачук', givenName: 'Олег', rnokpp: '1759013776' });

beforeEach(() => {
  useCaseStore.setState({ application: null, documents: [], searching: false, notFound: false, error: null, openLine: null });
});

describe('the Documents screen on a real desk', { timeout: 30_000 }, () => {
  it('refuses a file whose bytes are no picture or PDF (whatever its name says), naming it, and shows no page', async () => {
    const user = userEvent.setup();
    const app = await register();
    render(<DocumentsScreen />);
    await user.type(screen.getByLabelText('Реєстраційний номер'), app.regNumber);
    await user.click(screen.getByRole('button', { name: 'Знайти' }));
    const name = app.items[0]!.name;
    await user.click(await screen.findByRole('button', { name: `Сканувати / Додати файл: ${name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Скан до рядка: ${name}` });
    await user.upload(
      within(dialog).getByLabelText('Додати файл'),
      new File(['not a picture at all'], 'photo.jpg', { type: 'image/jpeg' }),
    );
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Файл «photo.jpg» не додано.');
    expect(alert.textContent).toContain('Такий файл додати не можна. Підходять PDF, JPEG, PNG і TIFF.');
    expect(within(dialog).queryAllByRole('button', { name: /^Сторінка \d/ })).toHaveLength(0);
  });
});
