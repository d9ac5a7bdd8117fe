import { IdDocType } from '../../../../shared/domain/applicant';
import type { Application, AuthorityData } from '../../../../shared/domain/application';
import type { Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { formatDay } from '../../lib/format';
import { basisLabel, legalDocumentLabel } from '../intake/AuthorityFields';
import { docTypeLabel } from '../intake/use-doc-types';

/** A stored document type's name; one this version does not know shows as stored. */
function docName(t: Translate, type: string): string {
  const known = IdDocType.safeParse(type);
  return known.success ? docTypeLabel(t, known.data) : type;
}

/** The authority in one line, as the clerk reads it off the paper: basis, document, dates, scope. */
export function authorityText(t: Translate, a: AuthorityData): string {
  return [
    basisLabel(t, a.basis),
    a.legalDocument ? legalDocumentLabel(t, a.legalDocument) : null,
    a.documentNumber ? t('applications.authority.number', { number: a.documentNumber }) : null,
    a.documentDate ? t('applications.authority.date', { date: formatDay(a.documentDate) }) : null,
    a.notary ? t('applications.authority.notary', { name: a.notary }) : null,
    a.description ?? null,
    a.registryChecked ? t('applications.authority.registryChecked') : null,
    a.validUntil ? t('applications.authority.validUntil', { date: formatDay(a.validUntil) }) : null,
    a.mayReceiveResult ? t('applications.authority.mayReceive') : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/**
 * Who besides the applicant takes part (the representative with their authority, or one as an
 * earlier version stored it; the person the service concerns), and the applicant's insistence on
 * registering without required documents: entries of the card's fact list.
 */
export function PartyFacts({ application: a }: { application: Application }) {
  const t = useT();
  const rep = a.representative;
  const legacy = a.legacyRepresentative;
  return (
    <>
      {rep && (
        <>
          <dt>{t('applications.representative')}</dt>
          <dd>
            {[rep.displayName, rep.idDoc ? `${docName(t, rep.idDoc.type)} ${rep.idDoc.number}` : null]
              .filter((part): part is string => part !== null)
              .join(' · ')}
            <br />
            <span className="muted">{authorityText(t, rep.authority)}</span>
          </dd>
        </>
      )}
      {!rep && legacy && (
        <>
          <dt>{t('applications.representative')}</dt>
          <dd>
            {legacy.fullName} · {t('applications.poa', { number: legacy.poaNumber, date: formatDay(legacy.poaDate) })}
          </dd>
        </>
      )}
      {a.subject && (
        <>
          <dt>{t('applications.subject')}</dt>
          <dd>{a.subject.displayName}</dd>
        </>
      )}
      {a.insisted && (
        <>
          <dt>{t('applications.insisted')}</dt>
          <dd>
            <ul className="card-missing">
              {a.insisted.missing.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
            {t('applications.insistedReason', { reason: a.insisted.reason })}
          </dd>
        </>
      )}
    </>
  );
}
