import { useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { lock, signOut } from '../features/auth/auth-store';
import { useT } from '../i18n/use-t';
import { ErrorNotice } from '../kit/ErrorNotice';

/** Lock (Ctrl+L does the same) and sign out, beside the clerk's name in the header. */
export function ClerkControls() {
  const t = useT();
  const [error, setError] = useState<ErrorBody | null>(null);
  const run = async (action: () => Promise<ErrorBody | null>): Promise<void> => setError(await action());
  return (
    <>
      <button type="button" className="header-button" aria-keyshortcuts="Control+L" onClick={() => void run(lock)}>
        {t('auth.header.lock')}
      </button>
      <button type="button" className="header-button" onClick={() => void run(signOut)}>
        {t('auth.header.signOut')}
      </button>
      {error && (
        <div className="header-error">
          <ErrorNotice error={error} context="auth.header.failed" />
        </div>
      )}
    </>
  );
}
