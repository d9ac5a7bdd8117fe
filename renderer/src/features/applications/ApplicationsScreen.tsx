import { useEffect, useRef, useState } from 'react';
import type { ApplicationSummary } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { TextInput } from '../../kit/TextInput';
import { ApplicationCard } from './ApplicationCard';
import { ApplicationRows } from './ApplicationRows';
import { HandoffRegisters } from './HandoffRegisters';
import { forgetApplicationsRequest, pendingApplicationsRequest } from './applications-request';

const DEBOUNCE_MS = 200;

/** Today's applications and a search by number or applicant; the chosen one opens as a card. */
export function ApplicationsScreen() {
  const t = useT();
  const [request] = useState(pendingApplicationsRequest);
  const [query, setQuery] = useState(request?.query ?? '');
  const [list, setList] = useState<ApplicationSummary[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [selected, setSelected] = useState<string | null>(request?.selected ?? null);
  const [reload, setReload] = useState(0);
  // A finished sync cycle may have turned local records into synced ones: the badges follow.
  const lastSync = useShellStore(
    (state) => `${state.sync?.lastSuccessAt ?? ''}|${state.sync?.deadLetters ?? 0}|${state.sync?.conflicts ?? 0}`,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    heading.current?.focus();
    forgetApplicationsRequest();
  }, []);

  useEffect(() => {
    let alive = true;
    const q = query.trim();
    const timer = setTimeout(
      () => {
        void (q === '' ? api.call('applications.listToday', {}) : api.call('applications.search', { q })).then((result) => {
          if (!alive) return;
          if (result.ok) {
            setList(result.value);
            setError(null);
          } else setError(result.error);
        });
      },
      q === '' ? 0 : DEBOUNCE_MS,
    );
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query, reload, lastSync]);

  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t('applications.title')}
      </h2>
      <TextInput
        id="applications-search"
        inputRef={searchBox}
        label={t('applications.search')}
        size="long"
        type="search"
        value={query}
        placeholder={t('applications.searchPlaceholder')}
        onChange={setQuery}
      />
      <HandoffRegisters />
      {error && <ErrorNotice error={error} context="applications.loadFailed" onRetry={() => setReload((n) => n + 1)} />}
      <div className="applications-layout">
        <div className="applications-list">
          <p className="list-caption" id="applications-caption">
            {query.trim() === '' ? t('applications.today') : t('applications.found', { count: list?.length ?? 0 })}
          </p>
          {list !== null && list.length === 0 && <p className="muted">{t('applications.empty')}</p>}
          {list !== null && list.length > 0 && (
            <ApplicationRows rows={list} selected={selected} onSelect={setSelected} labelledBy="applications-caption" />
          )}
        </div>
        {selected && (
          <ApplicationCard
            key={selected}
            id={selected}
            onChanged={() => setReload((n) => n + 1)}
            onClose={() => {
              setSelected(null);
              searchBox.current?.focus();
            }}
          />
        )}
      </div>
    </section>
  );
}
