import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { discardDraft, getDraft, saveDraft } from './drafts';
import { registerIntake } from './register-intake';
import { flagger } from '../applications/with-flags';

type IntakeHandlers = Pick<Handlers<CallContext>, 'intake.register' | 'drafts.get' | 'drafts.save' | 'drafts.discard'>;

export function intakeHandlers(deps: HandlerDeps): IntakeHandlers {
  return {
    'intake.register': (input, ctx) => {
      const env = envFor(deps, ctx);
      const application = registerIntake(env, input);
      // The registered intake is no longer in progress; dropping the draft is not part of the
      // registration's transaction on purpose: a leftover draft is harmless, a lost one is not.
      discardDraft(deps.db, env.clerkId);
      return flagger(deps).application(application);
    },
    'drafts.get': (_input, ctx) => getDraft(deps.db, envFor(deps, ctx).clerkId),
    'drafts.save': ({ data }, ctx) => {
      const savedAt = deps.now().toISOString();
      saveDraft(deps.db, envFor(deps, ctx).clerkId, data, savedAt);
      return { savedAt };
    },
    'drafts.discard': (_input, ctx) => {
      discardDraft(deps.db, envFor(deps, ctx).clerkId);
      return null;
    },
  };
}
