import { useEffect, useState } from 'react';
import type { PageSetView, SetOwner } from '../../../../shared/documents';
import type { ErrorBody } from '../../../../shared/errors';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { loadInbox, loadScanners, openSet, useDocumentsStore } from './documents-store';
import { InboxTake } from './InboxTake';
import { PageSetPanel } from './PageSetPanel';

interface PageSetDialogProps {
  /** Whose pages; null: the dialog is closed. */
  owner: SetOwner | null;
  /** The line's name: the set's label and the dialog's subject. */
  label: string;
  title: string;
  onClose(): void;
  /** "Прикріпити": true when done (the dialog closes), false when the panel shows why not. */
  onAttach(setId: string): Promise<boolean>;
}

/** The page-set panel for one line, with the inbox's files to take in and "Прикріпити". */
export function PageSetDialog({ owner, label, title, onClose, onAttach }: PageSetDialogProps) {
  const t = useT();
  const [setId, setSetId] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const entry = useDocumentsStore((state) => (setId === null ? undefined : state.sets[setId]));
  const ownerKey = owner === null ? null : JSON.stringify(owner);

  useEffect(() => {
    if (owner === null) return;
    let alive = true;
    setSetId(null);
    setError(null);
    if (useDocumentsStore.getState().scanners === null) void loadScanners();
    void loadInbox();
    void openSet(owner, label).then((result) => {
      if (!alive) return;
      if (result.ok) setSetId(result.value.id);
      else setError(result.error);
    });
    return () => {
      alive = false;
    };
    // The owner's identity is its key; a new object for the same line must not reopen it.
  }, [ownerKey, label]);

  const set: PageSetView | undefined = entry?.set;
  const locked = !entry || entry.busy || entry.scan?.state === 'scanning';
  return (
    <Dialog open={owner !== null} onClose={onClose} title={title} wide>
      {error && <ErrorNotice error={error} context="documents.failed" />}
      {setId !== null && <PageSetPanel setId={setId} />}
      {set && <InboxTake toSetId={set.id} disabled={locked} />}
      <div className="kit-button-row">
        <Button
          variant="primary"
          disabled={locked || !set || set.pages.length === 0}
          onClick={() => {
            if (!set) return;
            void onAttach(set.id).then((done) => {
              if (done) onClose();
            });
          }}
        >
          {t('documents.attachOf', { name: label })}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          {t('documents.close')}
        </Button>
      </div>
    </Dialog>
  );
}
