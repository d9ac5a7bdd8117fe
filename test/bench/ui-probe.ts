/**
 * Timers that run inside the page (passed to `page.evaluate`), so a figure is what the clerk
 * feels and not Playwright's round trips: the clock starts at the input event's own timestamp
 * and stops in the first animation frame after the DOM shows the result.
 */
import type { Page } from '@playwright/test';

/** What ends a measurement. */
export type ProbeKind =
  /** The applicant search's options have changed for the typed letter, the search no longer busy. */
  | 'search'
  /** The registered panel shows its registration number. */
  | 'register'
  /** The applications list shows rows. */
  | 'list';

interface ProbeArgs {
  kind: ProbeKind;
  /** The search's status text while it is busy (from the i18n dictionary). */
  searching: string;
}

/** The pending measurement, kept on the page's window between `arm` and `read`. */
interface ProbeWindow {
  viknoProbe?: Promise<number>;
}

/** In the page: starts watching for `kind`, resolving to ms from the next input event to the frame that shows the result. */
function armInPage({ kind, searching }: ProbeArgs): void {
  const input = document.activeElement;
  const listbox = kind === 'search' && input ? document.getElementById(input.getAttribute('aria-controls') ?? '') : null;
  const statusOf = () => listbox?.parentElement?.querySelector('.combobox-status')?.textContent ?? '';
  let sawBusy = false;
  const done = (): boolean => {
    if (kind === 'register') return (document.querySelector('.registered .reg-number')?.textContent ?? '').trim() !== '';
    if (kind === 'list') return document.querySelector('.application-row') !== null;
    if (statusOf() === searching) sawBusy = true;
    return sawBusy && statusOf() === '' && (listbox?.querySelector('[role="option"]') ?? null) !== null;
  };
  (window as ProbeWindow).viknoProbe = new Promise<number>((resolve) => {
    let start: number | undefined;
    const startEvent = kind === 'search' ? 'input' : 'keydown';
    const onStart = (event: Event) => {
      start ??= event.timeStamp;
      document.removeEventListener(startEvent, onStart, true);
    };
    document.addEventListener(startEvent, onStart, true);
    const observer = new MutationObserver(() => {
      if (start === undefined || !done()) return;
      observer.disconnect();
      const from = start;
      requestAnimationFrame(() => resolve(performance.now() - from));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

function readInPage(): Promise<number> {
  const probe = (window as ProbeWindow).viknoProbe;
  if (!probe) throw new Error('No probe armed');
  return probe;
}

/** Arms a probe, runs `act` (the keystroke), and resolves to the milliseconds the page measured. */
export async function timeInPage(page: Page, kind: ProbeKind, searching: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate(armInPage, { kind, searching });
  await act();
  return page.evaluate(readInPage);
}

/** The navigation's first contentful paint (Paint Timing API), in ms from its start. */
export function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}
