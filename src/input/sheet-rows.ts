// What CSV and xlsx have in common once read into cells: the header found among the first rows,
// then the data rows, empty rows and the template's hint row left out and counted.
import type { ColumnMap } from './column-map.js';
import { message, type Message } from '../diagnostics/messages.js';
import type { InputRow } from '../batch/rows.js';
import { columnName, SheetError, type CellProblem } from '../batch/sheet.js';
import { findHeader, headerSearchRows, type HeaderFound } from './header.js';
import { InputError } from './errors.js';
import { clip, limits } from './limits.js';

/** One record of a sheet: its cells, or why they cannot be read. */
export interface SheetRecord {
  readonly row: number;
  readonly cells: readonly string[];
  /** A problem with the row as a whole (CSV syntax, a limit). */
  readonly problem?: Message;
  /** Problems with single cells (an xlsx error value, a date in a number column). */
  readonly problems?: readonly CellProblem[];
}

export type HeaderNote = HeaderFound['notes'][number];

export const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** The template's hint row: the row after the header, its first cell starting with 说明 or #. */
export const isHintRow = (row: number, cells: readonly string[], headerRow = 1) =>
  row === headerRow + 1 && /^\s*(说明|#)/.test(cells[0] ?? '');

/** A header without the empty cells Excel leaves after the last column; each name within limits.headerCellChars. */
export function headerOf(record: SheetRecord, cells: readonly string[] = record.cells): string[] {
  const unreadable = (en: string, zh: string) =>
    new SheetError({ code: 'header.unreadable', en: `row ${record.row}, the header, cannot be read: ${en}`, zh: `第 ${record.row} 行（表头）无法读取：${zh}` });
  if (record.problem) throw unreadable(record.problem.text.en, record.problem.text.zh);
  const [cell] = record.problems ?? [];
  if (cell) throw unreadable(`${cell.column}: ${cell.message}`, `${cell.column}：${cell.zh ?? cell.message}`);
  const header = [...cells];
  while (header.length > 0 && header.at(-1)!.trim() === '') header.pop();
  if (header.length === 0) {
    throw new SheetError({
      code: 'header.empty',
      en: `row ${record.row} is empty: the first row must be the header, naming the column of each record field`,
      zh: `第 ${record.row} 行是空的：第一行应是表头，写明每列所填的记录字段`,
    });
  }
  const long = header.findIndex((cell) => cell.length > limits.headerCellChars);
  if (long !== -1) {
    const max = limits.headerCellChars;
    throw new InputError(
      `row ${record.row}, the header, column ${columnName(long + 1)} ("${clip(header[long]!)}") is longer than ${max} characters (limit headerCellChars): a header names a column`,
      `第 ${record.row} 行（表头）${columnName(long + 1)} 列（“${clip(header[long]!)}”）超过 ${max} 个字符（上限 headerCellChars）：表头应为列名`,
      'INPUT_LIMIT',
    );
  }
  return header;
}

/** The header of a sheet, found among its first records; the records read past it are handed back. */
export async function sheetHeader(
  records: AsyncIterator<SheetRecord>,
  map?: ColumnMap,
): Promise<{ header: string[]; row: number; notes: readonly HeaderNote[]; rest: SheetRecord[] } | undefined> {
  const first: SheetRecord[] = [];
  while (first.length < headerSearchRows) {
    const next = await records.next();
    if (next.done) break;
    first.push(next.value);
  }
  if (first.length === 0) return undefined;
  // Rows as the sheet numbers them, from row 1; rows missing from the records (an xlsx leaves empty ones out) are empty.
  const grid: string[][] = [];
  for (const record of first) if (record.row <= headerSearchRows) grid[record.row - 1] = [...record.cells];
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const found = findHeader(grid, map ? { map } : {});
  const row = found.row;
  const headerRecord = first.find((r) => r.row === row) ?? { row, cells: [] };
  const header = headerOf(headerRecord, found.header);
  return { header, row, notes: found.notes, rest: first.filter((r) => r.row > row) };
}

/** The data rows of a sheet as batch rows: empty rows and the hint row left out and counted. */
export async function* dataRows(
  records: AsyncIterable<SheetRecord>,
  counts: { emptyRows: number },
  headerRow: number,
  csv: boolean,
): AsyncGenerator<InputRow> {
  for await (const record of records) {
    if (record.problem) {
      yield { row: record.row, problem: csv ? message('row.not-csv', { detail: record.problem.text.en, detailZh: record.problem.text.zh }) : record.problem };
      continue;
    }
    if (!record.problems?.length && isBlank(record.cells)) {
      counts.emptyRows++;
      continue;
    }
    if (isHintRow(record.row, record.cells, headerRow)) continue;
    yield record.problems?.length
      ? { row: record.row, cells: record.cells, problems: record.problems }
      : { row: record.row, cells: record.cells };
  }
}
