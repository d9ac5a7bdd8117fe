import { useEffect, useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import type { RegisterKind } from '../../../../shared/registers';
import { api } from '../../api';
import { localToday } from '../../app/center-today';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { Button, buttonClass } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { pdfBlobUrl } from '../../lib/pdf-blob';
import { typedPeriodOf } from './period';
import { PeriodPicker } from './PeriodPicker';
import { registerColumns, registerRowKey } from './register-columns';
import type { RegisterRow } from './register-columns';
import { textBlobUrl } from './text-download';
import './registers.css';

type Period = { from: string; to: string };
type Rows = { status: 'loading' } | { status: 'loaded'; rows: RegisterRow[] } | { status: 'failed'; error: ErrorBody };
type Export = 'pdf' | 'csv' | 'openDataCsv' | 'openDataJson';
type Prepared = { status: 'idle' } | { status: 'ready'; url: string; fileName: string } | { status: 'failed'; error: ErrorBody };

const KINDS: readonly RegisterKind[] = ['journal', 'issued', 'day'];
const METHOD = { journal: 'registers.journal', issued: 'registers.issued', day: 'registers.day' } as const;

async function prepare(what: Export, kind: RegisterKind, period: Period, lang: 'uk' | 'en') {
  if (what === 'pdf') {
    const result = await api.call('registers.pdf', { kind, ...period, lang });
    return result.ok ? { ok: true as const, url: pdfBlobUrl(result.value.base64), fileName: result.value.fileName } : result;
  }
  const result =
    what === 'csv'
      ? await api.call('registers.csv', { kind, ...period })
      : await api.call('registers.openData', { ...period, format: what === 'openDataCsv' ? 'csv' : 'json' });
  return result.ok
    ? { ok: true as const, url: textBlobUrl(result.value.text, result.value.fileName), fileName: result.value.fileName }
    : result;
}

/**
 * The registers tab of «Перегляд»: the registration journal, the issue register and the day's
 * register for a chosen period, and their exports (PDF to print, CSV for Excel, the open-data set).
 * Each export is prepared by the backend (and audited there), then offered as a file to save.
 */
export function RegistersPanel() {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const [period, setPeriod] = useState<Period>(() => ({ from: localToday(), to: localToday() }));
  const [kind, setKind] = useState<RegisterKind>('journal');
  const [rows, setRows] = useState<Rows>({ status: 'loading' });
  const [prepared, setPrepared] = useState<Prepared>({ status: 'idle' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setRows({ status: 'loading' });
    void api.call(METHOD[kind], period).then((result) => {
      if (live) setRows(result.ok ? { status: 'loaded', rows: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [kind, period, reload]);

  useEffect(() => setPrepared({ status: 'idle' }), [kind, period]);
  // A file offered before is let go once another replaces it or the tab closes.
  useEffect(
    () => () => {
      if (prepared.status === 'ready') URL.revokeObjectURL(prepared.url);
    },
    [prepared],
  );

  async function exportAs(what: Export): Promise<void> {
    const result = await prepare(what, kind, period, lang);
    setPrepared(result.ok ? { status: 'ready', url: result.url, fileName: result.fileName } : { status: 'failed', error: result.error });
  }

  return (
    <section className="registers-panel" aria-labelledby="registers-title">
      <h2 id="registers-title">{t('registers.title')}</h2>
      <PeriodPicker
        id="registers-period"
        initial={typedPeriodOf(localToday())}
        onShow={(next) => {
          setPeriod(next);
          setReload((n) => n + 1);
        }}
      >
        <SelectInput<RegisterKind>
          id="registers-kind"
          label={t('registers.kind')}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: t(`registers.kind.${k}`) }))}
          onChange={setKind}
        />
      </PeriodPicker>
      <div className="registers-exports" role="group" aria-label={t('registers.exports')}>
        <Button onClick={() => void exportAs('pdf')}>{t('registers.pdf')}</Button>
        <Button onClick={() => void exportAs('csv')}>{t('registers.csv')}</Button>
        <Button onClick={() => void exportAs('openDataCsv')}>{t('registers.openDataCsv')}</Button>
        <Button onClick={() => void exportAs('openDataJson')}>{t('registers.openDataJson')}</Button>
      </div>
      <p className="muted">{t('registers.openDataHint')}</p>
      {prepared.status === 'failed' && <ErrorNotice error={prepared.error} context="registers.exportFailed" />}
      {prepared.status === 'ready' && (
        <p>
          <a className={buttonClass('primary')} href={prepared.url} download={prepared.fileName}>
            {t('registers.download', { file: prepared.fileName })}
          </a>
        </p>
      )}
      {rows.status === 'loading' && <p className="muted">{t('registers.loading')}</p>}
      {rows.status === 'failed' && (
        <ErrorNotice error={rows.error} context="registers.loadFailed" onRetry={() => setReload((n) => n + 1)} />
      )}
      {rows.status === 'loaded' && (
        <>
          <p>{t('registers.count', { count: rows.rows.length })}</p>
          <DataTable
            caption={{ text: t(`registers.kind.${kind}`) }}
            columns={registerColumns(kind, t, lang)}
            rows={rows.rows}
            rowKey={registerRowKey}
            empty={t('registers.empty')}
          />
        </>
      )}
    </section>
  );
}
