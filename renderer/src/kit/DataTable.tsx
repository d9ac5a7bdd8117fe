import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  /** Read to a screen reader but not shown (e.g. the actions column). */
  headerHidden?: boolean;
  /** This column names the row: its cells are row headers. */
  rowHeader?: boolean;
  className?: string;
  cell(row: Row, index: number): ReactNode;
}

export interface DataTableProps<Row> {
  /** A visible caption, or the id of a heading that names the table. */
  caption: { text: string } | { labelledBy: string };
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowClassName?: ((row: Row) => string | undefined) | undefined;
  /** What is said instead of an empty table. */
  empty: string;
  className?: string | undefined;
}

/** A table of records with real header cells; with no rows it says so instead of showing empty headers. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowClassName, empty, className }: DataTableProps<Row>) {
  if (rows.length === 0) return <p className="kit-table-empty">{empty}</p>;
  return (
    <table
      className={['kit-table', className].filter(Boolean).join(' ')}
      aria-labelledby={'labelledBy' in caption ? caption.labelledBy : undefined}
    >
      {'text' in caption && <caption className="kit-table-caption">{caption.text}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.className}>
              {column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.key} scope="row" className={column.className}>
                  {column.cell(row, index)}
                </th>
              ) : (
                <td key={column.key} className={column.className}>
                  {column.cell(row, index)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
