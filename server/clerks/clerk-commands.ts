import type { Command } from '../cli-args';
import type { Instance } from '../admin/instance-file';
import { addClerkThrough, disableClerkThrough, listClerksThrough, resetClerkThrough } from '../admin/admin-client';
import type { Storage } from '../storage/storage';
import { createClerkAccount, listClerkAccounts, resetPassword, setDisabled } from './accounts';
import { temporaryPassword, temporaryPin } from './password';

export type ClerkCommand = Extract<Command, { name: 'clerk-add' | 'clerk-reset' | 'clerk-disable' | 'clerk-list' }>;

export function isClerkCommand(command: Command): command is ClerkCommand {
  return (
    command.name === 'clerk-add' || command.name === 'clerk-reset' || command.name === 'clerk-disable' || command.name === 'clerk-list'
  );
}

/** Through the running server's admin routes when there is one, else straight on the storage. */
export interface Where {
  running: Instance | null;
  withStorage: <T>(fn: (storage: Storage) => Promise<T>) => Promise<T>;
}

/** A secret from the environment (never the command line, which other users of the machine can read), or a new one printed once. */
function secret(envName: string, make: () => string): { value: string; generated: boolean } {
  const given = process.env[envName];
  return given ? { value: given, generated: false } : { value: make(), generated: true };
}

function printSecrets(password: { value: string; generated: boolean }, pin: { value: string; generated: boolean } | null): void {
  if (password.generated)
    process.stdout.write(`Temporary password (shown once; the clerk changes it at the first sign-in): ${password.value}\n`);
  if (pin?.generated) process.stdout.write(`PIN (shown once): ${pin.value}\n`);
}

/** `clerk add|reset|disable|enable|list` (docs/IT.md "Accounts"). */
export async function runClerkCommand(command: ClerkCommand, where: Where): Promise<void> {
  const { running, withStorage } = where;
  if (command.name === 'clerk-list') {
    const accounts = running
      ? await listClerksThrough(running, command.centerCode)
      : await withStorage((storage) => listClerkAccounts(storage, command.centerCode));
    if (accounts.length === 0) process.stdout.write(`Center ${command.centerCode} has no accounts\n`);
    for (const a of accounts) {
      const flags = [a.disabled ? 'disabled' : null, a.mustChangePassword ? 'must change password' : null, a.hasPin ? 'PIN' : null];
      const desks = a.desks === null ? 'every desk' : `desks ${a.desks.join(',')}`;
      process.stdout.write(`${a.login}\t${a.fullName}\t${a.roles.join(',')}\t${desks}\t${flags.filter(Boolean).join(', ')}\n`);
    }
    return;
  }
  const ref = { centerCode: command.centerCode, login: command.login };
  if (command.name === 'clerk-disable') {
    const { changed } = running
      ? await disableClerkThrough(running, ref, command.disabled)
      : await withStorage((storage) => setDisabled(storage, ref, command.disabled));
    const state = command.disabled ? 'disabled' : 'enabled';
    process.stdout.write(
      changed ? `Account ${command.login} of ${command.centerCode} ${state}\n` : `Account ${command.login} was already ${state}\n`,
    );
    return;
  }
  const password = secret('VIKNO_CLERK_PASSWORD', () => temporaryPassword());
  const pin = command.pin ? secret('VIKNO_CLERK_PIN', temporaryPin) : null;
  if (command.name === 'clerk-reset') {
    if (running) await resetClerkThrough(running, ref, password.value, pin?.value ?? null);
    else await withStorage((storage) => resetPassword(storage, ref, password.value, pin?.value ?? null));
    process.stdout.write(`Account ${command.login} of ${command.centerCode}: new temporary password set\n`);
    printSecrets(password, pin);
    return;
  }
  const account = {
    ...ref,
    fullName: command.fullName,
    roles: command.roles,
    desks: command.desks,
    password: password.value,
    pin: pin?.value ?? null,
  };
  const { id } = running ? await addClerkThrough(running, account) : await withStorage((storage) => createClerkAccount(storage, account));
  process.stdout.write(`Account ${command.login} of ${command.centerCode} created (id ${id})\n`);
  printSecrets(password, pin);
}
