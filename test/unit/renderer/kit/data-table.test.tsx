// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../../renderer/src/kit/DataTable';
import type { Column } from '../../../../renderer/src/kit/DataTable';
import '../dom-setup';

interface Day {
  day: string;
  name: string;
}

const COLUMNS: Column<Day>[] = [
  { key: 'day', header: 'Дата', rowHeader: true, cell: (d) => d.day },
  { key: 'name', header: 'Назва', cell: (d) => d.name },
  { key: 'actions', header: 'Дії', headerHidden: true, cell: (d) => <button type="button">Видалити {d.day}</button> },
];

describe('DataTable', () => {
  it('is named by its caption, with column headers and a row header per record', () => {
    render(
      <DataTable<Day>
        caption={{ text: 'Налаштовані дні' }}
        columns={COLUMNS}
        rows={[{ day: '25.12', name: 'Різдво' }]}
        rowKey={(d) => d.day}
        empty="Немає днів"
      />,
    );
    const table = screen.getByRole('table', { name: 'Налаштовані дні' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Дата', 'Назва', 'Дії']);
    const row = within(table).getByRole('row', { name: /25\.12/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('25.12');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Різдво', 'Видалити 25.12']);
  });

  it('can be named by a heading elsewhere', () => {
    render(
      <>
        <h3 id="days-title">Дні 2026 року</h3>
        <DataTable<Day>
          caption={{ labelledBy: 'days-title' }}
          columns={COLUMNS}
          rows={[{ day: '01.01', name: '' }]}
          rowKey={(d) => d.day}
          empty="Немає днів"
        />
      </>,
    );
    expect(screen.getByRole('table', { name: 'Дні 2026 року' })).toBeTruthy();
  });

  it('says it is empty instead of showing bare headers', () => {
    render(
      <DataTable<Day>
        caption={{ text: 'Налаштовані дні' }}
        columns={COLUMNS}
        rows={[]}
        rowKey={(d) => d.day}
        empty="У 2026 році днів не налаштовано."
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('У 2026 році днів не налаштовано.')).toBeTruthy();
  });
});
