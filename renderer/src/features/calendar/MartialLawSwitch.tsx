import type { CalendarSettings } from '../../../../shared/contract';
import { useT } from '../../i18n/use-t';
import { Checkbox } from '../../kit/Checkbox';

interface MartialLawSwitchProps {
  settings: CalendarSettings;
  /** A clerk sees the switch; only a supervisor may turn it. */
  canEdit: boolean;
  busy: boolean;
  onChange(martialLaw: boolean): void;
}

/** The center's martial-law switch, with what it does and whose calendar this is. */
export function MartialLawSwitch({ settings, canEdit, busy, onChange }: MartialLawSwitchProps) {
  const t = useT();
  return (
    <div className="calendar-martial-law">
      <Checkbox
        id="calendar-martial-law"
        label={t('calendar.martialLaw')}
        hint={t('calendar.martialLawHint')}
        checked={settings.martialLaw}
        disabled={!canEdit || busy}
        onChange={onChange}
      />
      <p className="muted">{t(settings.centerOwned ? 'calendar.sharedByCenter' : 'calendar.standalone')}</p>
      {settings.pending && <p className="calendar-pending">{t('calendar.martialLawPending')}</p>}
    </div>
  );
}
