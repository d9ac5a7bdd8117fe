import { useId, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Checkbox } from '../../kit/Checkbox';

/** What the file picker offers; the backend decides by the bytes, this only narrows the dialog. */
export const IMPORT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

interface ImportControlsProps {
  diia: boolean;
  onDiia(diia: boolean): void;
  disabled: boolean;
  onFiles(files: File[]): void;
}

/** "Add a file" (a picker) and the Дія-copy mark; dropping files on the panel does the same. */
export function ImportControls({ diia, onDiia, disabled, onFiles }: ImportControlsProps) {
  const t = useT();
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="import-controls">
      <div className="kit-button-row">
        <Button disabled={disabled} onClick={() => picker.current?.click()}>
          {t('documents.import.pick')}
        </Button>
        <input
          ref={picker}
          className="visually-hidden"
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          tabIndex={-1}
          aria-label={t('documents.import.pick')}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // The same file picked again must fire again.
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <Checkbox id={`${id}-diia`} label={t('documents.import.diia')} checked={diia} onChange={onDiia} />
      </div>
      <p className="muted">{t('documents.import.drop')}</p>
    </div>
  );
}
