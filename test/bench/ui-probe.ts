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
  /** The applications list shows rows, none of those in view a placeholder. */
  | 'list';

interface ProbeArgs {
  kind: ProbeKind;
  /** The search's status text while it is busy (from the i18n dictionary). */
  searching: string;
}

/** What a probe measured: from the input event, and from the biggest backend answer that arrived meanwhile. */
export interface ProbeTimes {
  fromInput: number;
  /** From the moment the page began handling the largest WebSocket message since the input (the answer, not a push); NaN if none. */
  fromAnswer: number;
}

/** The pending measurement, kept on the page's window between `arm` and `read`, and the messages seen since. */
interface ProbeWindow {
  viknoProbe?: Promise<ProbeTimes>;
  viknoMessages?: Array<{ at: number; bytes: number }>;
}

/**
 * Before the app's own script: notes when each WebSocket message reaches the page and how big
 * it is. The listener is added in the constructor, so it runs before the app's handler parses it.
 */
export async function watchAnswers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.addEventListener('message', (event: MessageEvent) => {
          const bytes = typeof event.data === 'string' ? event.data.length : 0;
          (window as ProbeWindow).viknoMessages?.push({ at: performance.now(), bytes });
        });
      }
    };
  });
}

/** In the page: starts watching for `kind`, resolving to ms from the next input event to the frame that shows the result. */
function armInPage({ kind, searching }: ProbeArgs): void {
  const input = document.activeElement;
  const listbox = kind === 'search' && input ? document.getElementById(input.getAttribute('aria-controls') ?? '') : null;
  const statusOf = () => listbox?.parentElement?.querySelector('.combobox-status')?.textContent ?? '';
  let sawBusy = false;
  const done = (): boolean => {
    if (kind === 'register') return (document.querySelector('.registered .reg-number')?.textContent ?? '').trim() !== '';
    if (kind === 'list') return listDrawn();
    if (statusOf() === searching) sawBusy = true;
    return sawBusy && statusOf() === '' && (listbox?.querySelector('[role="option"]') ?? null) !== null;
  };
  // Rows on screen, and no placeholder of a row still on its way among them (the list loads by pages).
  const listDrawn = (): boolean => {
    const scroller = document.querySelector('.application-rows-scroller');
    if (!scroller?.querySelector('.application-row')) return false;
    const view = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('.application-row-pending')].every((pending) => {
      const box = pending.getBoundingClientRect();
      return box.bottom <= view.top || box.top >= view.bottom;
    });
  };
  const seen: Array<{ at: number; bytes: number }> = [];
  (window as ProbeWindow).viknoMessages = seen;
  (window as ProbeWindow).viknoProbe = new Promise<ProbeTimes>((resolve) => {
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
      const answer = seen.reduce<{ at: number; bytes: number } | undefined>((big, m) => (big && big.bytes >= m.bytes ? big : m), undefined);
      requestAnimationFrame(() => {
        const now = performance.now();
        resolve({ fromInput: now - from, fromAnswer: answer ? now - answer.at : Number.NaN });
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

function readInPage(): Promise<ProbeTimes> {
  const probe = (window as ProbeWindow).viknoProbe;
  if (!probe) throw new Error('No probe armed');
  return probe;
}

/** Arms a probe, runs `act` (the keystroke), and resolves to the milliseconds the page measured. */
export async function timeInPage(page: Page, kind: ProbeKind, searching: string, act: () => Promise<void>): Promise<ProbeTimes> {
  await page.evaluate(armInPage, { kind, searching });
  await act();
  return page.evaluate(readInPage);
}

/**
 * Scrolls the applications list by a wheel notch (120 px) each frame for `frames` frames and
 * returns the gaps between frames in ms: a gap well over one refresh is a dropped frame.
 */
export function scrollFrameGaps(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (count) =>
      new Promise<number[]>((resolve) => {
        const scroller = document.querySelector('.application-rows-scroller');
        if (!scroller) throw new Error('No applications list on screen');
        const gaps: number[] = [];
        let last = performance.now();
        const step = (now: number) => {
          gaps.push(now - last);
          last = now;
          scroller.scrollTop += 120;
          if (gaps.length < count) requestAnimationFrame(step);
          else resolve(gaps.slice(1));
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
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
