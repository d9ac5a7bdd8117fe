import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../dispatch';
import type { HandlerDeps } from '../handler-deps';

type AuthMethods =
  | 'auth.state'
  | 'auth.signIn'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.signOut'
  | 'auth.changePassword'
  | 'accounts.list'
  | 'accounts.save'
  | 'accounts.resetPassword'
  | 'accounts.setDisabled';

const notYet = (): never => {
  throw new AppError('UNAVAILABLE', 'Sign-in is being built (issue 15)');
};

/** Sign-in and accounts (issue 15). BASE STUB: replaced by the desk-auth work. */
export function authHandlers(_deps: HandlerDeps): Pick<Handlers<CallContext>, AuthMethods> {
  return {
    'auth.state': notYet,
    'auth.signIn': notYet,
    'auth.unlock': notYet,
    'auth.lock': notYet,
    'auth.signOut': notYet,
    'auth.changePassword': notYet,
    'accounts.list': notYet,
    'accounts.save': notYet,
    'accounts.resetPassword': notYet,
    'accounts.setDisabled': notYet,
  };
}
