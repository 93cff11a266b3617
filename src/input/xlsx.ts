// .xlsx workbooks (Excel, WPS, LibreOffice, openpyxl), read with a bounded reader of our own: the
// zip through zip.ts, the parts by a linear scan of their XML. Only what a sheet's cells say is
// read: values, shared and inline strings, cached formula results, error values, and the number
// formats that make a number a date. Comments, drawings, styles beyond number formats are ignored.
import type { ColumnMap } from './column-map.js';
import { message } from '../diagnostics/messages.js';
import type { Readable } from 'node:stream';
import type { InputRow } from '../batch/rows.js';
import { columnName, SheetError, sheetColumns, type CellProblem, type Column } from '../batch/sheet.js';
import { CellIssue } from './cells.js';
import { readBytes } from './decode.js';
import { InputError, overLimit } from './errors.js';
import { limits } from './limits.js';
import { headerSearchRows } from './header.js';
import { dataRows, isBlank, sheetHeader, type HeaderNote, type SheetRecord } from './sheet-rows.js';
import { looksLikeZip, zipEntries, zipEntryBytes, type ZipEntry } from './zip.js';

const kindWords: Record<Column['kind'], { en: string; zh: string }> = {
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'yes or no (是/否)', zh: '是或否' },
  code: { en: 'a code or label', zh: '代码或名称' },
  codes: { en: 'codes or labels', zh: '代码或名称' },
  text: { en: 'text', zh: '文字' },
};

const dateInColumn = (date: string, kind: Column['kind']) =>
  new CellIssue('cell.date', `${date} 是日期；该列应填${kindWords[kind].zh}`, `${date} is a date; the column takes ${kindWords[kind].en}`, { date, kind });

/** Attributes of one XML start tag's text. */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return found;
}

/** XML character references and Excel's _xHHHH_ escapes. */
export function unescapeXml(text: string): string {
  if (!/[&_]/.test(text)) return text;
  return text
    .replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (_, hex: string, dec: string, named: string) => {
      if (named) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[named as 'lt']!;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The texts of the `<t>` elements in an XML fragment, phonetic runs (`<rPh>`) left out. */
function textOf(xml: string): string {
  const phonetic = xml.includes('rPh') ? [...elements(xml, 'rPh')] : [];
  let text = '';
  let p = 0;
  for (const t of elements(xml, 't')) {
    while (p < phonetic.length && phonetic[p]!.end <= t.start) p++;
    if (p < phonetic.length && t.start >= phonetic[p]!.start) continue;
    text += unescapeXml(t.body);
  }
  return text;
}

/** The content of the first element named `name` in a fragment, or undefined. */
function firstBody(xml: string, name: string): string | undefined {
  if (!xml.includes(name)) return undefined;
  return elements(xml, name).next().value?.body;
}

/** A start tag longer than this is damage, not a workbook: attributes are never this long. */
const maxTagChars = 64 * 1024;

/**
 * Each element named `name` (with any namespace prefix): its start tag, its content, and where
 * it starts and ends. One pass, without backtracking: an element never closed runs to the end.
 */
function* elements(xml: string, name: string): Generator<{ tag: string; body: string; start: number; end: number }> {
  const open = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])`, 'g');
  const closeRe = new RegExp(`</(?:\\w+:)?${name}>`, 'g');
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd === -1) return;
    if (tagEnd - m.index > maxTagChars) {
      throw new InputError(
        `not an .xlsx workbook (a <${name}> tag of over ${maxTagChars} characters): save it from Excel or WPS again`,
        `不是有效的 .xlsx 工作簿（<${name}> 标签超过 ${maxTagChars} 个字符）：请在 Excel 或 WPS 中重新保存`,
        'INPUT_FORMAT',
      );
    }
    const tag = xml.slice(m.index, tagEnd + 1);
    if (tag.endsWith('/>')) {
      yield { tag, body: '', start: m.index, end: tagEnd + 1 };
      open.lastIndex = tagEnd + 1;
      continue;
    }
    closeRe.lastIndex = tagEnd + 1;
    const close = closeRe.exec(xml);
    const bodyEnd = close ? close.index : xml.length;
    const end = close ? close.index + close[0].length : xml.length;
    yield { tag, body: xml.slice(tagEnd + 1, bodyEnd), start: m.index, end };
    open.lastIndex = end;
  }
}

/** Built-in number formats that show dates or times. */
const dateFormatIds = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

const isDateFormat = (code: string) => /[ymdhs]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, ''));

/** Per style index (a cell's `s`), whether it formats numbers as dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, boolean>();
  for (const { tag } of elements(xml, 'numFmt')) {
    const a = attributes(tag);
    custom.set(Number(a.get('numFmtId')), isDateFormat(a.get('formatCode') ?? ''));
  }
  const cellXfs = elements(xml, 'cellXfs').next().value?.body ?? '';
  const styles: boolean[] = [];
  for (const { tag } of elements(cellXfs, 'xf')) {
    const id = Number(attributes(tag).get('numFmtId') ?? 0);
    styles.push(custom.get(id) ?? dateFormatIds.has(id));
  }
  return styles;
}

/** A date serial as a calendar date (YYYY-MM-DD). */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.round(serial * 86400) * 1000);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/** The 1-based column of a cell reference (`AB12` → 28), or undefined. */
function columnOf(ref: string): number | undefined {
  const letters = /^([A-Za-z]{1,3})\d/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly xml: () => string }[];
  readonly shared: readonly string[];
  readonly dates: readonly boolean[];
  readonly date1904: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function openWorkbook(zip: Buffer): Workbook {
  const entries = zipEntries(zip);
  const part = (path: string): string | undefined => {
    const entry: ZipEntry | undefined = entries.get(path);
    if (!entry) return undefined;
    try {
      return utf8.decode(zipEntryBytes(zip, entry));
    } catch (error) {
      if (error instanceof SheetError) throw error;
      throw new InputError(
        `not an .xlsx workbook (the part ${entry.name} is not UTF-8 XML): save it from Excel or WPS again`,
        `不是有效的 .xlsx 工作簿（部件 ${entry.name} 不是 UTF-8 XML）：请在 Excel 或 WPS 中重新保存`,
        'INPUT_FORMAT',
      );
    }
  };
  const workbookXml = part('xl/workbook.xml');
  if (workbookXml === undefined) {
    throw new InputError(
      'not an .xlsx workbook (it has no xl/workbook.xml): save it from Excel or WPS as "Excel Workbook (*.xlsx)"',
      '不是 .xlsx 工作簿（缺少 xl/workbook.xml）：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”',
      'INPUT_FORMAT',
    );
  }
  const targets = new Map<string, { target: string; type: string }>();
  for (const { tag } of elements(part('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const a = attributes(tag);
    const target = a.get('Target') ?? '';
    targets.set(a.get('Id') ?? '', { target: target.startsWith('/') ? target.slice(1) : `xl/${target}`, type: a.get('Type') ?? '' });
  }
  const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const shared: string[] = [];
  for (const { body } of elements(part(byType('/sharedStrings') ?? 'xl/sharedStrings.xml') ?? '', 'si')) shared.push(textOf(body));
  const sheets: { name: string; xml: () => string }[] = [];
  for (const { tag } of elements(workbookXml, 'sheet')) {
    const a = attributes(tag);
    const id = [...a].find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
    const rel = id === undefined ? undefined : targets.get(id);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: a.get('name') ?? '', xml: () => part(rel.target.replace(/\/\.\//g, '/')) ?? '' });
  }
  const workbookPr = elements(workbookXml, 'workbookPr').next().value?.tag ?? '';
  const date1904 = /^(1|true)$/.test(attributes(workbookPr).get('date1904') ?? '');
  return { sheets, shared, dates: dateStyles(part(byType('/styles') ?? 'xl/styles.xml')), date1904 };
}

/** A raw cell: what the sheet's XML says, before it is read as text for a column. */
interface RawCell {
  readonly column: number;
  readonly type: string;
  readonly style: number;
  readonly value: string | undefined;
  readonly formula: string | undefined;
  readonly inline: string | undefined;
}

interface RawRow {
  readonly row: number;
  readonly cells: readonly RawCell[];
  readonly tooWide: boolean;
}

/** The rows of a worksheet's XML, in order; refuses a row number past limits.xlsxRows or too many merged ranges. */
function* sheetRows(xml: string): Generator<RawRow> {
  const merges: MergedRange[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/g)) {
    if (merges.length >= limits.xlsxMergedRanges) {
      throw overLimit('xlsxMergedRanges', { en: 'the worksheet has too many merged ranges', zh: '工作表的合并单元格区域过多' });
    }
    const range = mergedRange(attributes(`<m${match[1]}>`).get('ref') ?? '');
    if (range) merges.push(range);
  }
  const fill = mergedCells(merges);
  const dataStart = xml.search(/<(\w+:)?sheetData[\s>]/);
  if (dataStart === -1) return;
  const dataEnd = xml.search(/<\/(\w+:)?sheetData>/);
  const data = xml.slice(dataStart, dataEnd === -1 ? xml.length : dataEnd);
  let previous = 0;
  for (const { tag, body } of elements(data, 'row')) {
    const r = Number(attributes(tag).get('r') ?? previous + 1);
    if (!Number.isInteger(r) || r < 1 || r > limits.xlsxRows || r <= previous) {
      if (Number.isInteger(r) && r > limits.xlsxRows) {
        throw overLimit('xlsxRows', { en: `the worksheet has a row ${r}`, zh: `工作表有第 ${r} 行` });
      }
      throw new InputError(
        `not an .xlsx workbook (a worksheet's row numbers are out of order after row ${previous}): save it from Excel or WPS again`,
        `不是有效的 .xlsx 工作簿（工作表第 ${previous} 行之后的行号顺序错乱）：请在 Excel 或 WPS 中重新保存`,
        'INPUT_FORMAT',
      );
    }
    previous = r;
    const cells: RawCell[] = [];
    let tooWide = false;
    let column = 0;
    for (const cell of elements(body, 'c')) {
      const a = attributes(cell.tag);
      column = columnOf(a.get('r') ?? '') ?? column + 1;
      if (column > limits.cells) {
        tooWide = true;
        break;
      }
      const v = firstBody(cell.body, 'v');
      const f = firstBody(cell.body, 'f');
      const is = firstBody(cell.body, 'is');
      cells.push({
        column,
        type: a.get('t') ?? 'n',
        style: Number(a.get('s') ?? 0),
        value: v === undefined ? undefined : unescapeXml(v),
        formula: f === undefined ? undefined : unescapeXml(f),
        inline: is === undefined ? undefined : textOf(is),
      });
    }
    yield { row: r, cells: fill(r, cells), tooWide };
  }
}

/** A merged range of a worksheet, 1-based and inclusive, its columns clipped to limits.cells. */
interface MergedRange {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

function mergedRange(ref: string): MergedRange | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!match) return undefined;
  const c1 = columnOf(`${match[1]}${match[2]}`);
  const c2 = columnOf(`${match[3]}${match[4]}`);
  if (c1 === undefined || c2 === undefined) return undefined;
  return { r1: Number(match[2]), c1, r2: Number(match[4]), c2: Math.min(c2, limits.cells) };
}

/**
 * Gives every cell of a merged range the value of its first cell, as a person reading the sheet
 * sees it: a township merged down its villages' rows is every row's township. Rows come in order;
 * only the ranges over the row are looked at, and only up to limits.cells columns.
 */
function mergedCells(merges: readonly MergedRange[]): (row: number, cells: RawCell[]) => RawCell[] {
  if (merges.length === 0) return (_row, cells) => cells;
  const byStart = [...merges].sort((a, b) => a.r1 - b.r1);
  const first = new Map<MergedRange, RawCell>();
  let active: MergedRange[] = [];
  let next = 0;
  return (row, cells) => {
    while (next < byStart.length && byStart[next]!.r1 <= row) active.push(byStart[next++]!);
    active = active.filter((range) => range.r2 >= row);
    if (active.length === 0) return cells;
    const byColumn = new Map(cells.map((cell) => [cell.column, cell]));
    for (const range of active) {
      if (range.r1 === row) {
        const topLeft = byColumn.get(range.c1);
        if (topLeft) first.set(range, topLeft);
      }
      const value = first.get(range);
      if (!value) continue;
      for (let column = range.c1; column <= range.c2; column++) {
        if (row === range.r1 && column === range.c1) continue;
        const own = byColumn.get(column);
        if (own === undefined || (own.value === undefined && own.inline === undefined && own.formula === undefined)) byColumn.set(column, { ...value, column });
      }
    }
    return [...byColumn.values()].sort((a, b) => a.column - b.column);
  };
}

/**
 * A cell as the text the sheet reader reads, as a CSV of the sheet would have it: numbers in
 * their shortest form, rich text by its text, booleans as true/false, a formula by its cached
 * result. An error value (#DIV/0!), a formula the file keeps no result for, and a date in a
 * column that is not text are problems.
 */
function cellText(cell: RawCell, column: Column | undefined, book: Workbook): string | CellIssue {
  const { value } = cell;
  if (cell.type === 'inlineStr') return cell.inline ?? '';
  if (value === undefined) {
    if (cell.formula !== undefined) {
      return new CellIssue(
        'cell.formula-no-result',
        `公式 =${cell.formula} 没有保存计算结果：请用 Excel 或 WPS 打开该文件并保存`,
        `the formula =${cell.formula} has no saved result: open the file in Excel or WPS and save it`,
        { formula: cell.formula },
      );
    }
    return '';
  }
  switch (cell.type) {
    case 's':
      return book.shared[Number(value)] ?? new CellIssue('cell.missing-string', '该格引用的共享文字在工作簿中不存在', 'the cell refers to a shared string the workbook does not have');
    case 'str':
      return value;
    case 'b':
      return value === '1' || value === 'true' ? 'true' : 'false';
    case 'e':
      return new CellIssue('cell.error-value', `该格显示错误值 ${value}`, `the cell shows the error ${value}`, { value });
    case 'd': {
      const date = value.slice(0, 10);
      if (!column || column.kind === 'text') return date;
      return dateInColumn(date, column.kind);
    }
    default: {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return new CellIssue('cell.not-a-number', `${value} 不是数字`, `${value} is not a number`, { value });
      if (book.dates[cell.style]) {
        const date = serialDate(number, book.date1904);
        if (!column || column.kind === 'text') return date;
        return dateInColumn(date, column.kind);
      }
      return String(number);
    }
  }
}

function rowRecord(raw: RawRow, width: number, columns: readonly Column[] | undefined, book: Workbook): SheetRecord {
  if (raw.tooWide) {
    return { row: raw.row, cells: [], problem: message('row.cell-past-limit', { column: columnName(limits.cells), max: limits.cells }) };
  }
  const count = Math.max(width, raw.cells.at(-1)?.column ?? 0);
  const cells: string[] = Array.from({ length: count }, () => '');
  const problems: CellProblem[] = [];
  for (const cell of raw.cells) {
    const column = columns?.[cell.column - 1];
    const text = cellText(cell, column, book);
    if (typeof text === 'string') cells[cell.column - 1] = text;
    else problems.push({ column: column?.header ?? `column ${columnName(cell.column)}`, message: text.en, code: text.code, zh: text.zh });
  }
  return problems.length > 0 ? { row: raw.row, cells, problems } : { row: raw.row, cells };
}

export interface XlsxInput {
  readonly header: string[];
  readonly rows: AsyncIterable<InputRow>;
  readonly worksheet: string;
  readonly notes: readonly HeaderNote[];
  readonly counts: { emptyRows: number };
}

/** Reads a workbook: the first worksheet with a header naming record fields, its rows after the header. */
export async function readXlsx(input: Readable, name: string, map?: ColumnMap): Promise<XlsxInput> {
  const zip = await readBytes(input, limits.xlsxBytes, 'xlsxBytes', name, looksLikeZip);
  const book = openWorkbook(zip);
  let firstError: SheetError | undefined;
  const skipped: HeaderNote[] = [];
  for (const [index, sheet] of book.sheets.entries()) {
    const raw = sheetRows(sheet.xml());
    // The first rows, read untyped to find the header; the rest are read as they are iterated.
    const first: RawRow[] = [];
    for (let next = raw.next(); !next.done; next = raw.next()) {
      first.push(next.value);
      if (next.value.row >= headerSearchRows) break;
    }
    const untyped = first.map((r) => rowRecord(r, 0, undefined, book));
    if (untyped.every((r) => !r.problem && !r.problems?.length && isBlank(r.cells))) continue;
    try {
      const found = await sheetHeader(
        (async function* () {
          yield* untyped;
        })(),
        map,
      );
      if (!found) continue;
      const { header, row: headerRow } = found;
      const columns = sheetColumns(header, map ? { map } : {});
      const counts = { emptyRows: 0 };
      async function* records(): AsyncGenerator<SheetRecord> {
        // Empty rows are counted once a row with a value follows them: Excel keeps formatted
        // rows below the data, and those are not skipped facilities.
        let previous = headerRow;
        const after = function* () {
          for (const f of first) if (f.row > headerRow) yield f;
          yield* { [Symbol.iterator]: () => raw };
        };
        for (const r of after()) {
          const record = rowRecord(r, header.length, columns, book);
          if (!record.problem && !record.problems?.length && isBlank(record.cells)) continue;
          counts.emptyRows += r.row - previous - 1;
          previous = r.row;
          yield record;
        }
      }
      const unread = book.sheets.slice(index + 1).map((later) => ({
        code: 'worksheet.not-read',
        zh: `工作表“${later.name}”未读取：只读第一个有表头的工作表“${sheet.name}”`,
        en: `worksheet "${later.name}" is not read: only the first worksheet with a header, "${sheet.name}", is`,
      }));
      return { header, worksheet: sheet.name, notes: [...skipped, ...found.notes, ...unread], counts, rows: dataRows(records(), counts, headerRow, false) };
    } catch (error) {
      if (!(error instanceof SheetError) || error instanceof InputError) throw error;
      skipped.push({ code: 'worksheet.no-header', zh: `工作表“${sheet.name}”中没有表头，已跳过`, en: `worksheet "${sheet.name}" has no header, skipped` });
      firstError ??= new SheetError({ code: error.code ?? 'sheet', zh: `工作表“${sheet.name}”：${error.zh ?? error.message}`, en: `worksheet "${sheet.name}": ${error.message}` });
    }
  }
  throw (
    firstError ??
    new SheetError({
      code: 'worksheet.none-with-header',
      en: 'no worksheet has a header row: the first row of the sheet must name the columns',
      zh: '没有一个工作表有表头：工作表的第一行应写明各列名称',
    })
  );
}
