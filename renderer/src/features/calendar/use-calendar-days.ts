import { useEffect, useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { yearRange } from './calendar-entry';
import type { ListedEntry } from './calendar-entry';

export type Listing = { status: 'loading' } | { status: 'loaded'; days: ListedEntry[] } | { status: 'failed'; error: ErrorBody };

/** The configured days of a year, in date order; asked again whenever `reload` changes. */
export function useCalendarDays(active: boolean, year: number, reload: number): Listing {
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  useEffect(() => {
    if (!active) return;
    let alive = true;
    setListing({ status: 'loading' });
    void api.call('calendar.list', yearRange(year)).then((result) => {
      if (!alive) return;
      setListing(
        result.ok
          ? { status: 'loaded', days: [...result.value].sort((a, b) => a.day.localeCompare(b.day)) }
          : { status: 'failed', error: result.error },
      );
    });
    return () => {
      alive = false;
    };
  }, [active, year, reload]);
  return listing;
}
