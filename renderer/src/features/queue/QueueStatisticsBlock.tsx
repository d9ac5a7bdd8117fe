import { useCallback, useEffect, useState } from 'react';
import type { QueueStatistics, QueueStatisticsRow } from '../../../../shared/queue-protocol';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { Button } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import type { Column } from '../../kit/DataTable';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { waitText } from './wait-time';

/** From the desk's local midnight to now: "today" as the supervisor means it. */
export function todayRange(now: Date): { from: string; to: string } {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return { from: midnight.toISOString(), to: now.toISOString() };
}

/** Today's figures per queue (served, no-shows, waiting and service times) for the supervisor; asked for, not polled. */
export function QueueStatisticsBlock() {
  const t = useT();
  const [stats, setStats] = useState<QueueStatistics | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const load = useCallback(async () => {
    const result = await api.call('queue.statistics', todayRange(new Date()));
    if (result.ok) {
      setStats(result.value);
      setError(null);
    } else setError(result.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const seconds = (value: number | null) => (value === null ? t('queue.stats.none') : waitText(t, value));
  const columns: Column<QueueStatisticsRow>[] = [
    { key: 'key', header: t('queue.stats.col.queue'), rowHeader: true, cell: (row) => row.key },
    { key: 'served', header: t('queue.stats.col.served'), cell: (row) => row.served },
    { key: 'noShows', header: t('queue.stats.col.noShows'), cell: (row) => row.noShows },
    { key: 'waitAvg', header: t('queue.stats.col.waitAvg'), cell: (row) => seconds(row.waiting.avgSeconds) },
    { key: 'waitP90', header: t('queue.stats.col.waitP90'), cell: (row) => seconds(row.waiting.p90Seconds) },
    { key: 'serviceAvg', header: t('queue.stats.col.serviceAvg'), cell: (row) => seconds(row.service.avgSeconds) },
    { key: 'serviceP90', header: t('queue.stats.col.serviceP90'), cell: (row) => seconds(row.service.p90Seconds) },
  ];
  return (
    <section className="queue-stats" aria-labelledby="queue-stats-heading">
      <h3 id="queue-stats-heading" className="queue-section-title">
        {t('queue.stats.heading')}
      </h3>
      {error && <ErrorNotice error={error} context="queue.stats.failed" />}
      {stats && (
        <DataTable
          caption={{ labelledBy: 'queue-stats-heading' }}
          columns={columns}
          rows={[...stats.byQueue, { ...stats.total, key: t('queue.stats.total') }]}
          rowKey={(row) => row.key}
          empty={t('queue.stats.none')}
        />
      )}
      <Button variant="quiet" onClick={() => void load()}>
        {t('queue.stats.refresh')}
      </Button>
    </section>
  );
}
