import type { StoredApplication } from '../../../shared/domain/application';
import type { CaseSnapshot, CaseTerms, PartySnapshot } from '../../../shared/domain/case-snapshot';
import { deadlineWording } from '../../../shared/domain/deadline-wording';
import type { ReceiptVersion } from '../../../shared/domain/receipt';
import { AppError } from '../../../shared/errors';
import type { DeskConfig } from '../config/desk-config';
import type { ReceiptData } from './receipt-pdf';
import type { ReceiptLang } from './receipt-text';

/**
 * The receipt chosen: опис `number` (default №1) in `version` (default its newest).
 */
export function chooseReceipt(application: StoredApplication, number = 1, version?: number): ReceiptVersion {
  const versions = application.receipts.filter((r) => r.number === number);
  const chosen = version === undefined ? versions.at(-1) : versions.find((r) => r.version === version);
  if (!chosen) {
    throw new AppError('NOT_FOUND', `Application ${application.regNumber} has no опис №${number}${version ? ` v${version}` : ''}`, [
      { path: [version === undefined ? 'number' : 'version'], message: 'receipt.no_such_receipt' },
    ]);
  }
  return chosen;
}

function applicantOf(p: PartySnapshot): ReceiptData['applicant'] {
  return {
    displayName: p.displayName,
    ...(p.taxId ? { taxId: p.taxId } : {}),
    ...(p.idDoc ? { idDoc: { type: p.idDoc.type, validUntil: p.idDoc.validUntil } } : {}),
  };
}

function representativeOf(rep: CaseSnapshot['representative']): ReceiptData['representative'] {
  if (rep === null) return null;
  return rep.kind === 'on_file'
    ? { name: rep.party.displayName, authority: rep.authority }
    : { name: rep.fullName, poaNumber: rep.poaNumber, poaDate: rep.poaDate };
}

/**
 * Everything a receipt prints, from the case's snapshot, its terms and the receipt's own lines only: no
 * live row, so renaming a service or correcting a person never changes a printed receipt. The
 * desk's config stands in only for a center name or time zone a backfilled snapshot does not
 * have yet (filled at the backend's start, freeze-snapshot.ts).
 */
export function receiptData(
  snapshot: CaseSnapshot,
  terms: CaseTerms | null,
  receipt: ReceiptVersion,
  lang: ReceiptLang,
  desk: DeskConfig,
): ReceiptData {
  return {
    center: { name: snapshot.center.name ?? desk.center.name, code: snapshot.center.code },
    window: snapshot.window,
    clerkName: receipt.clerkName,
    regNumber: snapshot.regNumber,
    registeredAt: snapshot.registeredAt,
    timeZone: snapshot.timeZone ?? desk.timeZone,
    registeredOn: snapshot.registeredOn,
    applicant: applicantOf(snapshot.applicant),
    representative: representativeOf(snapshot.representative),
    subject: snapshot.subject === null ? null : { displayName: snapshot.subject.displayName },
    insisted: snapshot.insisted,
    service: {
      name: lang === 'uk' ? snapshot.service.nameUk : snapshot.service.nameEn,
      provider: lang === 'uk' ? snapshot.provider.nameUk : snapshot.provider.nameEn,
      ...(receipt.layout === 2 && snapshot.provider.edrpou ? { providerEdrpou: snapshot.provider.edrpou } : {}),
    },
    items: receipt.lines,
    dueDate: snapshot.dueDate,
    resultDelivery: snapshot.resultDelivery,
    ...(receipt.layout === 2
      ? { issue: { number: receipt.number, version: receipt.version, issuedAt: receipt.issuedAt, correction: receipt.correction } }
      : {}),
    // The terms the case was registered under (frozen with it); a receipt issued before they existed never printed them.
    ...(receipt.layout === 2 && terms ? { terms: { deadline: deadlineWording(terms.deadline, lang), fee: terms.fee } } : {}),
  };
}
