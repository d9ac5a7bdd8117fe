import { useEffect, useRef, useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/auth';
import type { ErrorBody } from '../../../../shared/errors';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { TextInput } from '../../kit/TextInput';
import { AuthPage } from './AuthPage';
import { changePassword, signOut } from './auth-store';
import { PASSWORD_MAX_LENGTH, passwordChangeProblems } from './password-change';
import type { PasswordChangeProblems } from './password-change';

/**
 * Signed in with a temporary password (the first start's admin, a new or reset account): the
 * session holds no role until the clerk chooses their own, so this is all the desk shows.
 */
export function PasswordChangeScreen() {
  const t = useT();
  const currentBox = useRef<HTMLInputElement>(null);
  const nextBox = useRef<HTMLInputElement>(null);
  const repeatBox = useRef<HTMLInputElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<PasswordChangeProblems>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const rule = t('auth.change.rule', { min: PASSWORD_MIN_LENGTH });

  useEffect(() => currentBox.current?.focus(), []);

  async function submit(): Promise<void> {
    const found = passwordChangeProblems(current, next, repeat);
    setProblems(found);
    const first = found.current ? currentBox : found.next ? nextBox : found.repeat ? repeatBox : null;
    if (first) {
      first.current?.focus();
      return;
    }
    setBusy(true);
    setError(await changePassword(current, next));
    setBusy(false);
  }

  const nextError = {
    tooShort: t('auth.change.tooShort', { min: PASSWORD_MIN_LENGTH }),
    tooLong: t('auth.change.tooLong', { max: PASSWORD_MAX_LENGTH }),
    same: t('auth.change.same'),
  };

  return (
    <AuthPage title={t('auth.change.title')} intro={t('auth.change.intro')}>
      <form
        className="kit-field-grid auth-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextInput
          id="password-current"
          inputRef={currentBox}
          type="password"
          label={t('auth.change.current')}
          value={current}
          error={problems.current ? t('auth.empty.secret') : undefined}
          onChange={setCurrent}
        />
        <TextInput
          id="password-next"
          inputRef={nextBox}
          type="password"
          label={t('auth.change.next')}
          hint={rule}
          value={next}
          error={problems.next ? nextError[problems.next] : undefined}
          onChange={setNext}
        />
        <TextInput
          id="password-repeat"
          inputRef={repeatBox}
          type="password"
          label={t('auth.change.repeat')}
          value={repeat}
          error={problems.repeat ? t('auth.change.mismatch') : undefined}
          onChange={setRepeat}
        />
        {error && <ErrorNotice error={error} context="auth.change.failed" />}
        <div className="kit-button-row">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('auth.change.submit')}
          </Button>
          <Button variant="quiet" onClick={() => void signOut()}>
            {t('auth.header.signOut')}
          </Button>
        </div>
      </form>
    </AuthPage>
  );
}
