import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SignedInClerk } from '../../../../shared/auth';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { TextInput } from '../../kit/TextInput';
import { unlock } from './auth-store';
import type { Attempt } from './auth-store';
import { AttemptNotice, SignInForm } from './SignInForm';

function UnlockForm({ pinAllowed }: { pinAllowed: boolean }) {
  const t = useT();
  const secretBox = useRef<HTMLInputElement>(null);
  const [secret, setSecret] = useState('');
  const [empty, setEmpty] = useState(false);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => secretBox.current?.focus(), []);

  async function submit(): Promise<void> {
    setEmpty(secret === '');
    if (secret === '') {
      secretBox.current?.focus();
      return;
    }
    setBusy(true);
    const result = await unlock(secret);
    setBusy(false);
    if (result.kind === 'done') return;
    setAttempt(result);
    setSecret('');
    secretBox.current?.focus();
  }

  return (
    <form
      className="kit-field-grid auth-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextInput
        id="unlock-secret"
        inputRef={secretBox}
        type="password"
        label={pinAllowed ? t('auth.passwordOrPin') : t('auth.password')}
        hint={t('auth.lock.hint')}
        value={secret}
        maxLength={200}
        error={empty ? t('auth.empty.secret') : undefined}
        onChange={(value) => {
          setSecret(value);
          setEmpty(false);
        }}
      />
      <AttemptNotice attempt={attempt} failedContext="auth.lock.failed" />
      <div className="kit-button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('auth.lock.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The lock over the app (Ctrl+L, the idle lock, another window's lock). A modal dialog, so it sits
 * above any dialog that was open and nothing under it takes focus; the app stays mounted under it
 * with what the clerk typed, and the field that had focus gets it back on unlock. Esc does not
 * close it: only the clerk's secret, or another clerk signing in (which starts the window afresh).
 */
export function LockScreen({ clerk, pinAllowed }: { clerk: SignedInClerk; pinAllowed: boolean }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [switching, setSwitching] = useState(false);
  // Read while rendering, before the secret field (a child, whose effect runs first) takes focus.
  const [hadFocus] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  // Opened before any child's effect runs, so the secret field can take focus: nothing in a closed dialog can.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && typeof element.showModal === 'function') element.showModal();
    else element?.setAttribute('open', '');
  }, []);
  // A passive effect's cleanup: it runs once the app under the lock is no longer inert, and can take focus again.
  useEffect(
    () => () => {
      if (hadFocus?.isConnected) hadFocus.focus();
    },
    [hadFocus],
  );

  return (
    <dialog
      ref={dialog}
      className="lock-screen"
      aria-labelledby="lock-title"
      aria-modal="true"
      onCancel={(event) => event.preventDefault()}
    >
      <section className="auth-card">
        <h1 id="lock-title" className="auth-title">
          {t('auth.lock.title')}
        </h1>
        <p className="lock-clerk">{t('auth.lock.who', { name: clerk.fullName })}</p>
        {switching ? (
          <>
            <p className="kit-field-hint">{t('auth.lock.switchNote', { name: clerk.fullName })}</p>
            <SignInForm pinAllowed={pinAllowed} idPrefix="switch" />
            <Button variant="quiet" onClick={() => setSwitching(false)}>
              {t('auth.lock.back', { name: clerk.fullName })}
            </Button>
          </>
        ) : (
          <>
            <UnlockForm pinAllowed={pinAllowed} />
            <Button variant="quiet" onClick={() => setSwitching(true)}>
              {t('auth.lock.switch')}
            </Button>
          </>
        )}
      </section>
    </dialog>
  );
}
