import type { ApplicantData } from '../../../shared/domain/applicant';
import { cleanName } from '../../../shared/validate';
import type { ApostropheChoice } from '../../../shared/validate';

const NAME_FIELDS = ['surname', 'givenName', 'patronymic', 'businessName', 'legalName'] as const;
type NameField = (typeof NAME_FIELDS)[number];

export interface CleanedApplicant {
  data: ApplicantData;
  /** The names as typed, for those the hygiene changed: the audit keeps them. */
  raw: Partial<Record<NameField, string>>;
}

/**
 * Name hygiene on save (docs/ARCHITECTURE.md §6): Latin look-alikes inside Cyrillic words become
 * Cyrillic and every apostrophe the desk's canonical one, so registers and document checks
 * compare what the person's documents say, not what the keyboard produced.
 */
export function cleanApplicantNames(data: ApplicantData, apostrophe: ApostropheChoice): CleanedApplicant {
  const raw: CleanedApplicant['raw'] = {};
  const cleaned: Record<string, unknown> = { ...data };
  for (const field of NAME_FIELDS) {
    const value = cleaned[field];
    if (typeof value !== 'string') continue;
    const { value: clean } = cleanName(value, apostrophe);
    if (clean === value) continue;
    raw[field] = value;
    cleaned[field] = clean;
  }
  return { data: cleaned as ApplicantData, raw };
}
