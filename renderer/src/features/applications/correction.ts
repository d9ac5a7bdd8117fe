import type { Application, UpdateApplicationInput } from '../../../../shared/domain/application';
import type { PlainMessageKey } from '../../i18n/dictionary';

export type Delivery = Application['resultDelivery'];

export const DELIVERIES: readonly Delivery[] = ['in_person', 'post', 'email', 'electronic'];

export const DELIVERY_TEXT: Readonly<Record<Delivery, PlainMessageKey>> = {
  in_person: 'intake.delivery.in_person',
  post: 'intake.delivery.post',
  email: 'intake.delivery.email',
  electronic: 'intake.delivery.electronic',
};

export interface CorrectionDraft {
  resultDelivery: Delivery;
  notes: string;
}

/**
 * The `applications.update` input for what the clerk changed, or null when nothing changed.
 * Only changed fields are sent; emptied notes become null (removed).
 */
export function correctionInput(
  application: Pick<Application, 'id' | 'resultDelivery' | 'notes'>,
  draft: CorrectionDraft,
): UpdateApplicationInput | null {
  const input: UpdateApplicationInput = { id: application.id };
  let changed = false;
  if (draft.resultDelivery !== application.resultDelivery) {
    input.resultDelivery = draft.resultDelivery;
    changed = true;
  }
  const notes = draft.notes.trim() === '' ? null : draft.notes.trim();
  if (notes !== (application.notes ?? null)) {
    input.notes = notes;
    changed = true;
  }
  return changed ? input : null;
}
