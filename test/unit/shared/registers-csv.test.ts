import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, EXCEL_CSV, OPEN_DATA_CSV, Period, toCsv } from '../../../shared/registers';
import { parseCsv } from '../../helpers/csv-parse';

/** Text with everything that needs quoting: separators of both dialects, quotes, line breaks, Cyrillic. */
const cell = fc.string({ unit: fc.constantFrom('a', 'Ї', 'ʼ', ';', ',', '"', '\r', '\n', ' ', '1', '«', '»'), maxLength: 12 });
const table = fc
  .integer({ min: 1, max: 5 })
  .chain((width) =>
    fc.tuple(
      fc.array(cell, { minLength: width, maxLength: width }),
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
    ),
  );

describe('the CSV writer', () => {
  it('reads back to the same cells in either dialect, however the cells are made', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(EXCEL_CSV, OPEN_DATA_CSV), ([header, rows], dialect) => {
        const text = toCsv(dialect, header, rows);
        expect(text.startsWith(BOM)).toBe(dialect.bom);
        expect(parseCsv(dialect.bom ? text.slice(BOM.length) : text, dialect.separator)).toEqual([header, ...rows]);
      }),
    );
  });

  it('quotes a field only when it holds the separator, a quote or a line break, doubling the quotes', () => {
    expect(csvField('ТОВ "Сад; город"', ';')).toBe('"ТОВ ""Сад; город"""');
    expect(csvField('Київ, вул. Хрещатик', ';')).toBe('Київ, вул. Хрещатик');
    expect(csvField('Київ, вул. Хрещатик', ',')).toBe('"Київ, вул. Хрещатик"');
    expect(csvField('рядок\nдругий', ',')).toBe('"рядок\nдругий"');
    expect(csvField('Марʼяна', ';')).toBe('Марʼяна');
  });

  it('ends every row with CRLF and puts the BOM first for Excel only', () => {
    expect(toCsv(EXCEL_CSV, ['a', 'b'], [['1', '2']])).toBe('\uFEFFa;b\r\n1;2\r\n');
    expect(toCsv(OPEN_DATA_CSV, ['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});

describe('a register’s period', () => {
  it('takes a day, or a year at most, and refuses one that ends before it starts', () => {
    expect(Period.safeParse({ from: '2026-12-01', to: '2026-12-01' }).success).toBe(true);
    expect(Period.safeParse({ from: '2025-12-02', to: '2026-12-02' }).success).toBe(true);
    expect(Period.safeParse({ from: '2025-12-01', to: '2026-12-02' }).success).toBe(false);
    expect(Period.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success).toBe(false);
    expect(Period.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });
});
