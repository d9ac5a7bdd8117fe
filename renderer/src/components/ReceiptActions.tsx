import { useEffect, useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useT } from '../i18n/use-t';
import { Button, buttonClass } from '../kit/Button';
import { pdfBlobUrl } from '../lib/pdf-blob';
import { ErrorNotice } from '../kit/ErrorNotice';

type ReceiptLang = 'uk' | 'en';

type Receipt = { status: 'loading' } | { status: 'ready'; url: string; fileName: string } | { status: 'failed'; error: ErrorBody };

/**
 * A receipt (опис) of an application as PDF — опис `number` in `version`, by default the newest
 * of №1 — in Ukrainian and English: open it (a new tab in
 * the browser host; under Electron a viewer window, the one window main allows, whose print
 * button opens the OS print dialog) or save it.
 */
export function ReceiptActions({ applicationId, number, version }: { applicationId: string; number?: number; version?: number }) {
  const t = useT();
  const [receipts, setReceipts] = useState<Record<ReceiptLang, Receipt>>({ uk: { status: 'loading' }, en: { status: 'loading' } });

  useEffect(() => {
    let alive = true;
    const urls: string[] = [];
    for (const lang of ['uk', 'en'] as const) {
      const which = { ...(number === undefined ? {} : { number }), ...(version === undefined ? {} : { version }) };
      void api.call('receipts.pdf', { applicationId, lang, ...which }).then((result) => {
        if (!alive) return;
        const receipt: Receipt = result.ok
          ? { status: 'ready', url: pdfBlobUrl(result.value.base64), fileName: result.value.fileName }
          : { status: 'failed', error: result.error };
        if (receipt.status === 'ready') urls.push(receipt.url);
        setReceipts((current) => ({ ...current, [lang]: receipt }));
      });
    }
    return () => {
      alive = false;
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [applicationId, number, version]);

  const failed = receipts.uk.status === 'failed' ? receipts.uk : receipts.en.status === 'failed' ? receipts.en : null;

  function row(lang: ReceiptLang) {
    const receipt = receipts[lang];
    const ready = receipt.status === 'ready' ? receipt : null;
    return (
      <div className="kit-button-row" key={lang}>
        <Button
          variant={lang === 'uk' ? 'primary' : 'secondary'}
          disabled={!ready}
          onClick={() => ready && window.open(ready.url, '_blank')}
        >
          {t(lang === 'uk' ? 'receipt.open' : 'receipt.openEn')}
        </Button>
        {ready ? (
          <a className={buttonClass()} href={ready.url} download={ready.fileName}>
            {t(lang === 'uk' ? 'receipt.save' : 'receipt.saveEn')}
          </a>
        ) : (
          <span className={buttonClass()} aria-disabled="true">
            {receipt.status === 'loading' ? t('receipt.preparing') : t(lang === 'uk' ? 'receipt.save' : 'receipt.saveEn')}
          </span>
        )}
      </div>
    );
  }

  return (
    <div className="receipt-actions">
      {row('uk')}
      {row('en')}
      {failed && <ErrorNotice error={failed.error} context="receipt.failed" />}
    </div>
  );
}
