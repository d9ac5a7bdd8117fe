import type { Application } from '../../../../shared/domain/application';
import type { PartySnapshot } from '../../../../shared/domain/case-snapshot';
import type { Translate } from '../../i18n/dictionary';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { authorityText } from './PartyFacts';

function party(t: Translate, p: PartySnapshot): string {
  return [
    p.displayName,
    p.taxId ? t('record.taxId', { value: p.taxId.value }) : null,
    p.idDoc ? t('record.idDoc', { number: p.idDoc.number }) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/**
 * What was registered, as the receipt prints it (the case's snapshot): the service, provider
 * and persons as they were entered, whatever the catalog or the person's record says now.
 */
export function RecordSection({ application }: { application: Application }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const s = application.snapshot;
  if (!s) return <p className="muted">{t('record.missing')}</p>;
  const rep = s.representative;
  return (
    <section className="record-section" aria-labelledby="record-title">
      <h4 id="record-title" className="card-subtitle">
        {t('record.title')}
      </h4>
      <p className="muted">{t('record.hint')}</p>
      <dl className="card-facts">
        <dt>{t('record.service')}</dt>
        <dd>
          {s.service.code} · {language === 'uk' ? s.service.nameUk : s.service.nameEn}
        </dd>
        <dt>{t('record.provider')}</dt>
        <dd>
          {language === 'uk' ? s.provider.nameUk : s.provider.nameEn}
          {s.provider.edrpou && ` · ${t('record.edrpou', { code: s.provider.edrpou })}`}
        </dd>
        <dt>{t('record.applicant')}</dt>
        <dd>{party(t, s.applicant)}</dd>
        {rep && (
          <>
            <dt>{t('record.representative')}</dt>
            <dd>
              {rep.kind === 'on_file'
                ? `${party(t, rep.party)} · ${authorityText(t, rep.authority)}`
                : `${rep.fullName} · ${t('applications.poa', { number: rep.poaNumber, date: rep.poaDate })}`}
            </dd>
          </>
        )}
        {s.subject && (
          <>
            <dt>{t('record.subject')}</dt>
            <dd>{party(t, s.subject)}</dd>
          </>
        )}
        <dt>{t('record.clerk')}</dt>
        <dd>{s.clerk.name}</dd>
        <dt>{t('record.place')}</dt>
        <dd>{t('record.placeValue', { center: s.center.name ?? '', code: s.center.code, window: s.window })}</dd>
      </dl>
    </section>
  );
}
