import type { Translate } from '../../i18n/dictionary';
import { formatDateTime } from '../../lib/format';
import type { Refusal } from './auth-store';

/**
 * A refused sign-in or unlock in words: why, then what the clerk can do about it (the time a
 * locked-out login may try again, or how many tries are left before a lockout).
 */
export function refusalText(t: Translate, refusal: Refusal): string[] {
  switch (refusal.reason) {
    case 'locked_out':
      return [refusal.until ? t('auth.refused.locked_out', { time: formatDateTime(refusal.until) }) : t('auth.refused.locked_outLater')];
    case 'wrong_secret':
      return refusal.attemptsLeft === null
        ? [t('auth.refused.wrong_secret')]
        : [t('auth.refused.wrong_secret'), t('auth.refused.attemptsLeft', { n: refusal.attemptsLeft })];
    case 'disabled':
    case 'not_on_this_desk':
    case 'pin_not_allowed':
      return [t(`auth.refused.${refusal.reason}`)];
  }
}
