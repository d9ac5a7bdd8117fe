import { useEffect, useRef, useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/auth';
import type { AccountView } from '../../../../shared/auth';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import type { Column } from '../../kit/DataTable';
import { DialogSection } from '../../kit/DialogSection';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { Notice } from '../../kit/Notice';
import { TextInput } from '../../kit/TextInput';
import { formatDateTime } from '../../lib/format';
import { NEW_ACCOUNT, draftOf } from './account-draft';
import type { AccountDraft } from './account-draft';
import { AccountForm } from './AccountForm';
import { useAuthStore } from './auth-store';

type Editing = { kind: 'none' } | { kind: 'form'; draft: AccountDraft } | { kind: 'reset'; account: AccountView };

function ResetPasswordForm({ account, onDone, onCancel }: { account: AccountView; onDone(account: AccountView): void; onCancel(): void }) {
  const t = useT();
  const box = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [short, setShort] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);

  useEffect(() => box.current?.focus(), []);

  async function submit(): Promise<void> {
    setShort(password.length < PASSWORD_MIN_LENGTH);
    if (password.length < PASSWORD_MIN_LENGTH) return box.current?.focus();
    const result = await api.call('accounts.resetPassword', { id: account.id, password });
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <form
      className="kit-field-grid"
      aria-label={t('accounts.reset.title', { login: account.login })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextInput
        id="account-reset-password"
        inputRef={box}
        type="password"
        label={t('accounts.form.password')}
        hint={t('accounts.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        value={password}
        maxLength={200}
        error={short ? t('auth.change.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
        onChange={(value) => {
          setPassword(value);
          setShort(false);
        }}
      />
      {error && <ErrorNotice error={error} context="accounts.actionFailed" />}
      <div className="kit-button-row">
        <Button type="submit" variant="primary">
          {t('accounts.reset.submit')}
        </Button>
        <Button onClick={onCancel}>{t('accounts.form.cancel')}</Button>
      </div>
    </form>
  );
}

function stateText(t: ReturnType<typeof useT>, account: AccountView): string {
  return [
    account.disabled ? t('accounts.disabled') : t('accounts.active'),
    account.lockedUntil ? t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil) }) : null,
    account.mustChangePassword ? t('accounts.mustChange') : null,
  ]
    .filter((part) => part !== null)
    .join('; ');
}

/**
 * The desk's accounts, for an admin (in Settings). On a standalone desk the admin makes and
 * changes them here; on a desk with a back office they come from there and are only shown.
 */
export function AccountsPanel() {
  const t = useT();
  const sync = useShellStore((state) => state.sync);
  const pinAllowed = useAuthStore((state) => state.auth?.pinAllowed ?? false);
  const standalone = sync?.state === 'standalone';
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [done, setDone] = useState('');
  const [actionError, setActionError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    let current = true;
    void api.call('accounts.list', {}).then((result) => {
      if (!current) return;
      if (result.ok) setAccounts(result.value);
      else setLoadError(result.error);
    });
    return () => {
      current = false;
    };
  }, []);

  function replace(account: AccountView, message: string): void {
    setAccounts((list) => {
      const others = (list ?? []).filter((a) => a.id !== account.id);
      return [...others, account].sort((a, b) => a.login.localeCompare(b.login));
    });
    setEditing({ kind: 'none' });
    setActionError(null);
    setDone(message);
  }

  async function setDisabled(account: AccountView, disabled: boolean): Promise<void> {
    const result = await api.call('accounts.setDisabled', { id: account.id, disabled });
    if (!result.ok) return setActionError(result.error);
    replace(result.value, t(disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { login: account.login }));
  }

  const roleNames = (account: AccountView): string =>
    account.roles.map((role) => t(`accounts.role.${role}` satisfies PlainMessageKey)).join(', ');
  const columns: Column<AccountView>[] = [
    { key: 'login', header: t('accounts.col.login'), rowHeader: true, cell: (a) => a.login },
    { key: 'name', header: t('accounts.col.name'), cell: (a) => a.fullName },
    { key: 'roles', header: t('accounts.col.roles'), cell: roleNames },
    { key: 'desks', header: t('accounts.col.desks'), cell: (a) => a.desks?.join(', ') ?? t('accounts.allDesks') },
    { key: 'state', header: t('accounts.col.state'), cell: (a) => stateText(t, a) },
    { key: 'source', header: t('accounts.col.source'), cell: (a) => t(`accounts.source.${a.source}`) },
  ];
  if (standalone) {
    columns.push({
      key: 'actions',
      header: t('accounts.col.actions'),
      headerHidden: true,
      cell: (a) =>
        a.source === 'desk' && (
          <div className="kit-button-row account-actions">
            <Button
              variant="quiet"
              aria-label={t('accounts.editOf', { login: a.login })}
              onClick={() => setEditing({ kind: 'form', draft: draftOf(a) })}
            >
              {t('accounts.edit')}
            </Button>
            <Button
              variant="quiet"
              aria-label={t('accounts.resetOf', { login: a.login })}
              onClick={() => setEditing({ kind: 'reset', account: a })}
            >
              {t('accounts.reset')}
            </Button>
            {a.disabled ? (
              <Button variant="quiet" aria-label={t('accounts.enableOf', { login: a.login })} onClick={() => void setDisabled(a, false)}>
                {t('accounts.enable')}
              </Button>
            ) : (
              <Button
                variant="danger"
                aria-label={t('accounts.disableOf', { login: a.login })}
                confirm={{
                  question: t('accounts.disable.question', { login: a.login }),
                  yes: t('accounts.disable.yes'),
                  no: t('accounts.disable.no'),
                }}
                onClick={() => void setDisabled(a, true)}
              >
                {t('accounts.disable')}
              </Button>
            )}
          </div>
        ),
    });
  }

  return (
    <DialogSection id="settings-accounts" title={t('accounts.title')}>
      {!standalone && (
        <Notice tone="info" announce={false}>
          <p>{t('accounts.backOfficeNote')}</p>
        </Notice>
      )}
      {loadError && <ErrorNotice error={loadError} context="accounts.loadFailed" />}
      {accounts && (
        <DataTable
          caption={{ labelledBy: 'settings-accounts-title' }}
          columns={columns}
          rows={accounts}
          rowKey={(a) => a.id}
          empty={t('accounts.empty')}
          className="accounts-table"
        />
      )}
      {done && <Notice tone="success">{done}</Notice>}
      {actionError && <ErrorNotice error={actionError} context="accounts.actionFailed" />}
      {standalone && editing.kind === 'none' && (
        <div className="kit-button-row">
          <Button onClick={() => setEditing({ kind: 'form', draft: NEW_ACCOUNT })}>{t('accounts.new')}</Button>
        </div>
      )}
      {editing.kind === 'form' && (
        <AccountForm
          start={editing.draft}
          pinAllowed={pinAllowed}
          onSaved={(account) => replace(account, t('accounts.saved', { login: account.login }))}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
      {editing.kind === 'reset' && (
        <ResetPasswordForm
          account={editing.account}
          onDone={(account) => replace(account, t('accounts.reset.done', { login: account.login }))}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
    </DialogSection>
  );
}
