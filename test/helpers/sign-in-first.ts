/**
 * For test openers that hand back a desk's window at once: the sign-in starts when the window
 * opens and every call waits for it, as a clerk signs in before working. A refused sign-in fails
 * the calls with its reason. The sign-in itself goes through the contract (test/helpers/sign-in.ts).
 */
import type { ViknoApi } from '../../shared/contract';
import { signInAdmin } from './sign-in';

export function afterSignIn<A extends ViknoApi>(api: A, signIn: (api: ViknoApi) => Promise<unknown>): A {
  const signedIn = signIn(api);
  // Seen by the calls that wait for it; a window no call uses must not fail the run.
  signedIn.catch(() => undefined);
  const call = async (method: string, input: unknown) => {
    await signedIn;
    return api.call(method as never, input as never);
  };
  return { ...api, call: call as ViknoApi['call'] };
}

/** A standalone desk's window with its first-start admin signed in (every role on a desk without a back office). */
export function asAdmin<A extends ViknoApi>(api: A): A {
  return afterSignIn(api, signInAdmin);
}
