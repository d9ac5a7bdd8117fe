import { useEffect, useState } from 'react';
import type { CalendarSettings } from '../../../../shared/contract';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';

export type SettingsState =
  { status: 'loading' } | { status: 'loaded'; settings: CalendarSettings } | { status: 'failed'; error: ErrorBody };

/** The center's martial-law switch as this desk holds it; asked again whenever `reload` changes. */
export function useCalendarSettings(active: boolean, reload: number): SettingsState {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  useEffect(() => {
    if (!active) return;
    let alive = true;
    void api.call('calendar.settings', {}).then((result) => {
      if (alive) setState(result.ok ? { status: 'loaded', settings: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      alive = false;
    };
  }, [active, reload]);
  return state;
}
