import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../main/electron/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

const onExportDiagnostics = () => undefined;

describe('menuTemplate', () => {
  it('has no reload or developer tools in packaged builds', () => {
    for (const isMac of [true, false]) {
      const found = roles(menuTemplate({ isPackaged: true, isMac, onExportDiagnostics }));
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forceReload');
      expect(found).not.toContain('toggleDevTools');
    }
  });

  it('has them in development builds', () => {
    expect(roles(menuTemplate({ isPackaged: false, isMac: false, onExportDiagnostics }))).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });

  it('keeps the edit menu (copy and paste shortcuts) and a way to quit on every platform', () => {
    expect(roles(menuTemplate({ isPackaged: true, isMac: true, onExportDiagnostics }))).toEqual(
      expect.arrayContaining(['appMenu', 'editMenu']),
    );
    expect(roles(menuTemplate({ isPackaged: true, isMac: false, onExportDiagnostics }))).toEqual(
      expect.arrayContaining(['fileMenu', 'editMenu']),
    );
  });

  it('offers «Експорт діагностики» under Help, which asks main to have the page export', () => {
    for (const isMac of [true, false]) {
      let asked = 0;
      const help = menuTemplate({ isPackaged: true, isMac, onExportDiagnostics: () => (asked += 1) }).find((item) => item.role === 'help');
      const item = (help?.submenu as MenuItemConstructorOptions[]).find((entry) => entry.label === 'Експорт діагностики');
      (item?.click as () => void)();
      expect(asked).toBe(1);
    }
  });
});
