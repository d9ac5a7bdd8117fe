// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntegrityCheck } from '../../../shared/contract';
import { StorageDamagedBanner } from '../../../renderer/src/app/StorageDamagedBanner';
import { useShellStore } from '../../../renderer/src/app/shell-store';
import { useLanguageStore } from '../../../renderer/src/i18n/language-store';

const DAMAGED: IntegrityCheck = {
  state: 'damaged',
  problem: 'Tree 812 page 812: btreeInitPage() returns error code 11',
  backup: '/home/clerk/.config/Vikno/backups/vikno-20261203-180000.db',
  checkedAt: '2026-12-04T08:15:00.000Z',
};

function show(integrity: IntegrityCheck | null) {
  useShellStore.setState({ integrity });
  return render(<StorageDamagedBanner />);
}

beforeEach(() => useLanguageStore.setState({ language: 'uk' }));
afterEach(cleanup);

describe('the damaged-database banner', () => {
  it('says nothing while the check runs, when it passed, or when it could not run', () => {
    for (const integrity of [
      null,
      { state: 'running' },
      { state: 'ok', checkedAt: DAMAGED.checkedAt, durationMs: 4100 },
      { state: 'failed', error: 'worker exited', checkedAt: DAMAGED.checkedAt },
    ] satisfies Array<IntegrityCheck | null>) {
      const { container } = show(integrity);
      expect(container.textContent).toBe('');
      cleanup();
    }
  });

  it('alerts that nothing can be saved, what was found, and names the backup IT is to restore', () => {
    show(DAMAGED);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Базу даних пошкоджено: зберегти нічого не можна');
    expect(alert.textContent).toContain('(Tree 812 page 812: btreeInitPage() returns error code 11)');
    expect(alert.textContent).toContain(`Попросіть ІТ-фахівця відновити найновішу справну резервну копію: ${DAMAGED.backup}`);
  });

  it('without a good backup says so, in English too', () => {
    useLanguageStore.setState({ language: 'en' });
    show({ ...DAMAGED, backup: null });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The database is damaged: nothing can be saved');
    expect(alert.textContent).toContain('There is no good backup: ask IT to recover the data from the damaged file');
    expect(alert.textContent).not.toContain('vikno-20261203');
  });
});
