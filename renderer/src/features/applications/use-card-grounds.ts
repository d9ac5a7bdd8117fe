import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLanguageStore } from '../../i18n/language-store';
import type { RefusalGround } from './StatusMoveFields';

/**
 * The grounds for refusal of the case's service card, in the clerk's language; null while not
 * read, or where the card lists none (a card carried over from before): the grounds are then typed.
 */
export function useCardGrounds(serviceId: string): RefusalGround[] | null {
  const language = useLanguageStore((state) => state.language);
  const [grounds, setGrounds] = useState<RefusalGround[] | null>(null);
  useEffect(() => {
    let alive = true;
    void api.call('catalog.get', { id: serviceId }).then((result) => {
      if (!alive || !result.ok || result.value.refusalGrounds.length === 0) return;
      setGrounds(result.value.refusalGrounds.map((g) => ({ code: g.code, label: language === 'uk' ? g.textUk : g.textEn })));
    });
    return () => {
      alive = false;
    };
  }, [serviceId, language]);
  return grounds;
}
