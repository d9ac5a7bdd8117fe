import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface ComboOption {
  id: string;
  label: string;
  detail?: string;
}

interface SearchComboboxProps<O extends ComboOption> {
  inputId: string;
  label: string;
  /** Searches as the clerk types, one search at a time; stale answers are dropped. */
  search(query: string): Promise<O[]>;
  onPick(option: O): void;
  minLength?: number;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  placeholder?: string;
  /** Shown in place of the list when a search found nothing. */
  noResults: string;
  searching: string;
  /** Next to the input (e.g. a "new applicant" button). */
  children?: ReactNode;
  onBlur?: () => void;
  query?: string;
  onQueryChange?: (query: string) => void;
}

export function SearchCombobox<O extends ComboOption>(props: SearchComboboxProps<O>) {
  const {
    inputId,
    label,
    search,
    onPick,
    minLength = 1,
    autoFocus,
    invalid,
    describedBy,
    placeholder,
    noResults,
    searching,
    children,
  } = props;
  const [ownQuery, setOwnQuery] = useState('');
  const query = props.query ?? ownQuery;
  const setQuery = props.onQueryChange ?? setOwnQuery;
  const [results, setResults] = useState<O[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  /** The query the list must answer (trimmed); an answer to any other is stale. */
  const wanted = useRef('');
  const inFlight = useRef(false);
  /**
   * Enter pressed while the answer to the latest letters was on its way: taken when it arrives (the
   * option highlighted then, by id, if the answer still holds it; else its first), never dropped.
   */
  const enterWaiting = useRef<{ id: string | undefined } | null>(null);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  async function runSearch(q: string): Promise<void> {
    inFlight.current = true;
    let found: O[];
    try {
      found = await search(q);
    } finally {
      inFlight.current = false;
    }
    if (wanted.current !== q) {
      if (wanted.current.length >= minLength) void runSearch(wanted.current);
      return;
    }
    setResults(found);
    setBusy(false);
    setActive(-1);
    const entered = enterWaiting.current;
    enterWaiting.current = null;
    if (entered) pick(found.find((option) => option.id === entered.id) ?? found[0]);
  }

  useEffect(() => {
    const q = query.trim();
    wanted.current = q;
    if (q.length < minLength) {
      setResults(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    if (!inFlight.current) void runSearch(q);
    // `runSearch` (and the `search` it calls) is a fresh closure on each render; the query alone decides when to search.
  }, [query, minLength]);

  const options = results ?? [];
  const expanded = open && query.trim().length >= minLength;

  function pick(option: O | undefined): void {
    if (!option) return;
    setOpen(false);
    setActive(-1);
    onPick(option);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Never submits the surrounding form: Enter here means "take this result".
      event.preventDefault();
      if (busy) enterWaiting.current = { id: options[active]?.id };
      else pick(options[active >= 0 ? active : 0]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const activeId = active >= 0 && options[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="combobox">
      <label htmlFor={inputId} className="kit-field-label">
        {label}
      </label>
      <div className="combobox-row">
        <input
          ref={input}
          id={inputId}
          className="kit-input combobox-input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            // Letters typed after an Enter make a new question: that Enter was for the old one.
            enterWaiting.current = null;
            setQuery(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            props.onBlur?.();
          }}
          onFocus={() => setOpen(true)}
        />
        {children}
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="combobox-option"
            // mousedown, not click: the input must keep focus (its blur would close the list first).
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
          >
            <span className="combobox-option-label">{option.label}</span>
            {option.detail && <span className="combobox-option-detail">{option.detail}</span>}
          </li>
        ))}
      </ul>
      {expanded && (
        <p className="combobox-status" role="status">
          {busy ? searching : results !== null && options.length === 0 ? noResults : ''}
        </p>
      )}
    </div>
  );
}
