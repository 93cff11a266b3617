// Reading a batch's input (Node only): NDJSON, CSV (UTF-8 or GBK), .xlsx workbooks, and YAML or
// JSON files holding a list of records, each turned into numbered rows for `evaluateRows`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { importOptional } from '../optional.js';
import { RecordError } from '../diagnostic.js';
import { parseRecord } from '../record/parse.js';
import { parseYamlSource } from '../yaml-source.js';
import type { InputRow } from './rows.js';
import { columnName, sheetColumns, SheetError, type CellProblem, type Column } from './sheet.js';

/**
 * The formats a batch reads:
 * - `ndjson`: one JSON record per line (`.ndjson`, `.jsonl`), numbered by line; blank lines are
 *   not rows.
 * - `csv`: a header row, then one facility per row (`.csv`), in UTF-8 (with or without a BOM) or
 *   GBK/GB18030, what Excel on Chinese Windows writes when saving as "CSV".
 * - `xlsx`: an Excel or WPS workbook (`.xlsx`, `.xlsm`): the first worksheet whose first row is a
 *   header naming record fields, one facility per row.
 * - `records`: a YAML or JSON file (`.yaml`, `.yml`, `.json`) holding a list of records (or one
 *   record); each element is a row, numbered from 1.
 *
 * Sheet rows (CSV and xlsx) are numbered as the spreadsheet numbers them, the header being row 1.
 * A row whose cells are all empty is not a facility: it is skipped (and counted in
 * `InputInfo.emptyRows`), and the rows after it keep their numbers. A row 2 whose first cell
 * starts with `说明` or `#` is the template's hint row (see `templateCsv`) and is skipped too.
 * Every other row becomes one output row, evaluated or with its problem.
 */
export type BatchFormat = 'ndjson' | 'csv' | 'xlsx' | 'records';

/** What was read, for the summary a caller prints. */
export interface InputInfo {
  readonly format: BatchFormat;
  /** The text encoding of a CSV or records file: `gb18030` when it was not UTF-8 (GBK is read as its superset GB18030). */
  readonly encoding?: 'utf-8' | 'gb18030';
  /** The worksheet an xlsx workbook was read from. */
  readonly worksheet?: string;
  /** Sheet rows skipped because every cell was empty. */
  readonly emptyRows: number;
}

/** An input opened for a batch: its header (sheets) and its rows, read as they are iterated. */
export interface OpenedInput {
  readonly header?: readonly string[];
  readonly rows: AsyncIterable<InputRow>;
  /** Complete once the rows have been read: a CSV's encoding may be decided late. */
  info(): InputInfo;
}

/** The format a file's name says, or undefined. */
export function formatOf(path: string): BatchFormat | undefined {
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.xls[xm]$/i.test(path)) return 'xlsx';
  if (/\.(ya?ml|json)$/i.test(path)) return 'records';
  return undefined;
}

/** Why a file's format cannot be told, saying what to do. */
export function unknownFormatMessage(path: string): string {
  if (/\.xls$/i.test(path)) return `${path} is an Excel 97–2003 workbook (.xls), which cannot be read: save it as .xlsx (Excel Workbook) or CSV`;
  if (/\.et$/i.test(path)) return `${path} is a WPS workbook (.et), which cannot be read: save it as .xlsx or CSV`;
  return `cannot tell the format of ${path}: name it .xlsx, .csv, .ndjson or .jsonl (one JSON record per line), or .yaml, .yml or .json (a list of records)`;
}

/** Opens a stream in a given format, or a file by its path (its format from its name unless given). */
export async function openInput(input: Readable | string, format?: BatchFormat): Promise<OpenedInput> {
  const name = typeof input === 'string' ? input : undefined;
  const chosen = format ?? (name === undefined ? undefined : formatOf(name));
  if (!chosen) throw new SheetError(name === undefined ? 'a batch read from a stream needs its format' : unknownFormatMessage(name));
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  switch (chosen) {
    case 'ndjson':
      return { rows: ndjsonRows(stream), info: () => ({ format: 'ndjson', emptyRows: 0 }) };
    case 'csv':
      return csvInput(stream);
    case 'xlsx':
      return xlsxInput(stream);
    case 'records':
      return recordsInput(stream, name ?? 'input');
  }
}

/** NDJSON: one record per line, numbered by line; blank lines are not rows. */
async function* ndjsonRows(input: Readable): AsyncGenerator<InputRow> {
  let row = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    row++;
    if (line.trim() !== '') yield { row, line: row === 1 ? line.replace(/^\uFEFF/, '') : line };
  }
}

// ---------------------------------------------------------------------------------------------
// Text encodings

/** How far past the first non-ASCII byte a CSV is read before its encoding is decided. */
const lookahead = 64 * 1024;

/**
 * Decodes a byte stream that is UTF-8 or GBK (GB18030), streaming. Both encodings write ASCII
 * as ASCII, so text is passed on as it comes while it is ASCII; at the first byte above 0x7F
 * up to 64 KB from there are held and tried as UTF-8: if they are valid UTF-8 the whole input is
 * UTF-8 (Chinese text in GBK is not valid UTF-8 beyond a character or two), otherwise it is
 * GB18030. So a GBK file whose first megabytes are ASCII is still read as GBK, and nothing is
 * decoded twice. A UTF-8 BOM decides UTF-8 at once. Bytes that are invalid in the encoding
 * decided (a file that mixes encodings) stop the batch with the byte's offset: decoding them
 * as U+FFFD would change names and codes silently.
 */
export class TextSniffer {
  encoding: 'utf-8' | 'gb18030' | undefined;
  private decoder: TextDecoder | undefined;
  private held: Buffer[] = [];
  private heldSize = 0;
  /** Bytes before the held ones (or, once decided, before the current chunk). */
  private offset = 0;
  private started = false;

  /** Decodes the next chunk; a string chunk is text already (read as UTF-8). */
  write(chunk: Buffer | Uint8Array | string): string {
    if (typeof chunk === 'string') {
      this.encoding ??= 'utf-8';
      const text = this.started ? chunk : chunk.replace(/^\uFEFF/, '');
      this.started = true;
      return text;
    }
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.started) {
      // The first bytes decide a BOM; wait for three of them.
      if (this.heldSize + bytes.length < 3) {
        this.held.push(bytes);
        this.heldSize += bytes.length;
        return '';
      }
      this.started = true;
      bytes = Buffer.concat([...this.held, bytes]);
      this.held = [];
      this.heldSize = 0;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new SheetError('the file is UTF-16 (Excel\'s "Unicode text"): save it as "CSV UTF-8" or "CSV"');
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.decide('utf-8');
    }
    if (this.decoder) return this.decode(bytes, true);
    if (this.heldSize === 0) {
      const latin1 = bytes.toString('latin1');
      const first = latin1.search(/[\x80-\xff]/);
      if (first === -1) {
        this.offset += bytes.length;
        return latin1;
      }
      const ascii = latin1.slice(0, first);
      this.offset += first;
      this.hold(bytes.subarray(first));
      return ascii + (this.heldSize >= lookahead ? this.settle(false) : '');
    }
    this.hold(bytes);
    return this.heldSize >= lookahead ? this.settle(false) : '';
  }

  /** The rest of the text, at the end of the input. */
  end(): string {
    if (!this.started) {
      // Fewer than three bytes in all.
      this.started = true;
      const bytes = Buffer.concat(this.held);
      this.held = [];
      this.heldSize = 0;
      return this.write(bytes) + this.end();
    }
    if (!this.decoder) return this.heldSize > 0 ? this.settle(true) : '';
    return this.decode(Buffer.alloc(0), false);
  }

  private hold(bytes: Buffer): void {
    this.held.push(Buffer.from(bytes));
    this.heldSize += bytes.length;
  }

  private decide(encoding: 'utf-8' | 'gb18030'): TextDecoder {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true });
    return this.decoder;
  }

  /** Decides the encoding on the bytes held, and decodes them. */
  private settle(final: boolean): string {
    const bytes = Buffer.concat(this.held);
    this.held = [];
    this.heldSize = 0;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    try {
      const text = utf8.decode(bytes, { stream: !final });
      this.encoding = 'utf-8';
      this.decoder = utf8;
      this.offset += bytes.length;
      return text;
    } catch {
      this.decide('gb18030');
      return this.decode(bytes, !final);
    }
  }

  private decode(bytes: Buffer, stream: boolean): string {
    try {
      const text = this.decoder!.decode(bytes, { stream });
      this.offset += bytes.length;
      return text;
    } catch {
      const which = this.encoding === 'utf-8' ? 'UTF-8' : 'GBK (GB18030)';
      throw new SheetError(
        `the bytes after byte ${this.offset} are not ${which}, though the text before them was read as ${which}: ` +
          'the file mixes encodings; save it again as "CSV UTF-8"',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets: CSV and xlsx rows, then the rows of a batch

/** One record of a sheet: its cells, or why they cannot be read. */
interface SheetRecord {
  readonly row: number;
  readonly cells: readonly string[];
  /** A problem with the row as a whole (CSV syntax). */
  readonly problem?: string;
  /** Problems with single cells (an xlsx error value, a date in a number column). */
  readonly problems?: readonly CellProblem[];
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** The template's hint row: row 2, its first cell starting with 说明 or #. */
export const isHintRow = (row: number, cells: readonly string[]) => row === 2 && /^\s*(说明|#)/.test(cells[0] ?? '');

/** A header without the empty cells Excel leaves after the last column. */
function headerOf(record: SheetRecord): string[] {
  if (record.problem) throw new SheetError(`row 1, the header, cannot be read: ${record.problem}`);
  if (record.problems?.length) throw new SheetError(`row 1, the header, cannot be read: ${record.problems[0]!.column}: ${record.problems[0]!.message}`);
  const cells = [...record.cells];
  while (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop();
  if (cells.length === 0) throw new SheetError('row 1 is empty: the first row must be the header, naming the column of each record field');
  return cells;
}

/** The data rows of a sheet as batch rows: empty rows and the hint row left out and counted. */
async function* dataRows(records: AsyncIterable<SheetRecord>, counts: { emptyRows: number }): AsyncGenerator<InputRow> {
  for await (const record of records) {
    if (record.problem) {
      yield { row: record.row, problem: `cannot be read as CSV: ${record.problem}` };
      continue;
    }
    if (!record.problems?.length && isBlank(record.cells)) {
      counts.emptyRows++;
      continue;
    }
    if (isHintRow(record.row, record.cells)) continue;
    yield record.problems?.length
      ? { row: record.row, cells: record.cells, problems: record.problems }
      : { row: record.row, cells: record.cells };
  }
}

async function csvInput(input: Readable): Promise<OpenedInput> {
  const sniffer = new TextSniffer();
  async function* records(): AsyncGenerator<SheetRecord> {
    const splitter = new CsvSplitter();
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const out: SheetRecord[] = [];
      splitter.push(sniffer.write(chunk), out);
      yield* out;
    }
    const out: SheetRecord[] = [];
    splitter.push(sniffer.end(), out);
    splitter.end(out);
    yield* out;
  }
  const all = records();
  const first = await all.next();
  const counts = { emptyRows: 0 };
  const info = (): InputInfo => ({ format: 'csv', encoding: sniffer.encoding ?? 'utf-8', emptyRows: counts.emptyRows });
  if (first.done) return { rows: (async function* () {})(), info };
  return { header: headerOf(first.value), rows: dataRows(all, counts), info };
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const special = /[,\r\n]/g;

/**
 * Splits CSV text into records as Excel reads it: fields separated by commas, records by CRLF,
 * LF or CR; a field that starts with a double quote runs to the closing quote, across line
 * breaks, with "" for a quote; a quote inside an unquoted field is text. Fed in chunks.
 *
 * Where Excel would read a broken row otherwise than it shows, or swallow the rows after it,
 * the row is a problem instead, and no row goes missing:
 * - text after a closing quote (`"b"x`) makes the record a problem;
 * - a quote that is never closed, or whose field runs over line breaks and is followed by
 *   text (`"b` on one line, `"x` lines later: a stray quote, not a cell of several lines),
 *   makes the record it opened in a problem, and reading starts again at the line after that
 *   record's first line.
 */
class CsvSplitter {
  private row = 0;
  private cells: string[] = [];
  private field = '';
  private state: 'start' | 'unquoted' | 'quoted' | 'quote' | 'after' = 'start';
  /** Whether anything of the current record has been read. */
  private inRecord = false;
  /** A CR ended the last record: a LF right after it belongs to it. */
  private afterCr = false;
  private problem: string | undefined;
  /** The column the last quoted field started in. */
  private quotedColumn = 0;
  /**
   * The raw text after the first line break inside the current quoted field, up to the end of
   * the chunks before this one: where reading starts again if the quote proves broken.
   */
  private tail: string | undefined;
  private tailAfterCr = false;

  push(input: string, out: SheetRecord[]): void {
    let text = input;
    /** Where the tail starts in `text`, when it started in this chunk. */
    let tailFrom = 0;
    let i = 0;
    while (i < text.length) {
      if (this.afterCr) {
        this.afterCr = false;
        if (text.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case 'start':
          this.inRecord = true;
          if (text.charCodeAt(i) === QUOTE) {
            this.state = 'quoted';
            this.quotedColumn = this.cells.length + 1;
            i++;
            break;
          }
          this.state = 'unquoted';
        // falls through
        case 'unquoted': {
          special.lastIndex = i;
          const found = special.exec(text);
          const end = found ? found.index : text.length;
          this.field += text.slice(i, end);
          i = found ? this.separator(text, end, out) : end;
          break;
        }
        case 'quoted': {
          const end = text.indexOf('"', i);
          const stop = end === -1 ? text.length : end;
          if (this.tail === undefined) {
            const lineBreak = text.slice(i, stop).search(/[\r\n]/);
            if (lineBreak !== -1) {
              this.tail = '';
              tailFrom = i + lineBreak + 1;
              this.tailAfterCr = text.charCodeAt(i + lineBreak) === CR;
            }
          }
          this.field += text.slice(i, stop);
          if (end === -1) i = text.length;
          else {
            this.state = 'quote';
            i = end + 1;
          }
          break;
        }
        case 'quote':
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = 'quoted';
            i++;
            break;
          }
          this.state = 'after';
        // falls through
        case 'after': {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) {
            i = this.separator(text, i, out);
            break;
          }
          if (this.tail !== undefined) {
            // A field over several lines followed by text: the quote that opened it is broken.
            text = this.restart(this.tail + text.slice(tailFrom), out);
            tailFrom = 0;
            i = 0;
            break;
          }
          this.problem ??= `text after the closing quote in column ${columnName(this.cells.length + 1)}`;
          this.field += text[i];
          i++;
          break;
        }
      }
    }
    if (this.tail !== undefined) this.tail += text.slice(tailFrom);
  }

  /** Ends the record a broken quote opened in as a problem; returns the text to read again. */
  private restart(tail: string, out: SheetRecord[]): string {
    const again = this.tailAfterCr && tail.startsWith('\n') ? tail.slice(1) : tail;
    this.problem = `the quote that opens column ${columnName(this.quotedColumn)} is not closed`;
    this.cells.push(this.field);
    this.field = '';
    this.state = 'start';
    this.emit(out);
    return again;
  }

  /** Handles the comma or line break at `at`; returns where reading goes on. */
  private separator(text: string, at: number, out: SheetRecord[]): number {
    const c = text.charCodeAt(at);
    this.cells.push(this.field);
    this.field = '';
    this.state = 'start';
    this.tail = undefined;
    if (c === COMMA) return at + 1;
    this.emit(out);
    if (c === CR) this.afterCr = true;
    return at + 1;
  }

  private emit(out: SheetRecord[]): void {
    this.row++;
    out.push(this.problem ? { row: this.row, cells: this.cells, problem: this.problem } : { row: this.row, cells: this.cells });
    this.cells = [];
    this.problem = undefined;
    this.inRecord = false;
    this.tail = undefined;
  }

  end(out: SheetRecord[]): void {
    if (this.state === 'quoted') {
      const tail = this.tail;
      const again = this.restart(tail ?? '', out);
      if (tail !== undefined) {
        this.push(again, out);
        this.end(out);
      }
      return;
    }
    if (this.inRecord) {
      this.cells.push(this.field);
      this.field = '';
      this.state = 'start';
      this.emit(out);
    }
  }
}

// xlsx ------------------------------------------------------------------------------------------

type ExcelJs = typeof import('exceljs');

/**
 * exceljs, loaded when first needed: it is large, an optional dependency, and only the node side
 * reads and writes workbooks. Throws OptionalDependencyError when it is not installed.
 */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = (await importOptional('exceljs', xlsxPurpose, () => import('exceljs'))) as ExcelJs & { default?: ExcelJs };
  return loaded.default ?? loaded;
}

const xlsxPurpose = { zh: '读写 Excel 工作簿（.xlsx）', en: 'Reading and writing Excel workbooks (.xlsx)' };

const kindWords: Record<Column['kind'], string> = {
  number: 'a number',
  boolean: 'yes or no (是/否)',
  code: 'a code or label',
  codes: 'codes or labels',
  text: 'text',
};

/**
 * A cell's value as the text the sheet reader reads, as a CSV of the sheet would have it:
 * numbers in their shortest form, rich text and hyperlinks by their text, booleans as
 * true/false, a formula by its cached result. An error value (#DIV/0!), a formula the file keeps
 * no result for, and a date in a column that is not text are problems.
 */
function cellText(value: CellValue, column: Column | undefined): string | { problem: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : { problem: `${value} is not a number` };
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const date = Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
    if (!column || column.kind === 'text') return date;
    return { problem: `${date} is a date; the column takes ${kindWords[column.kind]}` };
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return { problem: `the cell shows the error ${value.error}` };
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { problem: `the formula =${formula} has no saved result: open the file in Excel or WPS and save it` };
    }
    return cellText(value.result as CellValue, column);
  }
  if ('hyperlink' in value) return cellText(value.text as CellValue, column);
  return { problem: 'the cell cannot be read' };
}

/** A worksheet row's cells as text, up to `width` columns or its last cell; problems by column. */
function rowCells(row: Row, width: number, columns: readonly Column[] | undefined): { cells: string[]; problems: CellProblem[] } {
  const cells: string[] = [];
  const problems: CellProblem[] = [];
  const count = Math.max(width, row.cellCount);
  for (let c = 1; c <= count; c++) {
    const column = columns?.[c - 1];
    const text = cellText(row.getCell(c).value, column);
    if (typeof text === 'string') cells.push(text);
    else {
      cells.push('');
      problems.push({ column: column?.header ?? `column ${columnName(c)}`, message: text.problem });
    }
  }
  return { cells, problems };
}

async function xlsxInput(input: Readable): Promise<OpenedInput> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(input);
  } catch (error) {
    throw new SheetError(`not an .xlsx workbook (${(error as Error).message}): save it from Excel or WPS as "Excel Workbook (*.xlsx)"`);
  }
  // The first worksheet whose first row names record fields.
  let chosen: { sheet: Worksheet; header: string[]; columns: Column[] } | undefined;
  let firstError: SheetError | undefined;
  for (const sheet of workbook.worksheets) {
    const first = rowCells(sheet.getRow(1), 0, undefined);
    if (isBlank(first.cells) && first.problems.length === 0) continue;
    try {
      const header = headerOf({ row: 1, ...first });
      chosen = { sheet, header, columns: sheetColumns(header) };
      break;
    } catch (error) {
      if (!(error instanceof SheetError)) throw error;
      firstError ??= new SheetError(`worksheet "${sheet.name}": ${error.message}`);
    }
  }
  if (!chosen) throw firstError ?? new SheetError('no worksheet has a header row: the first row of the sheet must name the columns');

  const { sheet, header, columns } = chosen;
  const records: SheetRecord[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const { cells, problems } = rowCells(row, header.length, columns);
    records.push(problems.length > 0 ? { row: number, cells, problems } : { row: number, cells });
  });
  const counts = { emptyRows: 0 };
  // Rows between facilities with no value at all are not in `records`; count them as empty too.
  const lastRow = records.at(-1)?.row ?? 1;
  const withValues = new Set(records.map((r) => r.row));
  for (let r = 2; r <= lastRow; r++) if (!withValues.has(r)) counts.emptyRows++;
  return {
    header,
    rows: dataRows(
      (async function* () {
        yield* records;
      })(),
      counts,
    ),
    info: () => ({ format: 'xlsx', worksheet: sheet.name, emptyRows: counts.emptyRows }),
  };
}

// YAML and JSON lists -------------------------------------------------------------------------------

async function readAll(input: Readable): Promise<{ text: string; encoding: 'utf-8' | 'gb18030' }> {
  const sniffer = new TextSniffer();
  let text = '';
  for await (const chunk of input as AsyncIterable<Buffer | string>) text += sniffer.write(chunk);
  text += sniffer.end();
  return { text, encoding: sniffer.encoding ?? 'utf-8' };
}

/**
 * A YAML or JSON file holding a list of records (or one record), read whole. Each element is a
 * row numbered from 1; an element that is not a valid record is an error row whose problems
 * carry the line and column in the file, and the others are evaluated. A file that is not YAML
 * at all throws RecordError.
 */
async function recordsInput(input: Readable, file: string): Promise<OpenedInput> {
  const { text, encoding } = await readAll(input);
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) throw new RecordError(`Cannot read ${file}:`, parsed.diagnostics);
  const { source } = parsed;
  const list = Array.isArray(source.data);
  const items: unknown[] = list ? (source.data as unknown[]) : source.data === null || source.data === undefined ? [] : [source.data];
  const rows = items.map((item, index): InputRow => {
    const row = index + 1;
    try {
      parseRecord(item, {
        file,
        source: list ? { ...source, locate: (path, atKey) => source.locate([index, ...path], atKey) } : source,
      });
      return { row, line: JSON.stringify(item) };
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      return {
        row,
        problem: 'not a valid facility record',
        problems: error.diagnostics.map((d) => ({
          where: d.path,
          message: d.message,
          ...(d.line !== undefined && { line: d.line, column: d.column }),
        })),
      };
    }
  });
  return {
    rows: (async function* () {
      yield* rows;
    })(),
    info: () => ({ format: 'records', encoding, emptyRows: 0 }),
  };
}
