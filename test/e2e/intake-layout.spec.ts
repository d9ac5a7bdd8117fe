import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { OUT, openConnected } from './page-helpers';

/** The smallest desk screen in the centers: a 1366×768 laptop. */
const VIEWPORT = { width: 1366, height: 768 };
/** How far a required mark may sit from the end of its label text (one space at most). */
const MARK_GAP_PX = 8;
/** An error message may take at most this many lines (plus a little for rounding). */
const ERROR_LINES = 3;

interface LayoutReport {
  cutControls: string[];
  detachedMarks: string[];
  narrowErrors: string[];
  tallErrors: string[];
  tooWide: string[];
  pageScrollWidth: number;
  stickyBarHeight: number;
  /** Field controls fully visible between the top of the content area and the sticky bar, before any scrolling. */
  visibleControls: number;
}

/**
 * Measures the intake form's boxes in the page. Text fit is measured twice: the browser's own
 * scrollWidth (the value) and the text's width drawn with the input's font (value or placeholder,
 * which scrollWidth does not cover) against the input's content box.
 */
function measure(page: Page): Promise<LayoutReport> {
  return page.evaluate(
    ({ markGap, errorLines }) => {
      const form = document.querySelector('form.intake-form');
      if (!form) throw new Error('no intake form on screen');
      const name = (element: Element) => element.id || element.getAttribute('aria-label') || element.className;
      const canvas = document.createElement('canvas').getContext('2d');
      if (!canvas) throw new Error('no canvas');

      const cutControls: string[] = [];
      for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input[type="text"], input:not([type]), textarea',
      )) {
        if (control.scrollWidth > control.clientWidth) cutControls.push(`${name(control)}: value scrolls`);
        const style = getComputedStyle(control);
        canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = control.value || control.placeholder;
        const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (control.tagName === 'INPUT' && canvas.measureText(text).width > room)
          cutControls.push(`${name(control)}: «${text}» needs ${Math.ceil(canvas.measureText(text).width)}px of ${room}px`);
      }

      const detachedMarks: string[] = [];
      // A required mark: an aria-hidden star beside a label (found by what it is, not by a class name).
      const marks = [...form.querySelectorAll<HTMLElement>('[aria-hidden="true"]')].filter(
        (element) => element.textContent?.trim() === '*',
      );
      for (const mark of marks) {
        const label = mark.parentElement?.querySelector('label');
        if (!label) {
          detachedMarks.push(`${mark.outerHTML}: no label`);
          continue;
        }
        const range = document.createRange();
        range.selectNodeContents(label);
        const lines = [...range.getClientRects()];
        const lastLine = lines[lines.length - 1];
        // The star itself, not the space before it.
        const starRange = document.createRange();
        const starText = mark.firstChild;
        if (!lastLine || !starText?.textContent) continue;
        starRange.setStart(starText, starText.textContent.indexOf('*'));
        starRange.setEnd(starText, starText.textContent.indexOf('*') + 1);
        const star = starRange.getBoundingClientRect();
        const sameLine = Math.abs(star.top + star.height / 2 - (lastLine.top + lastLine.height / 2)) < lastLine.height / 2;
        const gap = star.left - lastLine.right;
        if (!sameLine || gap < -1 || gap > markGap)
          detachedMarks.push(`${label.textContent}: star ${Math.round(gap)}px after the text, same line: ${sameLine}`);
      }

      const narrowErrors: string[] = [];
      const tallErrors: string[] = [];
      for (const error of form.querySelectorAll<HTMLElement>('p[id$="-error"]')) {
        const control = document.querySelector(`[aria-describedby~="${error.id}"]`);
        if (!control) continue;
        const box = error.getBoundingClientRect();
        const input = control.getBoundingClientRect();
        if (box.width + 1 < input.width)
          narrowErrors.push(`${error.id}: ${Math.round(box.width)}px under a ${Math.round(input.width)}px control`);
        const lineHeight = parseFloat(getComputedStyle(error).lineHeight);
        if (box.height > lineHeight * errorLines + 2)
          tallErrors.push(`${error.id}: ${Math.round(box.height / lineHeight)} lines («${error.textContent}»)`);
      }

      const tooWide: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>('body *')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1))
          tooWide.push(`${element.tagName.toLowerCase()}.${element.className}: ${Math.round(box.left)}…${Math.round(box.right)}`);
      }

      const bar = form.querySelector('.form-actions');
      const content = document.querySelector('main');
      if (!bar || !content) throw new Error('no sticky bar or content area');
      const top = content.getBoundingClientRect().top;
      const bottom = bar.getBoundingClientRect().top;
      const visibleControls = [...form.querySelectorAll('input, select, textarea')].filter((control) => {
        const box = control.getBoundingClientRect();
        return box.height > 0 && box.top >= top && box.bottom <= bottom;
      }).length;

      return {
        cutControls,
        detachedMarks,
        narrowErrors,
        tallErrors,
        tooWide,
        pageScrollWidth: document.documentElement.scrollWidth,
        stickyBarHeight: bar.getBoundingClientRect().height,
        visibleControls,
      };
    },
    { markGap: MARK_GAP_PX, errorLines: ERROR_LINES },
  );
}

async function expectNoOverflow(page: Page, name: string, testInfo: TestInfo): Promise<LayoutReport> {
  // The content area scrolls by itself: look at the top of the form, as a clerk first sees it.
  await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
  const path = `${OUT}/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  const report = await measure(page);
  // Soft: one run lists every kind of overflow, not only the first.
  expect.soft(report.cutControls, 'every placeholder and value fits its input').toEqual([]);
  expect.soft(report.detachedMarks, `each required mark within ${MARK_GAP_PX}px after its label text`).toEqual([]);
  expect.soft(report.narrowErrors, 'each error at least as wide as its control').toEqual([]);
  expect.soft(report.tallErrors, `each error at most ${ERROR_LINES} lines`).toEqual([]);
  expect.soft(report.tooWide, 'nothing wider than the window').toEqual([]);
  expect.soft(report.pageScrollWidth).toBeLessThanOrEqual(VIEWPORT.width);
  return report;
}

test('at 1366×768 the intake form with errors fits: placeholders, required marks, error messages', async ({ page, hostUrl }, testInfo) => {
  await openConnected(page, hostUrl);
  await page.setViewportSize(VIEWPORT);
  await page.keyboard.press('Alt+2');
  await page.getByRole('combobox', { name: 'Пошук заявника' }).fill('Коваленко Олена');
  await page.getByRole('button', { name: 'Новий заявник' }).click();
  await page.getByRole('checkbox', { name: 'Звертається представник' }).check();

  // Submitted empty: required fields, the service, the representative's authority.
  await page.getByRole('button', { name: 'Зареєструвати' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Щоб зареєструвати, виправте помилки' })).toBeVisible();
  await expect(page.getByLabel('Підстава повноважень')).toHaveAttribute('aria-invalid', 'true');
  const empty = await expectNoOverflow(page, 'intake-1366-empty', testInfo);
  // A slim sticky bar and a dense form: most of a section is in view at once, not five rows.
  expect.soft(empty.stickyBarHeight).toBeLessThanOrEqual(72);

  // A person with a mistyped РНОКПП (the longest message, the check digit's): it stays a short paragraph, not a column.
  await page.getByLabel('РНОКПП', { exact: true }).fill('1759013770');
  await page.getByLabel('РНОКПП', { exact: true }).blur();
  await expect(page.getByLabel('РНОКПП', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#intake-applicant-rnokpp-error')).toBeVisible();
  const person = await expectNoOverflow(page, 'intake-1366-person-errors', testInfo);
  expect.soft(person.visibleControls).toBeGreaterThanOrEqual(12);

  // A sole trader: the person's fields and the business's, with an expired ID card (the longest document message).
  await page.getByRole('radio', { name: 'ФОП' }).check();
  await page.getByLabel('Найменування ФОП').fill('Кав’ярня «Ранок»');
  await page.getByLabel('Серія та номер', { exact: true }).first().fill('123456789');
  await page.getByLabel('Дійсний до').first().fill('01.01.2020');
  await page.getByRole('button', { name: 'Зареєструвати' }).click();
  await expect(page.getByLabel('Дійсний до').first()).toHaveAttribute('aria-invalid', 'true');
  await expectNoOverflow(page, 'intake-1366-sole-trader-errors', testInfo);

  // A legal entity with a mistyped ЄДРПОУ (wrong check digit).
  await page.getByRole('radio', { name: 'Юридична особа' }).check();
  await page.getByLabel('Код ЄДРПОУ').fill('12345677');
  await page.getByRole('button', { name: 'Зареєструвати' }).click();
  await expect(page.getByLabel('Код ЄДРПОУ')).toHaveAttribute('aria-invalid', 'true');
  await expectNoOverflow(page, 'intake-1366-legal-errors', testInfo);
});
