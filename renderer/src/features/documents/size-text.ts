import type { Translate } from '../../i18n/dictionary';

const KIB = 1024;
const MIB = 1024 * 1024;

/** A size as the clerk reads it: whole KB under a megabyte, MB to a tenth above (the decimal mark is the language's). */
export function sizeText(t: Translate, bytes: number): string {
  if (bytes < MIB) return t('documents.size.kb', { n: Math.max(bytes === 0 ? 0 : 1, Math.round(bytes / KIB)) });
  const tenths = Math.round((bytes / MIB) * 10);
  return t('documents.size.mb', { whole: Math.floor(tenths / 10), tenth: tenths % 10 });
}
