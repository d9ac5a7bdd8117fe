import type { AppInfo } from '../../shared/contract';

/** What `app.info` answers for a configured desk, with the fields a test cares about replaced. */
export function appInfo(over: Partial<AppInfo> = {}): AppInfo {
  return {
    product: 'Vikno',
    version: '1.0.0',
    schemaVersion: 1,
    dataDir: '/data/desk',
    center: { code: 'C1', name: 'ЦНАП' },
    desk: { code: 'D1', window: '1' },
    configSource: 'file',
    timeZone: 'Europe/Kyiv',
    names: { apostrophe: 'ʼ' },
    ...over,
  };
}
