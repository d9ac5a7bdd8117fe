import { useCallback } from 'react';
import { lock, loadAuth, useAuthStore } from '../features/auth/auth-store';
import { LockScreen } from '../features/auth/LockScreen';
import { PasswordChangeScreen } from '../features/auth/PasswordChangeScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useIdleLock } from '../features/auth/use-idle-lock';
import { useT } from '../i18n/use-t';
import { ErrorNotice } from '../kit/ErrorNotice';
import { DeskFrame } from './DeskFrame';
import { Shell } from './Shell';

/**
 * What the desk shows for its sign-in state: the sign-in form, the forced password change, or the
 * app, with the lock over it while locked. The app's element stays the same under the lock, so
 * nothing under it remounts and what the clerk typed is there after the unlock; `inert` keeps it
 * out of reach of the keyboard and of assistive technology meanwhile.
 */
export function AuthGate({ now }: { now?: () => number }) {
  const t = useT();
  const auth = useAuthStore((state) => state.auth);
  const loadError = useAuthStore((state) => state.loadError);
  const idleMinutes = auth?.status === 'signed_in' && !auth.mustChangePassword ? auth.idleLockMinutes : 0;
  const lockNow = useCallback(() => void lock(), []);
  useIdleLock(idleMinutes, lockNow, now);

  if (!auth) {
    return (
      <DeskFrame>
        {loadError ? (
          <ErrorNotice error={loadError} context="auth.loadFailed" onRetry={() => void loadAuth()} />
        ) : (
          <p className="muted">{t('auth.loading')}</p>
        )}
      </DeskFrame>
    );
  }
  if (auth.status === 'signed_out') return <SignInScreen pinAllowed={auth.pinAllowed} />;
  if (auth.status === 'signed_in' && auth.mustChangePassword) return <PasswordChangeScreen />;
  const locked = auth.status === 'locked';
  return (
    <>
      <div className="shell-frame" inert={locked}>
        <Shell />
      </div>
      {locked && <LockScreen clerk={auth.clerk} pinAllowed={auth.pinAllowed} />}
    </>
  );
}
