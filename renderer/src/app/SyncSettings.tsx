import { useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { useT } from '../i18n/use-t';
import { useShellStore } from './shell-store';

/**
 * The back-office link in the settings dialog: enrolling the desk with IT's one-time code, and
 * "Sync now". A desk with no back office configured says so and offers nothing to press.
 */
export function SyncSettings() {
  const t = useT();
  const sync = useShellStore((state) => state.sync);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

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
    <section className="dialog-section" aria-labelledby="settings-sync-title">
      <h3 id="settings-sync-title" className="dialog-subtitle">
        {t('syncSettings.title')}
      </h3>
      {!sync || sync.state === 'standalone' ? (
        <p className="field-hint">{t('syncSettings.standalone')}</p>
      ) : (
        <>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (code.trim().length >= 8) void run(() => api.call('sync.enroll', { code: code.trim() }));
            }}
          >
            <div className="field field-long">
              <label htmlFor="sync-enroll-code" className="field-label">
                {t('syncSettings.code')}
              </label>
              <input
                id="sync-enroll-code"
                className="input"
                value={code}
                autoComplete="off"
                maxLength={100}
                aria-describedby="sync-enroll-hint"
                onChange={(event) => setCode(event.target.value)}
              />
              <p id="sync-enroll-hint" className="field-hint">
                {t('syncSettings.codeHint')}
              </p>
            </div>
            <div className="button-row">
              <button type="submit" className="button" disabled={busy || code.trim().length < 8}>
                {t('syncSettings.enroll')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.call('sync.now', {}))}>
                {t('syncSettings.now')}
              </button>
            </div>
          </form>
          {error && <ErrorNotice error={error} context="syncSettings.failed" />}
        </>
      )}
    </section>
  );
}
