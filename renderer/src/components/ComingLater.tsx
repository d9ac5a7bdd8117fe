import { useEffect, useRef } from 'react';
import type { PlainMessageKey } from '../i18n/dictionary';
import { useT } from '../i18n/use-t';
import { Notice } from '../kit/Notice';

interface ComingLaterProps {
  title: PlainMessageKey;
  purpose: PlainMessageKey;
}

/** The placeholder of a screen whose feature has not shipped yet: what it will do, and when. */
export function ComingLater({ title, purpose }: ComingLaterProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new screen takes focus at its heading so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t(title)}
      </h2>
      <Notice tone="info" announce={false} title={t('screen.laterRelease')}>
        <p>{t(purpose)}</p>
      </Notice>
    </section>
  );
}
