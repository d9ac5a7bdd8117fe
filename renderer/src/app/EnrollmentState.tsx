import type { SyncStatus } from '../../../shared/contract';
import { useT } from '../i18n/use-t';
import { Notice } from '../kit/Notice';
import { formatDateTime } from '../lib/format';
import { useShellStore } from './shell-store';

/** Which center and desk the back office enrolled this desk as, and since when. */
export function EnrolledAs({ enrollment }: { enrollment: NonNullable<SyncStatus['enrollment']> }) {
  const t = useT();
  return (
    <p className="kit-field-hint">
      {t('syncSettings.enrolledAs', { center: enrollment.centerCode, desk: enrollment.deskCode })}
      {enrollment.since && <> {t('syncSettings.enrolledSince', { since: formatDateTime(enrollment.since) })}</>}
    </p>
  );
}

/** Why the back office refused the last enrollment code, in the clerk's language. */
export function EnrollmentRefused({ refused }: { refused: NonNullable<SyncStatus['enrollmentRefused']> }) {
  const t = useT();
  const info = useShellStore((state) => (state.info.status === 'loaded' ? state.info.info : null));
  const reason =
    refused.reason === 'other_desk'
      ? t('syncSettings.refused.otherDesk', { center: info?.center.code ?? '—', desk: info?.desk.code ?? '—' })
      : t(`syncSettings.refused.${refused.reason}`);
  return (
    <Notice tone="error" title={t('syncSettings.refusedTitle')}>
      <p>{reason}</p>
    </Notice>
  );
}
