import type { StoredApplication, UpdateApplicationInput } from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import { getApplicationById } from './queries';
import { assertAuthorityCurrent } from '../applicants/check-dates';
import { localDay } from '../clock';
import { getService } from '../catalog/queries';
import { assertParties } from './registration-rules';

/**
 * Corrects an application after registration (representative, delivery, notes); receipt lines
 * are append-only and change only through a new опис or a corrected version (add-documents.ts,
 * correct-line.ts). Only the fields that really changed travel, against the server version they were
 * edited on, so the back office can merge edits of different fields made at two desks.
 * A supervisor's correction (review/correct-application.ts) passes its reason: it travels with the
 * edit and is audited, and a correction that changes nothing is refused rather than recorded.
 */
export function updateApplication(env: CommandEnv, input: UpdateApplicationInput, correctionReason?: string): StoredApplication {
  const now = env.now();
  const at = now.toISOString();
  runCommand(env.db, () => {
    const current = getApplicationById(env.db, input.id);
    if (!current) throw new AppError('NOT_FOUND', `No application ${input.id}`, [{ path: ['id'], message: 'no such application' }]);
    const changed: Record<string, unknown> = {};
    const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
    const currentRep = current.representative && {
      applicantId: current.representative.applicantId,
      authority: current.representative.authority,
    };
    if (input.representative !== undefined && differs(input.representative, currentRep)) changed.representative = input.representative;
    if (input.resultDelivery !== undefined && input.resultDelivery !== current.resultDelivery)
      changed.resultDelivery = input.resultDelivery;
    if (input.notes !== undefined && (input.notes || null) !== current.notes) changed.notes = input.notes || null;
    if (Object.keys(changed).length === 0) {
      if (correctionReason === undefined) return;
      throw new AppError('VALIDATION', 'The correction changes nothing', [{ path: ['fields'], message: 'correction.nothing_changed' }]);
    }

    if ('representative' in changed) {
      const rep = input.representative ?? null;
      if (rep !== null) {
        const service = getService(env.db, current.service.id);
        if (!service) throw new Error(`Application ${input.id} names no service on file`);
        assertParties(env.db, service, {
          applicantId: current.applicant.id,
          representative: {
            applicantId: rep.applicantId,
            authority: { ...rep.authority, mayReceiveResult: rep.authority.mayReceiveResult ?? false },
          },
          ...(current.subject ? { subjectId: current.subject.id } : {}),
        });
        assertAuthorityCurrent(rep.authority, localDay(now, env.desk.timeZone));
      }
      // A representative set now replaces whatever an earlier version stored in the rep_* columns.
      statement(
        env.db,
        `UPDATE applications SET representative_id = ?, rep_authority = ?, rep_full_name = NULL, rep_doc_type = NULL,
           rep_doc_number = NULL, rep_poa_number = NULL, rep_poa_date = NULL WHERE id = ?`,
      ).run(rep?.applicantId ?? null, rep ? JSON.stringify(rep.authority) : null, input.id);
    }
    if (input.resultDelivery !== undefined && 'resultDelivery' in changed) {
      const channels = getService(env.db, current.service.id)?.deliveryChannels ?? [];
      if (!channels.includes(input.resultDelivery)) {
        throw new AppError('VALIDATION', `The service does not deliver by ${input.resultDelivery}`, [
          { path: ['resultDelivery'], message: 'service.delivery_channel' },
        ]);
      }
      statement(env.db, 'UPDATE applications SET result_delivery = ? WHERE id = ?').run(input.resultDelivery, input.id);
    }
    if ('notes' in changed) statement(env.db, 'UPDATE applications SET notes = ? WHERE id = ?').run(changed.notes, input.id);
    statement(env.db, 'UPDATE applications SET updated_at = ? WHERE id = ?').run(at, input.id);
    recordChange(
      env,
      at,
      {
        kind: 'application.update',
        payload: { id: input.id, ...changed, ...(correctionReason === undefined ? {} : { correctionReason }) },
        baseVersion: current.serverVersion,
      },
      {
        action: 'application.update',
        entity: 'application',
        entityId: input.id,
        details: { fields: Object.keys(changed), ...(correctionReason === undefined ? {} : { correctionReason }) },
      },
    );
  });
  const application = getApplicationById(env.db, input.id);
  if (!application) throw new Error(`Application ${input.id} vanished after commit`);
  return application;
}
