import { useT } from '../../i18n/use-t';
import type { ChecklistLine } from '../intake/intake-form';
import { setLine } from '../intake/intake-store';
import { assemble, useDocumentsStore } from './documents-store';
import { PageSetDialog } from './PageSetDialog';

/**
 * The intake checklist's scan of one line: "Прикріпити" assembles the pages into the line's PDF,
 * and the line takes its page count as sheets; registration attaches it to that receipt line.
 */
export function LineScanDialog({ line, name, onClose }: { line: ChecklistLine | null; name: string; onClose(): void }) {
  const t = useT();

  function close(): void {
    // Pages edited after "Прикріпити" clear the set's PDF: the line is no longer what was attached,
    // so it must be attached again (and its sheets are the clerk's to type meanwhile).
    const attached = line?.scan;
    const set = attached ? useDocumentsStore.getState().sets[attached.setId]?.set : undefined;
    if (line && set && set.assembled === null) setLine(line.key, { scan: null });
    onClose();
  }

  return (
    <PageSetDialog
      owner={line === null ? null : { kind: 'intake', lineKey: line.key }}
      label={name}
      title={t('documents.intake.dialog', { name })}
      onClose={close}
      onAttach={async (setId) => {
        const view = await assemble(setId);
        if (line === null || !view?.assembled) return false;
        setLine(line.key, { scan: { setId, pages: view.assembled.pages }, sheets: String(view.assembled.pages) });
        return true;
      }}
    />
  );
}
