import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { recordView } from '../audit/record-view';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { findDuplicates } from './duplicates';
import { getApplicant } from './queries';
import { searchApplicants } from './search';

export function applicantHandlers(
  deps: HandlerDeps,
): Pick<Handlers<CallContext>, 'applicants.search' | 'applicants.get' | 'applicants.findDuplicates'> {
  return {
    'applicants.search': ({ q, limit }) => searchApplicants(deps.db, q, limit),
    'applicants.get': ({ id }, ctx) => {
      const applicant = getApplicant(deps.db, id);
      if (!applicant) throw new AppError('NOT_FOUND', `No applicant ${id}`, [{ path: ['id'], message: 'no such applicant' }]);
      recordView(envFor(deps, ctx), 'applicant', id);
      return applicant;
    },
    'applicants.findDuplicates': (keys) => findDuplicates(deps.db, keys),
  };
}
