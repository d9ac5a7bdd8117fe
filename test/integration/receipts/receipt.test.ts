/**
 * The receipt PDF read back the way a person or another program would: text through poppler's
 * pdftotext (proves the embedded subset font maps back to Unicode, apostrophes included), the QR
 * code decoded from a raster of the page, and page 1 saved as a PNG to look at.
 * Needs Debian's poppler-utils (pdftotext, pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { renderReceipt } from '../../../main/backend/receipts/receipt-pdf';
import type { ReceiptData } from '../../../main/backend/receipts/receipt-pdf';
import type { ReceiptLang } from '../../../main/backend/receipts/receipt-text';
import { deadlineWording } from '../../../shared/domain/deadline-wording';
import { repoRoot } from '../../helpers/built-app';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const fontDir = join(repoRoot, 'main', 'backend', 'receipts', 'fonts');
const MM = 72 / 25.4;

const idCard: ReceiptData = {
  center: { name: 'Центр надання адміністративних послуг Подільської районної в місті Києві державної адміністрації', code: 'ЦНАП-0815' },
  window: '3',
  clerkName: 'Петренко Олена Василівна',
  regNumber: 'VK-2026-000123',
  registeredAt: '2026-03-05T08:42:00Z',
  registeredOn: '2026-03-05',
  applicant: { displayName: 'Шевченко Марʼяна Іванівна', taxId: { kind: 'rnokpp', value: '1759013776' } },
  representative: { name: 'Коваль Петро Іванович', poaNumber: '125/2026', poaDate: '2026-02-01' },
  service: { name: 'Оформлення паспорта громадянина України у формі ID-картки', provider: 'Державна міграційна служба України' },
  items: [
    { name: 'Заява-анкета для оформлення паспорта громадянина України у формі ID-картки', original: true, sheets: 1 },
    { name: 'Свідоцтво про народження Шевченко Марʼяни Іванівни (Єдиний державний демографічний реєстр)', original: false, sheets: 2 },
    { name: 'Пам’ятка про обробку персональних даних, підписана її законним представником', original: true, sheets: 1 },
    { name: 'Довідка про присвоєння РНОКПП, видана Ґалаґан Олегом', original: false, sheets: 3 },
  ],
  dueDate: '2026-04-02',
  term: 'не пізніше 20 робочих днів з дня подання',
  resultDelivery: 'in_person',
};

async function renderToFile(data: ReceiptData, lang: ReceiptLang): Promise<string> {
  const file = join(tempDir(), `receipt-${lang}.pdf`);
  writeFileSync(file, await renderReceipt(data, lang, { fontDir }));
  return file;
}

/** The text in drawing order with runs of whitespace as one space, so wrapped lines read on. */
function textOf(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Every word's right edge and page width, from pdftotext's bounding-box output. */
function wordBoxes(pdf: string): { pageWidth: number; words: { text: string; xMax: number }[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  const words = [...html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMax: Number(m[1]),
    text: m[2] ?? '',
  }));
  return { pageWidth, words };
}

/** Page 1 as a grey raster (PGM from pdftoppm), decoded with jsQR. */
function decodeQr(pdf: string): string | undefined {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '150', '-f', '1', '-l', '1', pdf], { maxBuffer: 64 << 20 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const v = grey[i] ?? 255;
    rgba.set([v, v, v, 255], i * 4);
  }
  return jsQR(rgba, width, height)?.data;
}

function screenshot(pdf: string, name: string): void {
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, name)]);
}

describe('renderReceipt', () => {
  it('writes the Ukrainian receipt with every detail readable back as text', async () => {
    const pdf = await renderToFile(idCard, 'uk');
    const text = textOf(pdf);
    expect(text).toContain('Опис вхідного пакета документів');
    expect(text).toContain('№ VK-2026-000123 від 05.03.2026');
    expect(text).toContain('Шевченко Марʼяна Іванівна');
    expect(text).toContain('Коваль Петро Іванович, довіреність № 125/2026 від 01.02.2026');
    expect(text).toContain('Оформлення паспорта громадянина України у формі ID-картки');
    expect(text).toContain('Державна міграційна служба України');
    expect(text).toContain('Очікувана дата отримання результату 02.04.2026');
    expect(text).toContain('Дата і час реєстрації 05.03.2026 10:42');
    expect(text).toContain('Спосіб отримання результату особисто в ЦНАП');
    idCard.items.forEach((item, i) => {
      expect(text).toContain(`${i + 1}. ${item.name} ${item.original ? 'оригінал' : 'копія'} ${item.sheets}`);
    });
    expect(text).toContain('Усього документів: 4; усього аркушів: 7');
    expect(text).toContain('Петренко Олена Василівна');
    // Only the last 4 digits of the РНОКПП are printed.
    expect(text).toContain('РНОКПП ******3776');
    expect(text).not.toContain('1759013776');
    expect(pageCount(pdf)).toBe(1);
    screenshot(pdf, 'receipt-uk');
  });

  it('writes the English receipt, the data staying as entered', async () => {
    const data: ReceiptData = {
      ...idCard,
      service: { name: 'Issuing a passport of a citizen of Ukraine as an ID card', provider: 'State Migration Service of Ukraine' },
      applicant: { displayName: idCard.applicant.displayName, taxId: { kind: 'edrpou', value: '32855961' } },
      resultDelivery: 'post',
    };
    const pdf = await renderToFile(data, 'en');
    const text = textOf(pdf);
    expect(text).toContain('Receipt: list of documents received');
    expect(text).toContain('No. VK-2026-000123 of 05.03.2026');
    expect(text).toContain('Applicant Шевченко Марʼяна Іванівна');
    expect(text).toContain('EDRPOU code ****5961');
    expect(text).toContain('Коваль Петро Іванович, power of attorney No. 125/2026 of 01.02.2026');
    expect(text).toContain('Expected result date 02.04.2026');
    expect(text).toContain('Result delivery by post');
    data.items.forEach((item, i) => {
      expect(text).toContain(`${i + 1}. ${item.name} ${item.original ? 'original' : 'copy'} ${item.sheets}`);
    });
    expect(text).toContain('Documents: 4; total sheets: 7');
    expect(pageCount(pdf)).toBe(1);
    screenshot(pdf, 'receipt-en');
  });

  it('prints a representative’s basis in words, the person concerned, the document’s validity, and what the applicant insisted on', async () => {
    const birth: ReceiptData = {
      ...idCard,
      service: { name: 'Державна реєстрація народження', provider: 'Відділ ДРАЦС' },
      applicant: { displayName: 'Шевченко Марʼяна Іванівна', idDoc: { type: 'id_card', validUntil: '2031-05-06' } },
      representative: {
        name: 'Шевченко Марʼяна Іванівна',
        authority: {
          basis: 'legal_representative',
          legalDocument: 'birth_certificate',
          documentNumber: 'I-КИ 123456',
          mayReceiveResult: true,
        },
      },
      subject: { displayName: 'Шевченко Богдан Тарасович' },
      insisted: { reason: 'Довідку донесе завтра', missing: ['Медичне свідоцтво про народження'] },
    };
    const uk = textOf(await renderToFile(birth, 'uk'));
    expect(uk).toContain(
      'Шевченко Марʼяна Іванівна, законний представник: свідоцтво про народження № I-КИ 123456; має право отримати результат',
    );
    expect(uk).toContain('Особа, щодо якої звернення Шевченко Богдан Тарасович');
    expect(uk).toContain('паспорт громадянина України (ID-картка), дійсний до 06.05.2031');
    expect(uk).toContain('Не подано обов’язкових документів Медичне свідоцтво про народження');
    expect(uk).toContain('Заявник наполягає на реєстрації: Довідку донесе завтра');
    const en = textOf(
      await renderToFile(
        {
          ...birth,
          representative: { name: 'Коваль Петро', authority: { basis: 'company_head', registryChecked: true, mayReceiveResult: false } },
        },
        'en',
      ),
    );
    expect(en).toContain('Коваль Петро, head of the legal entity acting under its statute (checked in the state register)');
    expect(en).toContain('Person concerned Шевченко Богдан Тарасович');
    expect(en).toContain('The applicant insists on registration: Довідку донесе завтра');
  });

  it('a term from a later event or an earliest date is printed as the law words it, never as a false date', async () => {
    const property: ReceiptData = {
      ...idCard,
      dueDate: null,
      term: deadlineWording({ value: 5, unit: 'working_days', kind: 'not_after', anchor: 'register_entry' }, 'uk'),
    };
    const uk = textOf(await renderToFile(property, 'uk'));
    expect(uk).toContain('Строк надання послуги не пізніше 5 робочих днів з дня реєстрації заяви в Державному реєстрі речових прав');
    expect(uk).not.toContain('Очікувана дата отримання результату');
    const marriage: ReceiptData = {
      ...idCard,
      dueDate: null,
      term: deadlineWording({ value: 1, unit: 'months', kind: 'not_before', anchor: 'intake' }, 'en'),
    };
    const en = textOf(await renderToFile(marriage, 'en'));
    expect(en).toContain('Term of the service not earlier than 1 month from submission');
    expect(en).not.toContain('Expected result date');
  });

  it('encodes the registration number in a QR code that a decoder reads from the printed page', async () => {
    expect(decodeQr(await renderToFile(idCard, 'uk'))).toBe('VK-2026-000123');
  });

  it('wraps a long document name inside the right margin', async () => {
    const words = Array.from({ length: 30 }, (_, i) => `документ${String(i).padStart(2, '0')}`);
    const longName = words.join(' ');
    expect(longName.length).toBeGreaterThanOrEqual(300);
    const unbroken = 'Ї'.repeat(120);
    const pdf = await renderToFile(
      {
        ...idCard,
        items: [
          { name: longName, original: true, sheets: 4 },
          { name: unbroken, original: false, sheets: 1 },
        ],
      },
      'uk',
    );
    const { pageWidth, words: boxes } = wordBoxes(pdf);
    const limit = pageWidth - 15 * MM;
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box.xMax, box.text).toBeLessThanOrEqual(limit + 0.5);
    expect(textOf(pdf)).toContain(`1. ${longName} оригінал 4`);
    // A word wider than the column is cut across lines, every letter kept.
    expect(textOf(pdf).replace(/[^Ї]/g, '')).toBe(unbroken);
  });

  it('runs 60 lines over several pages, repeating the table header and numbering the pages', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      name: `Копія сторінки паспорта з відміткою № ${i + 1}`,
      original: false,
      sheets: (i % 3) + 1,
    }));
    const pdf = await renderToFile({ ...idCard, items }, 'uk');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = textOf(pdf);
    expect(text.split('Найменування документа').length - 1).toBe(pages);
    expect(text).toContain(`Сторінка ${pages} з ${pages}`);
    expect(text).toContain('Опис вхідного пакета документів № VK-2026-000123 (продовження)');
    items.forEach((item, i) => expect(text).toContain(`${i + 1}. ${item.name} копія ${item.sheets}`));
    expect(text).toContain(`усього аркушів: ${items.reduce((sum, item) => sum + item.sheets, 0)}`);
  });

  it('renders the same receipt to the same bytes, dated by its registration', async () => {
    const [a, b] = await Promise.all([renderReceipt(idCard, 'uk', { fontDir }), renderReceipt(idCard, 'uk', { fontDir })]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const pdf = await renderToFile(idCard, 'uk');
    const info = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Producer:\s+Vikno$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-03-05T08:42:00Z$/m);
    // Subsetting keeps the two fonts (1.4 MB as files) small.
    expect(readFileSync(pdf).length).toBeLessThan(80_000);
  });
});
