import type { Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import type { IdDocType } from './intake-form';

export function docTypeLabel(t: Translate, type: string): string {
  switch (type) {
    case 'id_card':
      return t('doc.id_card');
    case 'passport_book':
      return t('doc.passport_book');
    case 'foreign_passport':
      return t('doc.foreign_passport');
    case 'residence_permit':
      return t('doc.residence_permit');
    case 'other':
      return t('doc.other');
    default:
      return type;
  }
}

export function useDocTypeOptions(): Array<{ value: IdDocType; label: string }> {
  const t = useT();
  return (['id_card', 'passport_book', 'foreign_passport', 'residence_permit', 'other'] as const).map((value) => ({
    value,
    label: docTypeLabel(t, value),
  }));
}
