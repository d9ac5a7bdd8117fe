import { useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useMayCall } from '../features/auth/access';
import { useT } from '../i18n/use-t';
import { Button } from '../kit/Button';
import { ErrorNotice } from '../kit/ErrorNotice';
import { TextInput } from '../kit/TextInput';
import { useShellStore } from './shell-store';
import { DialogSection } from '../kit/DialogSection';
import { EnrolledAs, EnrollmentRefused } from './EnrollmentState';

/**
 * The back-office link in the settings dialog: which center and desk the desk is enrolled as, or
 * enrolling it with IT's one-time code (and why the back office refused the last one); and
 * "Sync now", each for the roles that may. A desk with no back office configured says so and offers nothing to press.
 */
export function SyncSettings() {
  const t = useT();
  const sync = useShellStore((state) => state.sync);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const mayEnroll = useMayCall('sync.enroll');
  const maySyncNow = useMayCall('sync.now');
  // A revoked desk (paused_auth) needs a new code: it is offered the field again.
  const enrolled = Boolean(sync?.enrollment) && sync?.state !== 'paused_auth';

  async function run(call: () => ReturnType<typeof api.call<'sync.now'>>): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    useShellStore.setState({ sync: result.value });
    setCode('');
  }

  return (
    <DialogSection id="settings-sync" title={t('syncSettings.title')}>
      {!sync || sync.state === 'standalone' ? (
        <p className="kit-field-hint">{t('syncSettings.standalone')}</p>
      ) : (
        <>
          {enrolled && sync.enrollment && <EnrolledAs enrollment={sync.enrollment} />}
          {!enrolled && sync.enrollmentRefused && <EnrollmentRefused refused={sync.enrollmentRefused} />}
          {mayEnroll && !enrolled && (
            <form
              className="kit-field-grid"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (code.trim().length >= 8) void run(() => api.call('sync.enroll', { code: code.trim() }));
              }}
            >
              <TextInput
                id="sync-enroll-code"
                label={t('syncSettings.code')}
                hint={t('syncSettings.codeHint')}
                size="long"
                value={code}
                maxLength={100}
                onChange={setCode}
              />
              <div className="kit-button-row">
                <Button type="submit" disabled={busy || code.trim().length < 8}>
                  {t('syncSettings.enroll')}
                </Button>
              </div>
            </form>
          )}
          {maySyncNow && (
            <div className="kit-button-row">
              <Button disabled={busy} onClick={() => void run(() => api.call('sync.now', {}))}>
                {t('syncSettings.now')}
              </Button>
            </div>
          )}
          {/* A refused code is told above by its reason; the envelope's words would only repeat it vaguely. */}
          {error && !(error.code === 'VALIDATION' && sync.enrollmentRefused) && <ErrorNotice error={error} context="syncSettings.failed" />}
        </>
      )}
    </DialogSection>
  );
}
