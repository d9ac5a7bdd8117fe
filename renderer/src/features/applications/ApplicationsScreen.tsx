import { useCallback, useEffect, useRef, useState } from 'react';
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
import { useDayPages } from './use-day-pages';

const DEBOUNCE_MS = 200;

/** Today's applications and a search by number or applicant; the chosen one opens as a card. */
export function ApplicationsScreen() {
  const t = useT();
  const [request] = useState(pendingApplicationsRequest);
  const [query, setQuery] = useState(request?.query ?? '');
  const [found, setFound] = useState<ApplicationSummary[] | null>(null);
  const [searchError, setSearchError] = useState<ErrorBody | null>(null);
  const [selected, setSelected] = useState<string | null>(request?.selected ?? null);
  const [reload, setReload] = useState(0);
  // A finished sync cycle may have turned local records into synced ones: the badges follow.
  const lastSync = useShellStore(
    (state) => `${state.sync?.lastSuccessAt ?? ''}|${state.sync?.deadLetters ?? 0}|${state.sync?.conflicts ?? 0}`,
  );
  const day = useDayPages(`${reload}|${lastSync}`);
  const heading = useRef<HTMLHeadingElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    heading.current?.focus();
    forgetApplicationsRequest();
  }, []);

  const q = query.trim();
  useEffect(() => {
    if (q === '') return;
    let alive = true;
    const timer = setTimeout(() => {
      void api.call('applications.search', { q }).then((result) => {
        if (!alive) return;
        if (result.ok) {
          setFound(result.value);
          setSearchError(null);
        } else setSearchError(result.error);
      });
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q, reload, lastSync]);
  const foundAt = useCallback((index: number) => found?.[index], [found]);
  const error = q === '' ? day.error : searchError;
  // While a search is typed, its last answer stands until the next one arrives, as before.
  const count = q === '' ? (day.list?.total ?? null) : (found?.length ?? null);

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
            {q === '' ? t('applications.today') : t('applications.found', { count: count ?? 0 })}
          </p>
          {count === 0 && <p className="muted">{t('applications.empty')}</p>}
          {count !== null && count > 0 && (
            <ApplicationRows
              count={count}
              rowAt={q === '' ? day.rowAt : foundAt}
              onRange={q === '' ? day.showRange : undefined}
              selected={selected}
              onSelect={setSelected}
              labelledBy="applications-caption"
            />
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
