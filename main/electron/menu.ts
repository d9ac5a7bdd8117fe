/**
 * The application menu as data. Packaged builds carry no reload or developer tools: a reload
 * would throw away a half-filled application form, and devtools are a way around the renderer's
 * restrictions. Edit stays everywhere: clerks copy and paste identifiers all day.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  isPackaged: boolean;
  isMac: boolean;
  /** Help → «Експорт діагностики»: main asks the focused window's page to export (it checks the role). */
  onExportDiagnostics(): void;
}

export function menuTemplate({ isPackaged, isMac, onExportDiagnostics }: MenuInput): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const developer: MenuItemConstructorOptions = {
    label: 'Developer',
    submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
  };
  return [
    isMac ? { role: 'appMenu' } : { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    ...(isPackaged ? [] : [developer]),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Експорт діагностики', click: () => onExportDiagnostics() }] },
  ];
}
