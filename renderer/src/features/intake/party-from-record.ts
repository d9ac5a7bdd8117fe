import type { Applicant } from '../../../../shared/domain/applicant';
import type { CitizenshipChoice, PartyFields } from './intake-form';

const dotted = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

function citizenshipOf(code: string | null): Pick<PartyFields, 'citizenship' | 'citizenshipCode'> {
  if (code === null) return { citizenship: '', citizenshipCode: '' };
  const choice: CitizenshipChoice = code === 'UKR' || code === 'XXA' ? code : 'other';
  return { citizenship: choice, citizenshipCode: choice === 'other' ? code : '' };
}

/**
 * A person on file as the form holds them, for correcting their details. A record of an earlier
 * version may be a legal entity carrying a sole trader's РНОКПП and no ЄДРПОУ: it opens as the
 * sole trader it is, its name as the business name, so the clerk adds the person's names.
 */
export function partyFromRecord(a: Applicant): PartyFields {
  const parts = a.addressParts ?? {};
  const soleTraderOfOld = a.kind === 'legal_entity' && a.edrpou === null && a.rnokpp !== null;
  return {
    kind: soleTraderOfOld ? 'sole_trader' : a.kind,
    surname: a.surname ?? '',
    givenName: a.givenName ?? '',
    patronymic: a.patronymic ?? '',
    birthDate: dotted(a.birthDate),
    sex: a.sex ?? '',
    rnokpp: a.rnokpp ?? '',
    rnokppAbsent: a.rnokppAbsent ?? '',
    idDocType: a.idDoc?.type ?? 'id_card',
    idDocNumber: a.idDoc?.number ?? '',
    idDocIssuer: a.idDoc?.issuer ?? '',
    idDocIssuedOn: dotted(a.idDoc?.issuedOn),
    idDocValidUntil: dotted(a.idDoc?.validUntil),
    idDocPresentedAs: a.idDoc?.presentedAs ?? 'paper',
    unzr: a.unzr ?? '',
    ...citizenshipOf(a.citizenship),
    addressRegion: parts.region ?? '',
    addressCommunity: parts.community ?? '',
    addressSettlement: parts.settlement ?? '',
    addressStreet: parts.street ?? '',
    addressBuilding: parts.building ?? '',
    addressFlat: parts.flat ?? '',
    addressPostcode: parts.postcode ?? '',
    address: a.address ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    notifyBy: a.notifyBy ?? '',
    businessName: (soleTraderOfOld ? a.legalName : a.businessName) ?? '',
    registryRecord: a.registryRecord ?? '',
    legalName: soleTraderOfOld ? '' : (a.legalName ?? ''),
    edrpou: a.edrpou ?? '',
    crossConfirmed: false,
  };
}
