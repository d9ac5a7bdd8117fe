import { NewPassword, PASSWORD_MIN_LENGTH } from '../../../../shared/auth';

export const PASSWORD_MAX_LENGTH = 200;

export interface PasswordChangeProblems {
  current?: 'empty';
  next?: 'tooShort' | 'tooLong' | 'same';
  repeat?: 'mismatch';
}

/**
 * What stops a password change before it is sent: the contract's rule for a new password
 * (NewPassword), one that differs from the current one, typed the same twice.
 */
export function passwordChangeProblems(current: string, next: string, repeat: string): PasswordChangeProblems {
  const problems: PasswordChangeProblems = {};
  if (current === '') problems.current = 'empty';
  if (!NewPassword.safeParse(next).success) problems.next = next.length < PASSWORD_MIN_LENGTH ? 'tooShort' : 'tooLong';
  else if (next === current) problems.next = 'same';
  if (repeat !== next) problems.repeat = 'mismatch';
  return problems;
}
