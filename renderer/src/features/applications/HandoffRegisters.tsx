import { useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button, buttonClass } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { pdfBlobUrl } from '../../lib/pdf-blob';
import { localToday } from '../../app/center-today';

type Registers =
  | { status: 'idle' }
  | { status: 'ready'; papers: Array<{ provider: string; url: string; fileName: string }> }
  | { status: 'failed'; error: ErrorBody };

/** Today's hand-off registers (реєстр передачі справ), one per provider, to sign when the cases are handed over. */
export function HandoffRegisters() {
  const t = useT();
  const [registers, setRegisters] = useState<Registers>({ status: 'idle' });
  async function prepare(): Promise<void> {
    const result = await api.call('papers.handoffRegisters', { day: localToday(), lang: 'uk' });
    setRegisters(
      result.ok
        ? { status: 'ready', papers: result.value.map((p) => ({ provider: p.provider, url: pdfBlobUrl(p.base64), fileName: p.fileName })) }
        : { status: 'failed', error: result.error },
    );
  }
  return (
    <div className="handoff-registers">
      <Button onClick={() => void prepare()}>{t('status.registersPrepare')}</Button>
      {registers.status === 'failed' && <ErrorNotice error={registers.error} context="status.paperFailed" />}
      {registers.status === 'ready' &&
        (registers.papers.length === 0 ? (
          <p className="muted">{t('status.registersNone')}</p>
        ) : (
          <ul className="handoff-register-list" aria-label={t('status.registersList')}>
            {registers.papers.map((paper) => (
              <li key={paper.fileName}>
                <a className={buttonClass('quiet')} href={paper.url} download={paper.fileName}>
                  {t('status.registerFor', { provider: paper.provider })}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
