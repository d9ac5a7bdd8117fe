import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import type { HandlerDeps } from '../handler-deps';
import type { AuditChecker } from './audit-check';
import { listAudit } from './audit-list';

export interface AuditDeps extends HandlerDeps {
  audit: AuditChecker;
}

export function auditHandlers(deps: AuditDeps): Pick<Handlers<CallContext>, 'audit.list'> {
  return {
    'audit.list': async (query) => {
      const entries = listAudit(deps.db, query, deps.desk.timeZone, `${deps.desk.center.code}/${deps.desk.desk.code}`);
      // The newest check; before the first one has ended, this call waits for it (joined, not run twice).
      const current = deps.audit.current();
      return { entries, check: current.state === 'pending' ? await deps.audit.check() : current };
    },
  };
}
