import type { Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import type { IdDocType } from './intake-form';

/** An identity document type's name in the clerk's language. */
export function docTypeLabel(t: Translate, type: IdDocType): string {
  switch (type) {
    case 'id_card':
      return t('doc.id_card');
    case 'passport_book':
      return t('doc.passport_book');
    case 'travel_passport':
      return t('doc.travel_passport');
    case 'birth_certificate':
      return t('doc.birth_certificate');
    case 'temporary_certificate':
      return t('doc.temporary_certificate');
    case 'permanent_residence_permit':
      return t('doc.permanent_residence_permit');
    case 'temporary_residence_permit':
      return t('doc.temporary_residence_permit');
    case 'refugee_certificate':
      return t('doc.refugee_certificate');
    case 'protection_certificate':
      return t('doc.protection_certificate');
    case 'foreign_passport':
      return t('doc.foreign_passport');
    case 'residence_permit':
      return t('doc.residence_permit');
    case 'other':
      return t('doc.other');
  }
}

export function useDocTypeLabel(): (type: IdDocType) => string {
  const t = useT();
  return (type) => docTypeLabel(t, type);
}
