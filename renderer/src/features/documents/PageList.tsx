import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PageView, Rotation } from '../../../../shared/documents';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { deletePage, movePage, rotatePage } from './documents-store';
import { PageThumbnail } from './PageThumbnail';

interface PageListProps {
  setId: string;
  label: string;
  pages: readonly PageView[];
  /** A call or a scan is on its way: editing waits. */
  locked: boolean;
  onRescan(pageId: string): void;
}

const nextRotation = (rotation: Rotation): Rotation => ((rotation + 90) % 360) as Rotation;

/**
 * The set's pages in order. One page at a time is selected (arrows); it moves with Alt+← / Alt+→,
 * turns with R, and Delete asks before it goes. Each page also has its buttons, so nothing needs
 * the keys.
 */
export function PageList({ setId, label, pages, locked, onRescan }: PageListProps) {
  const t = useT();
  const hintId = useId();
  const list = useRef<HTMLOListElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const current = pages.find((page) => page.id === selected) ?? pages[0] ?? null;

  useEffect(() => {
    if (focusRequest === 0 || !current) return;
    list.current?.querySelector<HTMLElement>(`[data-page-id="${current.id}"]`)?.focus();
  }, [focusRequest, current]);

  function select(page: PageView | undefined): void {
    if (!page) return;
    setSelected(page.id);
    setFocusRequest((n) => n + 1);
  }

  async function move(page: PageView, position: number): Promise<void> {
    if (position < 1 || position > pages.length) return;
    await movePage(setId, page.id, position);
    select(page);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, page: PageView): void {
    const index = pages.indexOf(page);
    const back = event.key === 'ArrowLeft' || event.key === 'ArrowUp';
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    if ((back || forward) && event.altKey) {
      event.preventDefault();
      if (!locked) void move(page, page.position + (back ? -1 : 1));
    } else if (back || forward) {
      event.preventDefault();
      select(pages[index + (back ? -1 : 1)]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(event.key === 'Home' ? pages[0] : pages[pages.length - 1]);
    } else if ((event.key === 'r' || event.key === 'R') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      if (!locked) void rotatePage(setId, page.id, nextRotation(page.rotation));
    } else if (event.key === 'Delete' && !locked) {
      event.preventDefault();
      // The page's own delete button asks the question (and takes focus on its "yes").
      event.currentTarget.closest('li')?.querySelector<HTMLButtonElement>('[data-action="delete"]')?.click();
    }
  }

  if (pages.length === 0) return <p className="muted">{t('documents.page.none')}</p>;
  return (
    <>
      <p id={hintId} className="muted page-keys">
        {t('documents.page.keys')}
      </p>
      <ol ref={list} className="page-list" aria-label={t('documents.page.list', { label })}>
        {pages.map((page) => {
          const n = page.position;
          const isCurrent = page.id === current?.id;
          return (
            <li key={page.id} className={isCurrent ? 'page-item page-current' : 'page-item'}>
              <button
                type="button"
                className="page-thumb"
                data-page-id={page.id}
                tabIndex={isCurrent ? 0 : -1}
                aria-current={isCurrent || undefined}
                aria-describedby={hintId}
                aria-label={t('documents.page.item', { n, total: pages.length, source: t(`documents.source.${page.source}`) })}
                onClick={() => select(page)}
                onKeyDown={(event) => onKeyDown(event, page)}
              >
                <PageThumbnail page={page} alt={t('documents.page.alt', { n })} />
                <span className="page-number" aria-hidden="true">
                  {n}
                </span>
              </button>
              <div className="page-actions">
                <Button variant="quiet" disabled={locked || n === 1} onClick={() => void move(page, n - 1)}>
                  <span aria-hidden="true">←</span>
                  <span className="visually-hidden">{t('documents.page.earlier', { n })}</span>
                </Button>
                <Button variant="quiet" disabled={locked || n === pages.length} onClick={() => void move(page, n + 1)}>
                  <span aria-hidden="true">→</span>
                  <span className="visually-hidden">{t('documents.page.later', { n })}</span>
                </Button>
                <Button variant="quiet" disabled={locked} onClick={() => void rotatePage(setId, page.id, nextRotation(page.rotation))}>
                  <span aria-hidden="true">⟳</span>
                  <span className="visually-hidden">{t('documents.page.rotate', { n })}</span>
                </Button>
                {page.source === 'scanner' && (
                  <Button variant="quiet" disabled={locked} onClick={() => onRescan(page.id)}>
                    {t('documents.page.rescan', { n })}
                  </Button>
                )}
                <Button
                  variant="danger"
                  data-action="delete"
                  disabled={locked}
                  confirm={{
                    question: t('documents.page.deleteQuestion', { n }),
                    yes: t('documents.page.deleteYes'),
                    no: t('documents.page.deleteNo'),
                  }}
                  onClick={() => void deletePage(setId, page.id).then(() => select(pages[n] ?? pages[n - 2]))}
                >
                  {t('documents.page.delete', { n })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
