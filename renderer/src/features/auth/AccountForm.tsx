import { useEffect, useRef, useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/auth';
import type { AccountView } from '../../../../shared/auth';
import type { ErrorBody } from '../../../../shared/errors';
import { ROLES } from '../../../../shared/roles';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Checkbox } from '../../kit/Checkbox';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { FieldMessages } from '../../kit/Field';
import { TextInput } from '../../kit/TextInput';
import { accountProblems, saveInput } from './account-draft';
import type { AccountDraft, AccountField, AccountProblems } from './account-draft';

const FIELD_ORDER: readonly AccountField[] = ['login', 'fullName', 'roles', 'desks', 'password', 'pin'];

interface AccountFormProps {
  start: AccountDraft;
  pinAllowed: boolean;
  onSaved(account: AccountView): void;
  onCancel(): void;
}

/** Create or edit an account made on this desk (standalone): login, name, roles, desks, a temporary password for a new one, a PIN where allowed. */
export function AccountForm({ start, pinAllowed, onSaved, onCancel }: AccountFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(start);
  const [problems, setProblems] = useState<AccountProblems>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const isNew = start.id === undefined;

  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);

  const change = <K extends keyof AccountDraft>(field: K & AccountField, value: AccountDraft[K]): void => {
    setDraft((current) => ({ ...current, [field]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  };

  async function submit(): Promise<void> {
    const found = accountProblems(draft, pinAllowed);
    setProblems(found);
    const first = FIELD_ORDER.find((field) => found[field] !== undefined);
    if (first) {
      form.current?.querySelector<HTMLElement>(first === 'roles' ? `#account-role-${ROLES[0]}` : `#account-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call('accounts.save', saveInput(draft, pinAllowed));
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const desksProblem = problems.desks;
  return (
    <form
      ref={form}
      className="kit-field-grid account-form"
      aria-label={isNew ? t('accounts.form.titleNew') : t('accounts.form.titleEdit', { login: start.login })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextInput
        id="account-login"
        label={t('accounts.form.login')}
        hint={t('accounts.form.loginHint')}
        required
        value={draft.login}
        maxLength={40}
        error={problems.login ? t('accounts.err.login') : undefined}
        onChange={(value) => change('login', value)}
      />
      <TextInput
        id="account-fullName"
        label={t('accounts.form.fullName')}
        required
        size="long"
        value={draft.fullName}
        maxLength={200}
        error={problems.fullName ? t('accounts.err.fullName') : undefined}
        onChange={(value) => change('fullName', value)}
      />
      <fieldset id="account-roles" className="account-roles" aria-describedby={problems.roles ? 'account-roles-error' : undefined}>
        <legend className="kit-field-label">{t('accounts.form.roles')}</legend>
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            id={`account-role-${role}`}
            label={t(`accounts.role.${role}`)}
            checked={draft.roles.includes(role)}
            onChange={(checked) =>
              change(
                'roles',
                ROLES.filter((r) => (r === role ? checked : draft.roles.includes(r))),
              )
            }
          />
        ))}
        <FieldMessages id="account-roles" error={problems.roles ? t('accounts.err.roles') : undefined} />
      </fieldset>
      <TextInput
        id="account-desks"
        label={t('accounts.form.desks')}
        hint={t('accounts.form.desksHint')}
        value={draft.desks}
        maxLength={200}
        error={typeof desksProblem === 'string' ? t('accounts.err.desks', { code: desksProblem }) : undefined}
        onChange={(value) => change('desks', value)}
      />
      {isNew && (
        <TextInput
          id="account-password"
          type="password"
          label={t('accounts.form.password')}
          hint={t('accounts.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          required
          value={draft.password}
          maxLength={200}
          error={problems.password ? t('auth.change.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
          onChange={(value) => change('password', value)}
        />
      )}
      {pinAllowed && (
        <TextInput
          id="account-pin"
          type="password"
          inputMode="numeric"
          label={t('accounts.form.pin')}
          hint={t('accounts.form.pinHint')}
          value={draft.pin}
          maxLength={8}
          error={problems.pin ? t('accounts.err.pin') : undefined}
          onChange={(value) => change('pin', value)}
        />
      )}
      {error && <ErrorNotice error={error} context="accounts.saveFailed" />}
      <div className="kit-button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('accounts.form.save')}
        </Button>
        <Button onClick={onCancel}>{t('accounts.form.cancel')}</Button>
      </div>
    </form>
  );
}
