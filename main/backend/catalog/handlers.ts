import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../dispatch';
import type { HandlerDeps } from '../handler-deps';
import { getService, searchServices } from './queries';
import { loadSubsistenceTable } from './services';

export function catalogHandlers(deps: HandlerDeps): Pick<Handlers<CallContext>, 'catalog.search' | 'catalog.get' | 'catalog.subsistence'> {
  return {
    'catalog.search': ({ q }) => searchServices(deps.db, q),
    'catalog.get': ({ id }) => {
      const service = getService(deps.db, id);
      if (!service) throw new AppError('NOT_FOUND', `No service ${id}`, [{ path: ['id'], message: 'no such service' }]);
      return service;
    },
    'catalog.subsistence': () => loadSubsistenceTable(deps.db),
  };
}
