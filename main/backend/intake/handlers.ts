import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { discardDraft, getDraft, saveDraft } from './drafts';
import { dropIntakeSets } from '../documents/page-sets';
import { registerWithDocuments } from './register-with-documents';
import { flagger } from '../applications/with-flags';

type IntakeHandlers = Pick<Handlers<CallContext>, 'intake.register' | 'drafts.get' | 'drafts.save' | 'drafts.discard'>;

/**
 * The form is done with: its draft goes, and so do the page sets of its lines that were not
 * attached, so the next citizen's form never shows the previous one's pages (line keys repeat
 * between forms). The page files stay in the content store.
 */
function forgetForm(db: HandlerDeps['db'], clerkId: string): void {
  discardDraft(db, clerkId);
  dropIntakeSets(db, clerkId);
}

export function intakeHandlers(deps: HandlerDeps & { dataDir: string }): IntakeHandlers {
  return {
    'intake.register': async (input, ctx) => {
      const env = envFor(deps, ctx);
      const application = await registerWithDocuments(env, deps.dataDir, input);
      // The registered intake is no longer in progress; dropping the draft is not part of the
      // registration's transaction on purpose: a leftover draft is harmless, a lost one is not.
      forgetForm(deps.db, env.clerkId);
      return flagger(deps).application(application);
    },
    'drafts.get': (_input, ctx) => getDraft(deps.db, envFor(deps, ctx).clerkId),
    'drafts.save': ({ data }, ctx) => {
      const savedAt = deps.now().toISOString();
      saveDraft(deps.db, envFor(deps, ctx).clerkId, data, savedAt);
      return { savedAt };
    },
    'drafts.discard': (_input, ctx) => {
      forgetForm(deps.db, envFor(deps, ctx).clerkId);
      return null;
    },
  };
}
