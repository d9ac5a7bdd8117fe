import { useEffect, useRef, useState } from 'react';
import { useShellStore } from '../../app/shell-store';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { Notice } from '../../kit/Notice';
import { useT } from '../../i18n/use-t';
import { ActionButton } from './ActionButton';
import { ConnectionNotice } from './ConnectionNotice';
import { CurrentTicket } from './CurrentTicket';
import { ParkDialog } from './ParkDialog';
import { actionAvailability, deskSituation, disabledReason, purposeLink } from './panel-actions';
import type { PanelAction } from './panel-actions';
import type { ShortcutTarget } from './panel-shortcuts';
import { openIntakeForTicket, openIssuingForTicket } from './purpose-links';
import { queueErrorCode, queueErrorKey } from './queue-errors';
import { QueueStatisticsBlock } from './QueueStatisticsBlock';
import { act, dismissActionError, openQueue, useQueueStore } from './queue-store';
import { TicketLists } from './TicketLists';
import { TransferDialog } from './TransferDialog';
import { usePanelShortcuts } from './use-panel-shortcuts';
import { useQueueClock } from './use-queue-clock';
import { WalkInDialog } from './WalkInDialog';

type OpenDialog = 'park' | 'transfer' | 'walk_in' | null;

/** The order of the counter buttons: the day's rhythm at a window, calling first, finishing last. */
const BUTTONS: readonly PanelAction[] = ['call_next', 'recall', 'arrived', 'no_show', 'park', 'transfer', 'finish', 'walk_in'];

/** The clerk's queue panel (Alt+1): the ticket at the window, the counter actions, the waiting and parked lists. */
export function QueueScreen() {
  const t = useT();
  const panel = useQueueStore((state) => state.panel);
  const loadError = useQueueStore((state) => state.loadError);
  const sending = useQueueStore((state) => state.sending !== null);
  const actionError = useQueueStore((state) => state.actionError);
  const supervisor = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  const now = useQueueClock();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [intakeBusy, setIntakeBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // While the link to the desk backend is down the shell's banner says so; the panel is read again once it is back (changes pushed meanwhile were missed).
  const linkDown = useShellStore((state) => state.connection === 'reconnecting' || state.connection === 'refused');

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (!linkDown) void openQueue();
  }, [linkDown]);

  const situation = panel ? deskSituation(panel) : null;
  const ticket = situation?.current ?? null;
  const link = purposeLink(ticket);

  const availability = (action: PanelAction) => {
    if (!situation) return { enabled: false as const, reason: 'no_ticket' as const };
    return actionAvailability(situation, action);
  };
  const breakAction: PanelAction = situation?.paused ? 'resume' : 'pause';

  function press(target: ShortcutTarget): boolean {
    if (sending || dialog !== null || !situation) return false;
    if (target === 'purpose') {
      if (!ticket || link === null) return false;
      if (link === 'issue') void openIssuingForTicket(ticket);
      else void openIntakeForTicket(ticket).then((opened) => setIntakeBusy(!opened));
      return true;
    }
    if (!availability(target).enabled) return false;
    switch (target) {
      case 'call_next':
      case 'pause':
      case 'resume':
        void act({ action: target });
        return true;
      case 'park':
      case 'transfer':
      case 'walk_in':
        setDialog(target);
        return true;
      default:
        if (ticket) void act({ action: target, ticketId: ticket.id });
        return ticket !== null;
    }
  }
  usePanelShortcuts(press);

  const label = (action: PanelAction) =>
    action === 'recall' && ticket && ticket.recalls > 0
      ? t('queue.action.recallCount', { count: ticket.recalls })
      : t(`queue.action.${action}`);
  const queueCode = actionError ? queueErrorCode(actionError) : null;

  return (
    <section className="screen screen-wide queue-screen" aria-labelledby="screen-title" aria-busy={sending}>
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t('queue.title')}
      </h2>
      {loadError && !linkDown && <ErrorNotice error={loadError} context="queue.loadFailed" onRetry={() => void openQueue()} />}
      {!panel && !loadError && <p className="muted">{t('queue.loading')}</p>}
      {panel && situation && (
        <>
          <ConnectionNotice panel={panel} />
          {situation.paused && (
            <Notice tone="info" title={t('queue.paused.title')} className="queue-paused">
              <p>{t('queue.paused.text')}</p>
            </Notice>
          )}
          {actionError &&
            (queueCode === null ? (
              <ErrorNotice error={actionError} context="queue.actionFailed" onRetry={dismissActionError} />
            ) : (
              <Notice tone="error" title={t('queue.actionFailed')}>
                <p>{t(queueErrorKey(queueCode))}</p>
              </Notice>
            ))}
          {intakeBusy && (
            <Notice tone="warning">
              <p>{t('queue.intakeBusy')}</p>
            </Notice>
          )}
          {/* Without the back office's view (standalone) there are no lists: the ticket and its buttons take the width. */}
          <div className={panel.desk ? 'queue-layout' : 'queue-layout queue-layout-alone'}>
            <div className="queue-main">
              <CurrentTicket ticket={ticket} now={now} />
              <div className="queue-actions" role="group" aria-label={t('queue.actions.label')}>
                {link !== null && (
                  <ActionButton
                    target="purpose"
                    label={t(link === 'intake' ? 'queue.action.intake' : 'queue.action.issue')}
                    enabled={!sending}
                    reason={null}
                    primary
                    onPress={() => press('purpose')}
                  />
                )}
                {[...BUTTONS, breakAction].map((action) => {
                  const state = availability(action);
                  return (
                    <ActionButton
                      key={action}
                      target={action}
                      label={label(action)}
                      enabled={state.enabled && !sending}
                      reason={disabledReason(t, situation, state)}
                      primary={action === 'call_next' && link === null}
                      onPress={() => press(action)}
                    />
                  );
                })}
              </div>
              <p className="muted queue-shortcut-note">{t('queue.shortcuts')}</p>
            </div>
            {panel.desk && <TicketLists desk={panel.desk} situation={situation} now={now} />}
          </div>
          {supervisor && panel.connection === 'online' && <QueueStatisticsBlock />}
          {dialog === 'park' && ticket && <ParkDialog ticket={ticket} onClose={() => setDialog(null)} />}
          {dialog === 'transfer' && ticket && panel.desk && (
            <TransferDialog ticket={ticket} desk={panel.desk} onClose={() => setDialog(null)} />
          )}
          {dialog === 'walk_in' && <WalkInDialog onClose={() => setDialog(null)} />}
        </>
      )}
    </section>
  );
}
