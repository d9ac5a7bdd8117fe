import type { PageSetView } from '../../../../shared/documents';
import type { Translate } from '../../i18n/dictionary';
import { sizeText } from './size-text';

/** An inbox file as both inbox lists name it: its name, pages and size. */
export function inboxItemText(t: Translate, item: PageSetView): string {
  return `${item.label} · ${t('documents.inbox.pages', { pages: item.pages.length, size: sizeText(t, item.bytes) })}`;
}
