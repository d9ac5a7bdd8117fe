// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backend, deskApi, must } from '../desk-backend';
import '../dom-setup';
import { ClerkSettings } from '../../../../renderer/src/app/ClerkSettings';
import { useShellStore } from '../../../../renderer/src/app/shell-store';

beforeAll(async () => {
  const [clerk, sync] = await Promise.all([must(deskApi.call('clerk.me', {})), must(deskApi.call('sync.status', {}))]);
  act(() => useShellStore.setState({ clerk, sync }));
});

/** The Blobs the page made links of, and the links it clicked to save them. */
function watchSaves() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:diagnostics-${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const clicked: HTMLAnchorElement[] = [];
  // jsdom cannot download: the click is recorded instead of followed.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  return { blobs, clicked };
}
afterEach(() => vi.restoreAllMocks());

async function entriesOf(blob: Blob): Promise<Record<string, string>> {
  const zip = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('Export diagnostics in the settings dialog', () => {
  it('an admin presses it: the zip is made, saved at once, and can be saved again', async () => {
    const { blobs, clicked } = watchSaves();
    const user = userEvent.setup();
    render(<ClerkSettings />);
    await user.click(screen.getByRole('button', { name: 'Налаштування' }));
    const dialog = screen.getByRole('dialog', { name: 'Налаштування робочого місця' });
    const section = within(dialog).getByRole('region', { name: 'Діагностика' });
    await user.click(within(section).getByRole('button', { name: 'Експорт діагностики' }));

    const again = await within(section).findByRole('link', { name: 'Зберегти ще раз' });
    const fileName = again.getAttribute('download')!;
    expect(fileName).toMatch(/^vikno-diagnostics-DEMO-01-\d{8}-\d{6}\.zip$/);
    expect(within(section).getByText(`Архів ${fileName} готовий.`)).toBeTruthy();
    expect(clicked).toEqual([again]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('application/zip');
    expect(Object.keys(await entriesOf(blobs[0]!))).toEqual(expect.arrayContaining(['versions.json', 'config.json', 'sync-status.json']));
  });

  it('Help → «Експорт діагностики» opens the dialog and exports by itself', async () => {
    const { blobs, clicked } = watchSaves();
    render(<ClerkSettings />);
    // Stands in for the preload, which turns main's menu message into this event (main/preload/api.ts).
    act(() => (backend.emit as (name: string, payload: unknown) => void)('menu.command', { command: 'exportDiagnostics' }));
    const dialog = await screen.findByRole('dialog', { name: 'Налаштування робочого місця' });
    await within(dialog).findByRole('link', { name: 'Зберегти ще раз' });
    expect(clicked).toHaveLength(1);
    expect(blobs).toHaveLength(1);
  });

  it('in English', async () => {
    watchSaves();
    const { useLanguageStore } = await import('../../../../renderer/src/i18n/language-store');
    act(() => useLanguageStore.setState({ language: 'en' }));
    try {
      const user = userEvent.setup();
      render(<ClerkSettings />);
      await user.click(screen.getByRole('button', { name: 'Settings' }));
      const section = within(screen.getByRole('dialog')).getByRole('region', { name: 'Diagnostics' });
      await user.click(within(section).getByRole('button', { name: 'Export diagnostics' }));
      await waitFor(() => expect(within(section).getByRole('link', { name: 'Save again' })).toBeTruthy());
    } finally {
      act(() => useLanguageStore.setState({ language: 'uk' }));
    }
  });
});
