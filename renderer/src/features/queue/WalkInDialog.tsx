import { useRef, useState } from 'react';
import { TICKET_PURPOSES } from '../../../../shared/domain/queue-config';
import type { TicketPurpose } from '../../../../shared/domain/queue-config';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { SelectInput } from '../../kit/SelectInput';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { act } from './queue-store';
import { useServices } from './use-services';

/** Someone at the window with no ticket: the service and purpose give them one (a local one offline) and start serving. */
export function WalkInDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const services = useServices();
  const [purpose, setPurpose] = useState<TicketPurpose>('submit');
  const [serviceCode, setServiceCode] = useState('');
  const [attempted, setAttempted] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  // "Other request" is not an administrative service: the only purpose without one.
  const needsService = purpose !== 'other';
  const missing = needsService && serviceCode === '';

  const submit = async () => {
    setAttempted(true);
    if (missing) return;
    if (await act({ action: 'walk_in', purpose, serviceCode: needsService ? serviceCode : null })) onClose();
  };

  const serviceOptions = [
    { value: '', label: t('queue.walkIn.chooseService') },
    ...[...services.values()].map((s) => ({ value: s.code, label: `${s.code} · ${language === 'uk' ? s.nameUk : s.nameEn}` })),
  ];

  return (
    <Dialog open onClose={onClose} title={t('queue.walkIn.title')} initialFocus={first}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <SelectInput<TicketPurpose>
          id="queue-walkin-purpose"
          label={t('queue.walkIn.purpose')}
          value={purpose}
          inputRef={first}
          options={TICKET_PURPOSES.map((p) => ({ value: p, label: t(`queue.purpose.${p}`) }))}
          onChange={setPurpose}
        />
        {needsService && (
          <SelectInput
            id="queue-walkin-service"
            label={t('queue.walkIn.service')}
            value={serviceCode}
            required
            options={serviceOptions}
            error={attempted && missing ? t('queue.walkIn.serviceRequired') : undefined}
            onChange={setServiceCode}
          />
        )}
        <div className="kit-button-row">
          <Button type="submit" variant="primary">
            {t('queue.walkIn.confirm')}
          </Button>
          <Button onClick={onClose}>{t('queue.dialog.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
