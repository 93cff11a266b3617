// Opening a batch input: its format from its name, then read by the reader for it.
import type { ColumnMap } from './column-map.js';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { InputRow } from '../batch/rows.js';
import { SheetError } from '../batch/sheet.js';
import { csvRecords } from './csv.js';
import { checkFileSize, TextDecoderSniffer, type TextEncoding } from './decode.js';
import type { HeaderNote } from './sheet-rows.js';
import { dataRows, sheetHeader } from './sheet-rows.js';
import { ndjsonRows } from './ndjson.js';
import { readRecordsInput } from './records.js';
import { readXlsx } from './xlsx.js';

/**
 * The formats a batch reads:
 * - `ndjson`: one JSON record per line (`.ndjson`, `.jsonl`), numbered by line; blank lines are
 *   not rows.
 * - `csv`: a header row, then one facility per row (`.csv`, `.tsv`, `.txt`): comma- or
 *   tab-separated (told from the header line), in UTF-8 (with or without a BOM), GBK/GB18030
 *   (what Excel on Chinese Windows writes when saving as "CSV"), or UTF-16 with a BOM (Excel's
 *   "Unicode text").
 * - `xlsx`: an Excel, WPS, LibreOffice or openpyxl workbook (`.xlsx`, `.xlsm`): the first
 *   worksheet whose header names record fields, one facility per row.
 * - `records`: a YAML or JSON file (`.yaml`, `.yml`, `.json`) holding a list of records (or one
 *   record); each element is a row, numbered from 1.
 *
 * Sheet rows (CSV and xlsx) are numbered as the spreadsheet numbers them. The header is looked
 * for among the first rows (see `findHeader`); the rows above it are skipped. A row whose cells
 * are all empty is not a facility: it is skipped (and counted in `InputInfo.emptyRows`), and the
 * rows after it keep their numbers. The row after the header whose first cell starts with `说明`
 * or `#` is the template's hint row (see `templateCsv`) and is skipped too. Every other row
 * becomes one output row, evaluated or with its problem. Every reader is bounded: see `limits`.
 */
export type BatchFormat = 'ndjson' | 'csv' | 'xlsx' | 'records';

/** What was read, for the summary a caller prints. */
export interface InputInfo {
  readonly format: BatchFormat;
  /** The text encoding of a CSV, NDJSON or records file: GBK is read as its superset GB18030. */
  readonly encoding?: TextEncoding;
  /** The worksheet an xlsx workbook was read from. */
  readonly worksheet?: string;
  /** Sheet rows skipped because every cell was empty. */
  readonly emptyRows: number;
  /** What finding the header skipped or combined, in Chinese and English. */
  readonly notes?: readonly HeaderNote[];
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
  if (/\.(csv|tsv|txt)$/i.test(path)) return 'csv';
  if (/\.xls[xm]$/i.test(path)) return 'xlsx';
  if (/\.(ya?ml|json)$/i.test(path)) return 'records';
  return undefined;
}

/** Why a file's format cannot be told, saying what to do. */
export function unknownFormatMessage(path: string): { readonly code: string; readonly zh: string; readonly en: string } {
  if (/\.xls$/i.test(path)) {
    return {
      code: 'input.xls',
      zh: `${path} 是 Excel 97–2003 工作簿（.xls），无法读取：请另存为 .xlsx（Excel 工作簿）或 CSV`,
      en: `${path} is an Excel 97–2003 workbook (.xls), which cannot be read: save it as .xlsx (Excel Workbook) or CSV`,
    };
  }
  if (/\.et$/i.test(path)) {
    return { code: 'input.et', zh: `${path} 是 WPS 工作簿（.et），无法读取：请另存为 .xlsx 或 CSV`, en: `${path} is a WPS workbook (.et), which cannot be read: save it as .xlsx or CSV` };
  }
  return {
    code: 'input.unknown-format',
    zh: `无法判断 ${path} 的格式：请把文件命名为 .xlsx、.csv、.tsv 或 .txt（逗号或制表符分隔）、.ndjson 或 .jsonl（每行一条 JSON 记录），或 .yaml、.yml、.json（记录列表）`,
    en: `cannot tell the format of ${path}: name it .xlsx, .csv, .tsv or .txt (comma- or tab-separated), .ndjson or .jsonl (one JSON record per line), or .yaml, .yml or .json (a list of records)`,
  };
}

const withNotes = (notes: readonly HeaderNote[]) => (notes.length > 0 ? { notes } : {});

/** Opens a stream in a given format, or a file by its path (its format from its name unless given). */
export async function openInput(input: Readable | string, format?: BatchFormat, sheet: { readonly map?: ColumnMap } = {}): Promise<OpenedInput> {
  const name = typeof input === 'string' ? input : undefined;
  const chosen = format ?? (name === undefined ? undefined : formatOf(name));
  if (!chosen) {
    throw new SheetError(
      name === undefined ? { code: 'input.format-needed', zh: '从数据流读取的批次需要说明其格式', en: 'a batch read from a stream needs its format' } : unknownFormatMessage(name),
    );
  }
  if (name !== undefined && (chosen === 'records' || chosen === 'xlsx')) await checkFileSize(name, chosen === 'xlsx' ? 'xlsxBytes' : 'wholeFileBytes');
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  switch (chosen) {
    case 'ndjson': {
      const decoder = new TextDecoderSniffer();
      return { rows: ndjsonRows(stream, decoder), info: () => ({ format: 'ndjson', encoding: decoder.encoding ?? 'utf-8', emptyRows: 0 }) };
    }
    case 'csv': {
      const decoder = new TextDecoderSniffer();
      const records = csvRecords(stream, decoder);
      const found = await sheetHeader(records, sheet.map);
      const counts = { emptyRows: 0 };
      const info = (notes: readonly HeaderNote[]) => (): InputInfo => ({
        format: 'csv',
        encoding: decoder.encoding ?? 'utf-8',
        emptyRows: counts.emptyRows,
        ...withNotes(notes),
      });
      if (!found) return { rows: (async function* () {})(), info: info([]) };
      const rest = found.rest;
      const all = (async function* () {
        yield* rest;
        yield* { [Symbol.asyncIterator]: () => records };
      })();
      return { header: found.header, rows: dataRows(all, counts, found.row, true), info: info(found.notes) };
    }
    case 'xlsx': {
      const read = await readXlsx(stream, name ?? 'input', sheet.map);
      return {
        header: read.header,
        rows: read.rows,
        info: () => ({ format: 'xlsx', worksheet: read.worksheet, emptyRows: read.counts.emptyRows, ...withNotes(read.notes) }),
      };
    }
    case 'records': {
      const { rows, encoding } = await readRecordsInput(stream, name ?? 'input');
      return {
        rows: (async function* () {
          yield* rows;
        })(),
        info: () => ({ format: 'records', encoding, emptyRows: 0 }),
      };
    }
  }
}
