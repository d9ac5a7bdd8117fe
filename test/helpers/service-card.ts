import type { DeadlineRuleInput } from '../../shared/domain/deadline-rule';
import type { ServiceInput } from '../../shared/domain/service';

/** The few facts most tests care about; the rest of the information card gets permissive defaults. */
export interface PlainService {
  id: string;
  code: string;
  nameUk: string;
  nameEn: string;
  provider: [uk: string, en: string];
  feeKopecks: number;
  deadline: DeadlineRuleInput;
  active?: boolean;
  requiresRnokpp?: boolean;
  personalAttendance?: boolean;
  documents: Array<{ nameUk: string; nameEn: string; required: boolean }>;
}

/** A one-tier information card with a flat fee, any channel and any applicant kind. */
export function plainService(s: PlainService): ServiceInput {
  return {
    id: s.id,
    code: s.code,
    nameUk: s.nameUk,
    nameEn: s.nameEn,
    provider: { nameUk: s.provider[0], nameEn: s.provider[1], edrpou: null },
    legalBasis: null,
    refusalGrounds: [],
    deliveryChannels: ['in_person', 'post', 'email', 'electronic'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    requiresRnokpp: s.requiresRnokpp ?? false,
    personalAttendance: s.personalAttendance ?? false,
    requiredFields: [],
    tiers: [
      {
        id: 'standard',
        nameUk: 'Звичайний строк',
        nameEn: 'Standard term',
        deadline: s.deadline,
        fees: s.feeKopecks > 0 ? [{ kind: 'admin_fee', amount: { type: 'fixed', kopecks: s.feeKopecks } }] : [],
      },
    ],
    feeConditions: [],
    active: s.active ?? true,
    documents: s.documents.map((d, i) => ({
      position: i + 1,
      nameUk: d.nameUk,
      nameEn: d.nameEn,
      need: d.required ? 'required' : 'optional',
    })),
  };
}
