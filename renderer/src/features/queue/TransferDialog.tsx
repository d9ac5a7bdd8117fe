import { useRef, useState } from 'react';
import type { DeskQueueState, QueueTicket } from '../../../../shared/queue-protocol';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { act } from './queue-store';

const NOTE_MAX = 500;

interface TransferDialogProps {
  ticket: QueueTicket;
  desk: DeskQueueState;
  onClose(): void;
}

/** Send the ticket to another queue or to one window; the note travels with it to the next clerk. */
export function TransferDialog({ ticket, desk, onClose }: TransferDialogProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const queues = desk.queues.map((q) => ({ value: q.code, label: language === 'uk' ? q.nameUk : q.nameEn }));
  // Not to this window itself: that would hand the ticket back to the clerk holding it.
  const desks = desk.desks
    .filter((d) => d.deskCode !== desk.deskCode)
    .map((d) => ({ value: d.deskCode, label: t('queue.transfer.deskOption', { window: d.window }) }));
  const [kind, setKind] = useState<'queue' | 'desk'>(queues.length > 0 ? 'queue' : 'desk');
  const [queueCode, setQueueCode] = useState(queues[0]?.value ?? '');
  const [deskCode, setDeskCode] = useState(desks[0]?.value ?? '');
  const [note, setNote] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  const target = kind === 'queue' ? queueCode : deskCode;

  const submit = async () => {
    if (target === '') return;
    const trimmed = note.trim();
    const where = kind === 'queue' ? { toQueueCode: target } : { toDeskCode: target };
    if (await act({ action: 'transfer', ticketId: ticket.id, ...where, ...(trimmed === '' ? {} : { note: trimmed }) })) onClose();
  };

  return (
    <Dialog open onClose={onClose} title={t('queue.transfer.title', { number: ticket.number })} initialFocus={first}>
      {queues.length === 0 && desks.length === 0 ? (
        <p>{t('queue.transfer.nowhere')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <SelectInput<'queue' | 'desk'>
            id="queue-transfer-kind"
            label={t('queue.transfer.to')}
            value={kind}
            inputRef={first}
            options={[
              ...(queues.length > 0 ? [{ value: 'queue' as const, label: t('queue.transfer.toQueue') }] : []),
              ...(desks.length > 0 ? [{ value: 'desk' as const, label: t('queue.transfer.toDesk') }] : []),
            ]}
            onChange={setKind}
          />
          {kind === 'queue' ? (
            <SelectInput
              id="queue-transfer-queue"
              label={t('queue.transfer.queue')}
              value={queueCode}
              options={queues}
              onChange={setQueueCode}
            />
          ) : (
            <SelectInput
              id="queue-transfer-desk"
              label={t('queue.transfer.desk')}
              value={deskCode}
              options={desks}
              onChange={setDeskCode}
            />
          )}
          <TextInput
            id="queue-transfer-note"
            label={t('queue.transfer.note')}
            rows={3}
            maxLength={NOTE_MAX}
            value={note}
            onChange={setNote}
          />
          <div className="kit-button-row">
            <Button type="submit" variant="primary" disabled={target === ''}>
              {t('queue.transfer.confirm')}
            </Button>
            <Button onClick={onClose}>{t('queue.dialog.cancel')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
