import { useRef, useState } from 'react';
import type { QueueTicket } from '../../../../shared/queue-protocol';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { TextInput } from '../../kit/TextInput';
import { useT } from '../../i18n/use-t';
import { act } from './queue-store';

const NOTE_MAX = 500;

/** Park the ticket at the window (the citizen went for a missing paper), with a note to remember why. */
export function ParkDialog({ ticket, onClose }: { ticket: QueueTicket; onClose(): void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = async () => {
    const trimmed = note.trim();
    if (await act({ action: 'park', ticketId: ticket.id, ...(trimmed === '' ? {} : { note: trimmed }) })) onClose();
  };
  return (
    <Dialog open onClose={onClose} title={t('queue.park.title', { number: ticket.number })} initialFocus={field}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextInput
          id="queue-park-note"
          label={t('queue.park.note')}
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          onChange={setNote}
          textareaRef={field}
        />
        <div className="kit-button-row">
          <Button type="submit" variant="primary">
            {t('queue.park.confirm')}
          </Button>
          <Button onClick={onClose}>{t('queue.dialog.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
