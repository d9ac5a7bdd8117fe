import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../main/electron/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  it('has no reload or developer tools in packaged builds', () => {
    for (const isMac of [true, false]) {
      const found = roles(menuTemplate({ isPackaged: true, isMac }));
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forceReload');
      expect(found).not.toContain('toggleDevTools');
    }
  });

  it('has them in development builds', () => {
    expect(roles(menuTemplate({ isPackaged: false, isMac: false }))).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });

  it('keeps the edit menu (copy and paste shortcuts) and a way to quit on every platform', () => {
    expect(roles(menuTemplate({ isPackaged: true, isMac: true }))).toEqual(expect.arrayContaining(['appMenu', 'editMenu']));
    expect(roles(menuTemplate({ isPackaged: true, isMac: false }))).toEqual(expect.arrayContaining(['fileMenu', 'editMenu']));
  });
});
