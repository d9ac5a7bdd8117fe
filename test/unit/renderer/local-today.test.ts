import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract';
import { appInfo } from '../../helpers/app-info';
import { useShellStore } from '../../../renderer/src/app/shell-store';
import { localToday } from '../../../renderer/src/app/center-today';

const info = (timeZone: string): AppInfo => appInfo({ timeZone });

afterEach(() => useShellStore.setState({ info: { status: 'loading' } }));

describe('the renderer’s today', () => {
  it('is the center’s day, whatever zone the machine keeps: 23:30 UTC on 3 December is already 4 December in Kyiv', () => {
    const lateEvening = new Date('2026-12-03T23:30:00Z');
    useShellStore.setState({ info: { status: 'loaded', info: info('Europe/Kyiv') } });
    expect(localToday(lateEvening)).toBe('2026-12-04');
    useShellStore.setState({ info: { status: 'loaded', info: info('America/New_York') } });
    expect(localToday(lateEvening)).toBe('2026-12-03');
  });
});
