// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import '../dom-setup';
import { fake } from './with-fake';
import { fakePage } from './fake-documents';
import { IMPORT_CHUNK_BYTES } from '../../../../shared/documents';
import type { PageView } from '../../../../shared/documents';
import { PageSetPanel } from '../../../../renderer/src/features/documents/PageSetPanel';
import { loadScanners, openSet, useDocumentsStore } from '../../../../renderer/src/features/documents/documents-store';

const OWNER = { kind: 'intake', lineKey: 'line-1' } as const;

async function panelWith(pages: PageView[]): Promise<string> {
  fake.addSet(OWNER, 'Паспорт', pages);
  await loadScanners();
  const opened = await openSet(OWNER, 'Паспорт');
  if (!opened.ok) throw new Error('the set did not open');
  render(<PageSetPanel setId={opened.value.id} />);
  return opened.value.id;
}

/** The thumbnails' pictures in the order shown, by the page each shows (the fake's thumbnail is its page id). */
async function shownOrder(): Promise<string[]> {
  const list = screen.getByRole('list', { name: 'Сторінки: Паспорт' });
  await waitFor(() =>
    expect(
      within(list)
        .queryAllByRole('img')
        .every((img) => img.tagName === 'IMG'),
    ).toBe(true),
  );
  return within(list)
    .getAllByRole('img')
    .map((img) => atob((img as HTMLImageElement).src.split(',')[1] ?? ''));
}

const lastCall = (method: string) => fake.calls.filter(([m]) => m === method).at(-1)?.[1];

beforeEach(() => {
  fake.reset();
  useDocumentsStore.setState({ sets: {}, scanners: null, scannersError: null, inbox: [] });
});

describe('the page-set panel', () => {
  it('shows each page as a thumbnail named "Сторінка N" and reorders by keyboard (arrows select, Alt+← moves)', async () => {
    const user = userEvent.setup();
    const [a, b, c] = [fakePage(), fakePage(), fakePage()];
    await panelWith([a!, b!, c!]);
    expect(await shownOrder()).toEqual([a!.id, b!.id, c!.id]);
    expect(screen.getByAltText('Сторінка 1')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^Сторінка 1 з 3/ }));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Сторінка 3 з 3/);
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(async () => expect(await shownOrder()).toEqual([a!.id, c!.id, b!.id]));
    expect(lastCall('documents.movePage')).toEqual({ pageId: c!.id, position: 2 });
    // Focus follows the page it moved, so a second Alt+← moves it again.
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(async () => expect(await shownOrder()).toEqual([c!.id, a!.id, b!.id]));
    // The first page cannot go earlier: nothing is sent.
    const moves = fake.calls.filter(([m]) => m === 'documents.movePage').length;
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(fake.calls.filter(([m]) => m === 'documents.movePage').length).toBe(moves);
    await user.click(screen.getByRole('button', { name: 'Пізніше: сторінка 1' }));
    await waitFor(async () => expect(await shownOrder()).toEqual([a!.id, c!.id, b!.id]));
  });

  it('rotates the selected page with R, a quarter turn further each time', async () => {
    const user = userEvent.setup();
    const page = fakePage();
    await panelWith([page]);
    await user.click(screen.getByRole('button', { name: /^Сторінка 1 з 1/ }));
    await user.keyboard('r');
    await waitFor(() => expect(lastCall('documents.rotatePage')).toEqual({ pageId: page.id, rotation: 90 }));
    await user.keyboard('R');
    await waitFor(() => expect(lastCall('documents.rotatePage')).toEqual({ pageId: page.id, rotation: 180 }));
  });

  it('asks before Delete takes a page, and "Залишити" keeps it', async () => {
    const user = userEvent.setup();
    const [a, b] = [fakePage(), fakePage()];
    await panelWith([a!, b!]);
    await user.click(screen.getByRole('button', { name: /^Сторінка 2 з 2/ }));
    await user.keyboard('{Delete}');
    const question = screen.getByRole('group', { name: 'Видалити сторінку 2? Відновити її не можна.' });
    expect(fake.calls.some(([m]) => m === 'documents.deletePage')).toBe(false);
    await user.click(within(question).getByRole('button', { name: 'Залишити' }));
    expect(fake.calls.some(([m]) => m === 'documents.deletePage')).toBe(false);

    await user.click(screen.getByRole('button', { name: /^Сторінка 2 з 2/ }));
    await user.keyboard('{Delete}');
    expect(document.activeElement?.textContent).toBe('Так, видалити');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await shownOrder()).toEqual([a!.id]));
    expect(lastCall('documents.deletePage')).toEqual({ pageId: b!.id });
  });

  it('scans with the desk defaults, counts pages from progress events in a live region, and cancels with Esc keeping the pages', async () => {
    const user = userEvent.setup();
    const setId = await panelWith([]);
    expect((screen.getByLabelText('Джерело') as HTMLSelectElement).value).toBe('feeder');
    expect((screen.getByLabelText('Роздільність, dpi') as HTMLSelectElement).value).toBe('300');
    await user.click(screen.getByRole('button', { name: 'Сканувати' }));
    await waitFor(() => expect(lastCall('documents.scan')).toEqual({ setId, settings: { source: 'feeder', mode: 'gray', dpi: 300 } }));
    const scanId = useDocumentsStore.getState().sets[setId]!.scan!.scanId!;
    expect(scanId).toBeTruthy();

    act(() => void fake.scanPage(setId, scanId));
    act(() => void fake.scanPage(setId, scanId));
    const progress = await screen.findByText('Скановано сторінок: 2');
    expect(progress.getAttribute('role')).toBe('status');
    await waitFor(() => expect(screen.getAllByAltText(/^Сторінка \d$/)).toHaveLength(2));
    // While scanning the pages wait: no reorder under the scanner's feet.
    expect(screen.getByRole('button', { name: 'Видалити: сторінка 1' })).toHaveProperty('disabled', true);

    expect(document.activeElement?.textContent).toBe('Скасувати сканування (Esc)');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(lastCall('documents.cancelScan')).toEqual({ scanId }));
    act(() => fake.scanEnd(setId, scanId, 'cancelled', { kind: 'cancelled', detail: '' }));
    expect(await screen.findByText('Сканування зупинено. Збережено сторінок: 2.')).toBeTruthy();
    expect(screen.getAllByAltText(/^Сторінка \d$/)).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Сканувати' })).toHaveProperty('disabled', false);
  });

  it('re-scans one page in place with the same settings', async () => {
    const user = userEvent.setup();
    const [a, b] = [fakePage(), fakePage()];
    const setId = await panelWith([a!, b!]);
    await user.selectOptions(screen.getByLabelText('Джерело'), 'flatbed');
    await user.click(screen.getByRole('button', { name: 'Пересканувати: сторінка 2' }));
    await waitFor(() =>
      expect(lastCall('documents.scan')).toEqual({ setId, settings: { source: 'flatbed', mode: 'gray', dpi: 300 }, replacePageId: b!.id }),
    );
  });

  const SCAN_PROBLEMS = [
    ['no_scanner', 'Сканер не налаштовано на цьому робочому місці. Зверніться до адміністратора (ІТ).'],
    ['not_found', 'Сканер не знайдено. Перевірте, чи він увімкнений і чи під’єднано кабель; якщо не допомогло — зверніться до ІТ.'],
    ['busy', 'Сканер зайнятий іншою роботою. Зачекайте, доки він звільниться, і спробуйте знову.'],
    ['feeder_empty', 'В автоподавачі немає аркушів. Покладіть аркуші в автоподавач і натисніть «Сканувати».'],
    ['cover_open', 'Кришку сканера відкрито. Закрийте кришку й спробуйте знову.'],
    ['jammed', 'Папір застряг. Обережно вийміть аркуш, покладіть його знову й повторіть сканування.'],
    ['io', 'Зв’язок зі сканером перервався. Перевірте кабель і спробуйте знову; якщо повторюється — зверніться до ІТ.'],
    ['failed', 'Сканер повідомив про помилку. Спробуйте ще раз; якщо повторюється — зверніться до ІТ.'],
  ] as const;

  it.each(SCAN_PROBLEMS)('a scan that cannot start (%s) says what to do', async (kind, sentence) => {
    const user = userEvent.setup();
    await panelWith([]);
    fake.answer('documents.scan', () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: kind, details: { issues: [{ path: ['scanner'], message: kind }] } },
    }));
    await user.click(screen.getByRole('button', { name: 'Сканувати' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(sentence);
    expect(screen.queryByText(/Скановано сторінок/)).toBeNull();
  });

  it('a scan that ends on a problem (feeder empty) keeps its pages and says what to do', async () => {
    const user = userEvent.setup();
    const setId = await panelWith([]);
    await user.click(screen.getByRole('button', { name: 'Сканувати' }));
    await waitFor(() => expect(useDocumentsStore.getState().sets[setId]?.scan?.scanId).toBeTruthy());
    const scanId = useDocumentsStore.getState().sets[setId]!.scan!.scanId!;
    act(() => void fake.scanPage(setId, scanId));
    act(() => fake.scanEnd(setId, scanId, 'failed', { kind: 'feeder_empty', detail: 'scanimage: out of documents' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Покладіть аркуші в автоподавач');
    expect(screen.getByText('Сканування зупинено. Збережено сторінок: 1.')).toBeTruthy();
    expect(screen.getAllByAltText(/^Сторінка \d$/)).toHaveLength(1);
  });

  const REFUSALS = [
    ['empty', 'Файл порожній. Попросіть надіслати файл ще раз.'],
    ['unsupported_type', 'Такий файл додати не можна. Підходять PDF, JPEG, PNG і TIFF.'],
    ['type_mismatch', 'Вміст файлу не відповідає його розширенню.'],
    ['corrupt', 'Файл пошкоджений і не відкривається.'],
    ['encrypted', 'PDF захищений паролем. Попросіть заявника надати незахищену копію.'],
    ['file_too_large', 'Файл завеликий. Відскануйте документ із меншою роздільністю або розділіть його на частини.'],
    ['document_too_large', 'Документ перевищує дозволений розмір.'],
  ] as const;

  it.each(REFUSALS)('an import refused as %s names the file and says what to do', async (refusal, sentence) => {
    const user = userEvent.setup();
    await panelWith([]);
    fake.answer('documents.importEnd', () => ({
      ok: false,
      error: { code: 'VALIDATION', message: refusal, details: { issues: [{ path: ['file'], message: refusal }] } },
    }));
    await user.upload(screen.getByLabelText('Додати файл'), new File(['%PDF-1.7'], 'довідка.pdf', { type: 'application/pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Файл «довідка.pdf» не додано.');
    expect(alert.textContent).toContain(sentence);
    expect(screen.queryAllByAltText(/^Сторінка \d$/)).toHaveLength(0);
  });

  it('sends a picked file in IMPORT_CHUNK_BYTES chunks, marked as a Дія copy when ticked', async () => {
    const user = userEvent.setup();
    const setId = await panelWith([]);
    await user.click(screen.getByLabelText('Копія з Дія'));
    const size = IMPORT_CHUNK_BYTES * 2 + 10;
    await user.upload(
      screen.getByLabelText('Додати файл'),
      new File([new Uint8Array(size).fill(7)], 'diia.pdf', { type: 'application/pdf' }),
    );
    await waitFor(() => expect(screen.getAllByAltText(/^Сторінка \d$/)).toHaveLength(1));
    expect(lastCall('documents.importBegin')).toEqual({ setId, name: 'diia.pdf', size, source: 'diia' });
    const chunks = fake.calls
      .filter(([m]) => m === 'documents.importChunk')
      .map(([, input]) => input as { offset: number; base64: string });
    expect(chunks.map((c) => c.offset)).toEqual([0, IMPORT_CHUNK_BYTES, IMPORT_CHUNK_BYTES * 2]);
    expect(chunks.map((c) => atob(c.base64).length)).toEqual([IMPORT_CHUNK_BYTES, IMPORT_CHUNK_BYTES, 10]);
    expect(screen.getByRole('button', { name: /^Сторінка 1 з 1, копія з Дія/ })).toBeTruthy();
  });

  it('takes files dropped on the panel', async () => {
    const setId = await panelWith([]);
    const files = [new File(['a'], 'скан.jpg', { type: 'image/jpeg' }), new File(['b'], 'скан.png', { type: 'image/png' })];
    const panel = screen.getByRole('region', { name: 'Паспорт' });
    act(() => {
      panel.dispatchEvent(Object.assign(new Event('drop', { bubbles: true }), { dataTransfer: { files } }));
    });
    await waitFor(() => expect(screen.getAllByAltText(/^Сторінка \d$/)).toHaveLength(2));
    expect(fake.calls.filter(([m]) => m === 'documents.importBegin').map(([, i]) => i)).toEqual([
      { setId, name: 'скан.jpg', size: 1, source: 'file' },
      { setId, name: 'скан.png', size: 1, source: 'file' },
    ]);
  });

  it.each([
    [7_900_000, '7,5 МБ з 9,5 МБ', false],
    [8_100_000, '7,7 МБ з 9,5 МБ', true],
  ])('shows %d bytes against the 10 000 000-byte budget (%s), warning only above 80 %%', async (bytes, text, warned) => {
    await panelWith([fakePage('scanner', bytes)]);
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Розмір документа' }).getAttribute('value')).toBe(String(bytes));
    expect(screen.queryByText(/понад 80 %/) !== null).toBe(warned);
  });

  it('says why Scan waits when the desk could not tell which scanners it has', async () => {
    fake.answer('documents.scanners', () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'backend restarting' } }));
    await panelWith([]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Сканер недоступний');
    expect(screen.getByRole('button', { name: 'Сканувати' })).toHaveProperty('disabled', true);
  });

  it('with the scanner missing says so and still imports', async () => {
    const user = userEvent.setup();
    fake.scanners = { ...fake.scanners, state: 'unavailable', problem: { kind: 'not_found', detail: 'no device' } };
    await panelWith([]);
    expect(screen.getByText('Сканер недоступний')).toBeTruthy();
    expect(screen.getByText(/Сканер не знайдено\. Перевірте/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сканувати' })).toHaveProperty('disabled', true);
    await user.upload(screen.getByLabelText('Додати файл'), new File(['x'], 'a.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getAllByAltText(/^Сторінка \d$/)).toHaveLength(1));
  });
});
