import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DialogSection } from '../../kit/DialogSection';
import { takeInbox, useDocumentsStore } from './documents-store';
import { inboxItemText } from './inbox-text';

/** Files the scanner folder took (and imports not yet given to a line): each can join the set open here. */
export function InboxTake({ toSetId, disabled }: { toSetId: string; disabled: boolean }) {
  const t = useT();
  const inbox = useDocumentsStore((state) => state.inbox);
  if (inbox.length === 0) return null;
  return (
    <DialogSection id={`inbox-${toSetId}`} title={t('documents.inbox.title')}>
      <ul className="inbox-list">
        {inbox.map((item) => (
          <li key={item.id}>
            <span>{inboxItemText(t, item)}</span>
            <Button disabled={disabled} onClick={() => void takeInbox(item.id, toSetId)}>
              {t('documents.inbox.take', { name: item.label })}
            </Button>
          </li>
        ))}
      </ul>
    </DialogSection>
  );
}
