import { useEffect, useRef, useState } from 'react';
import { Login } from '../../../../shared/auth';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { Notice } from '../../kit/Notice';
import { TextInput } from '../../kit/TextInput';
import { signIn } from './auth-store';
import type { Attempt } from './auth-store';
import { refusalText } from './refusal-text';

type Problem = 'login' | 'loginFormat' | 'secret' | null;

/** What a refused or failed attempt says, under the form. */
export function AttemptNotice({
  attempt,
  failedContext,
}: {
  attempt: Attempt | null;
  failedContext: 'auth.signIn.failed' | 'auth.lock.failed';
}) {
  const t = useT();
  if (!attempt || attempt.kind === 'done') return null;
  if (attempt.kind === 'failed') return <ErrorNotice error={attempt.error} context={failedContext} />;
  return (
    <Notice tone="error">
      {refusalText(t, attempt.refusal).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </Notice>
  );
}

/**
 * Login and password (or PIN where the center allows it); Enter submits. A refusal clears the
 * secret and puts the cursor back in it, since the login is usually right.
 */
export function SignInForm({ pinAllowed, idPrefix }: { pinAllowed: boolean; idPrefix: string }) {
  const t = useT();
  const loginBox = useRef<HTMLInputElement>(null);
  const secretBox = useRef<HTMLInputElement>(null);
  const [login, setLogin] = useState('');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => loginBox.current?.focus(), []);

  async function submit(): Promise<void> {
    const parsed = Login.safeParse(login);
    const found: Problem = login.trim() === '' ? 'login' : !parsed.success ? 'loginFormat' : secret === '' ? 'secret' : null;
    setProblem(found);
    if (found !== null || !parsed.success) {
      (found === 'secret' ? secretBox : loginBox).current?.focus();
      return;
    }
    setBusy(true);
    const result = await signIn(parsed.data, secret);
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
        id={`${idPrefix}-login`}
        inputRef={loginBox}
        label={t('auth.login')}
        value={login}
        maxLength={40}
        error={problem === 'login' ? t('auth.empty.login') : problem === 'loginFormat' ? t('accounts.err.login') : undefined}
        onChange={(value) => {
          setLogin(value);
          if (problem !== 'secret') setProblem(null);
        }}
      />
      <TextInput
        id={`${idPrefix}-secret`}
        inputRef={secretBox}
        type="password"
        label={pinAllowed ? t('auth.passwordOrPin') : t('auth.password')}
        value={secret}
        maxLength={200}
        error={problem === 'secret' ? t('auth.empty.secret') : undefined}
        onChange={(value) => {
          setSecret(value);
          if (problem === 'secret') setProblem(null);
        }}
      />
      <AttemptNotice attempt={attempt} failedContext="auth.signIn.failed" />
      <div className="kit-button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('auth.signIn.submit')}
        </Button>
      </div>
    </form>
  );
}
