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
      // The chain as it is now, entries just listed included (a check running already is joined, not run twice):
      // the start-up check alone said "0 entries checked" on a desk's first day.
      return { entries, check: await deps.audit.check() };
    },
  };
}
