import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useShellStore } from '../../app/shell-store';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { AuditPanel } from '../audit/AuditPanel';
import { RegistersPanel } from '../registers/RegistersPanel';
import { SyncHealth } from '../sync/SyncHealth';
import { DayTab } from './DayTab';

type TabId = 'day' | 'sync' | 'registers' | 'audit';

const TABS: ReadonlyArray<{ id: TabId; label: PlainMessageKey }> = [
  { id: 'day', label: 'review.tab.day' },
  { id: 'sync', label: 'review.tab.sync' },
  { id: 'registers', label: 'review.tab.registers' },
  { id: 'audit', label: 'review.tab.audit' },
];

function TabPanel({ tab }: { tab: TabId }) {
  switch (tab) {
    case 'day':
      return <DayTab />;
    case 'sync':
      return <SyncHealth reload={0} />;
    case 'registers':
      return <RegistersPanel />;
    case 'audit':
      return <AuditPanel />;
  }
}

/**
 * «Перегляд» (Alt+4): the shift supervisor's review (issue 15) — the day's figures, sync health,
 * the registers and the audit trail, as tabs moved between with the arrow keys (WAI-ARIA tabs).
 */
export function ReviewScreen() {
  const t = useT();
  const supervisor = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  const [tab, setTab] = useState<TabId>('day');
  const buttons = useRef(new Map<TabId, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  // A new screen takes focus at its heading so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent): void {
    const index = TABS.findIndex((entry) => entry.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target =
      step !== 0
        ? TABS[(index + step + TABS.length) % TABS.length]
        : event.key === 'Home'
          ? TABS[0]
          : event.key === 'End'
            ? TABS.at(-1)
            : undefined;
    if (!target) return;
    event.preventDefault();
    setTab(target.id);
    buttons.current.get(target.id)?.focus();
  }

  return (
    <section className="screen review-screen" aria-labelledby="screen-title">
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t('review.title')}
      </h2>
      {!supervisor ? (
        <p>{t('review.supervisorOnly')}</p>
      ) : (
        <>
          <div role="tablist" aria-label={t('review.tabs')} className="review-tabs" onKeyDown={onKeyDown}>
            {TABS.map((entry) => (
              <button
                key={entry.id}
                ref={(node) => {
                  if (node) buttons.current.set(entry.id, node);
                }}
                type="button"
                role="tab"
                id={`review-tab-${entry.id}`}
                aria-selected={tab === entry.id}
                aria-controls={`review-panel-${entry.id}`}
                tabIndex={tab === entry.id ? 0 : -1}
                onClick={() => setTab(entry.id)}
              >
                {t(entry.label)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`review-panel-${tab}`} aria-labelledby={`review-tab-${tab}`} className="review-panel">
            <TabPanel tab={tab} />
          </div>
        </>
      )}
    </section>
  );
}
