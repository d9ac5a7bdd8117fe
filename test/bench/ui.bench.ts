/**
 * What the clerk feels (issue 17): the built browser host on a desk database of the bench's
 * size, driven by Playwright in Debian's Chromium as a clerk drives it, every time measured in
 * the page (ui-probe.ts). The renderer's size is read from dist/renderer as built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { uk } from '../../renderer/src/i18n/uk';
import { BENCH_SERVICES, buildStore } from './dataset';
import type { SampledPerson } from './dataset';
import { rendererSize } from './renderer-size';
import { quantile } from './report';
import type { Figure } from './report';
import { addTodaysApplications } from './ui-today';
import { ensureBuiltApp, root, startBrowserHost } from './ui-host';
import { firstContentfulPaint, scrollFrameGaps, timeInPage, watchAnswers } from './ui-probe';
import { applicantSearch, fillRestOfIntake, searchAllButLast, signedInShell, signInFirstStart } from './ui-session';

interface UiRun {
  applicants: number;
  todayRows: number;
  searches: number;
  registrations: number;
  paints: number;
  listLoads: number;
  /** Frames of scrolling the list, a wheel notch each. */
  scrollFrames: number;
}

const FULL: UiRun = {
  applicants: 1_000_000,
  todayRows: 10_000,
  searches: 200,
  registrations: 100,
  paints: 20,
  listLoads: 10,
  scrollFrames: 600,
};
/** Small enough for the section to stay under a minute on a busy 2-core machine. */
const QUICK: UiRun = { applicants: 20_000, todayRows: 10_000, searches: 12, registrations: 6, paints: 3, listLoads: 2, scrollFrames: 120 };
/** A frame that took longer than this (1.5 refreshes at 60 Hz) dropped one. */
const DROPPED_FRAME_MS = 25;
const SEED = 17;
const KB = 1024;

/** What a clerk types to find a person: the surname and the start of the given name. */
const queryFor = (person: SampledPerson) => `${person.surname} ${person.givenName.slice(0, 3)}`;

async function measureList(page: Page, run: UiRun): Promise<{ fromKey: number[]; fromAnswer: number[]; frameGaps: number[] }> {
  const fromKey: number[] = [];
  const fromAnswer: number[] = [];
  for (let i = 0; i < run.listLoads; i += 1) {
    await page.keyboard.press('Alt+2');
    await applicantSearch(page).waitFor();
    const times = await timeInPage(page, 'list', uk['intake.searching'], () => page.keyboard.press('Alt+5'));
    fromKey.push(times.fromInput);
    fromAnswer.push(times.fromAnswer);
    const size = Number(await page.locator('.application-rows > [aria-setsize]').first().getAttribute('aria-setsize'));
    if (size < run.todayRows) throw new Error(`The applications list holds ${size} rows, not the ${run.todayRows} of today`);
  }
  const frameGaps = await scrollFrameGaps(page, run.scrollFrames);
  await page.keyboard.press('Alt+2');
  return { fromKey, fromAnswer, frameGaps };
}

async function measureSearchAndRegister(
  page: Page,
  run: UiRun,
  people: readonly SampledPerson[],
): Promise<{ search: number[]; register: number[] }> {
  const search: number[] = [];
  const register: number[] = [];
  const serviceCode = BENCH_SERVICES[1]?.code ?? 'RR-01';
  for (let i = 0; i < run.searches; i += 1) {
    const person = people[i % people.length];
    if (!person) throw new Error('The data set sampled no people to search for');
    const query = queryFor(person);
    await searchAllButLast(page, query);
    search.push((await timeInPage(page, 'search', uk['intake.searching'], () => page.keyboard.type(query.slice(-1)))).fromInput);
    if (i >= run.registrations) continue;
    await page.keyboard.press('Enter');
    await fillRestOfIntake(page, serviceCode);
    register.push((await timeInPage(page, 'register', uk['intake.searching'], () => page.keyboard.press('Control+Enter'))).fromInput);
    await page.getByRole('button', { name: uk['intake.done.next'] }).click();
  }
  return { search, register };
}

async function measurePaints(page: Page, run: UiRun): Promise<number[]> {
  const paints: number[] = [];
  for (let i = 0; i < run.paints; i += 1) {
    await page.reload();
    paints.push(await firstContentfulPaint(page));
    await signedInShell(page);
  }
  return paints;
}

export async function uiFigures(quick: boolean): Promise<Figure[]> {
  const run = quick ? QUICK : FULL;
  ensureBuiltApp();
  const size = rendererSize(join(root, 'dist', 'renderer'));
  const dataDir = mkdtempSync(join(tmpdir(), 'vikno-bench-ui-'));
  try {
    const store = buildStore(dataDir, run.applicants, SEED, Math.max(run.searches, 1));
    addTodaysApplications(store.file, run.todayRows);
    const host = await startBrowserHost(dataDir);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await watchAnswers(page);
      await signInFirstStart(page, host.url);
      const list = await measureList(page, run);
      const { search, register } = await measureSearchAndRegister(page, run, store.people);
      const paints = await measurePaints(page, run);
      const count = run.applicants.toLocaleString('en');
      const today = run.todayRows.toLocaleString('en');
      return [
        { name: `ui: keystroke → applicant results rendered p50 (${count} applicants)`, value: quantile(search, 0.5), unit: 'ms' },
        {
          name: `ui: keystroke → applicant results rendered p99 (goal ≤ 50 ms at 1,000,000 applicants; here ${count})`,
          value: quantile(search, 0.99),
          unit: 'ms',
        },
        { name: 'ui: Ctrl+Enter → registered panel with its number p50', value: quantile(register, 0.5), unit: 'ms' },
        { name: 'ui: Ctrl+Enter → registered panel with its number p99 (goal ≤ 150 ms)', value: quantile(register, 0.99), unit: 'ms' },
        { name: 'ui: reload → first contentful paint p99 (goal ≤ 500 ms)', value: quantile(paints, 0.99), unit: 'ms' },
        {
          name: `ui: Alt+5 → list of ${today} today's rows drawn p99 (end to end: read, flagged, sent, drawn)`,
          value: quantile(list.fromKey, 0.99),
          unit: 'ms',
        },
        {
          name: `ui: list of ${today} rows, answer in the page → rows drawn p99 (goal ≤ 100 ms)`,
          value: quantile(list.fromAnswer, 0.99),
          unit: 'ms',
        },
        {
          name: `ui: list of ${today} rows, frames within ${DROPPED_FRAME_MS} ms while scrolling (goal 100 %)`,
          value: (100 * list.frameGaps.filter((gap) => gap <= DROPPED_FRAME_MS).length) / list.frameGaps.length,
          unit: '%',
        },
        { name: 'ui: renderer JavaScript gzip, all chunks (goal ≤ 300 KB)', value: size.totalGzip / KB, unit: 'KB' },
        { name: 'ui: renderer JavaScript gzip, loaded before the first screen', value: size.initialGzip / KB, unit: 'KB' },
        { name: 'ui: renderer JavaScript chunks', value: size.chunks, unit: 'files' },
      ];
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
