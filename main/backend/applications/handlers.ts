import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { recordView } from '../audit/record-view';
import { localDay } from '../clock';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { addDocuments } from './add-documents';
import { changeApplicationStatus } from './change-status';
import { correctLine } from './correct-line';
import { getApplicationById, getApplicationByNumber, listApplicationsOn } from './queries';
import { searchApplications } from './search-applications';
import { updateApplication } from './update-application';
import { flagger } from './with-flags';

export function applicationHandlers(
  deps: HandlerDeps,
): Pick<
  Handlers<CallContext>,
  | 'applications.listToday'
  | 'applications.get'
  | 'applications.search'
  | 'applications.changeStatus'
  | 'applications.update'
  | 'applications.addDocuments'
  | 'applications.correctLine'
> {
  const flags = flagger(deps);
  return {
    'applications.search': ({ q }) => flags.summaries(searchApplications(deps.db, q)),
    'applications.changeStatus': (input, ctx) => flags.application(changeApplicationStatus(envFor(deps, ctx), input)),
    'applications.update': (input, ctx) => flags.application(updateApplication(envFor(deps, ctx), input)),
    'applications.addDocuments': (input, ctx) => flags.application(addDocuments(envFor(deps, ctx), input)),
    'applications.correctLine': (input, ctx) => flags.application(correctLine(envFor(deps, ctx), input)),
    'applications.listToday': (page) => {
      const listed = listApplicationsOn(deps.db, localDay(deps.now(), deps.desk.timeZone), page);
      return { ...listed, rows: flags.summaries(listed.rows) };
    },
    'applications.get': (input, ctx) => {
      const application = 'id' in input ? getApplicationById(deps.db, input.id) : getApplicationByNumber(deps.db, input.regNumber);
      if (!application) {
        const path = 'id' in input ? 'id' : 'regNumber';
        throw new AppError('NOT_FOUND', 'No such application', [{ path: [path], message: 'no such application' }]);
      }
      recordView(envFor(deps, ctx), 'application', application.id);
      return flags.application(application);
    },
  };
}
