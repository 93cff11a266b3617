// CSV and tab-separated text: the one reader for batch sheets and waiver files.
import type { Readable } from 'node:stream';
import { columnName } from '../batch/sheet.js';
import { message, type Message } from '../diagnostics/messages.js';
import { decodeStream, TextDecoderSniffer } from './decode.js';
import { limits } from './limits.js';
import type { SheetRecord } from './sheet-rows.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export type Delimiter = ',' | '\t';

/**
 * The delimiter a header line uses: a tab when it has more tabs than commas outside quotes (Excel's
 * "Unicode text" and "Text (tab delimited)" exports), else a comma.
 */
export function delimiterOf(firstLine: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\t') tabs++;
    else if (!quoted && c === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/**
 * Splits CSV text into records as Excel reads it: fields separated by commas (or tabs), records
 * by CRLF, LF or CR; a field that starts with a double quote runs to the closing quote, across
 * line breaks, with "" for a quote; a quote inside an unquoted field is text. Fed in chunks.
 * The delimiter is told from the first line (see `delimiterOf`) unless given.
 *
 * Where Excel would read a broken row otherwise than it shows, or swallow the rows after it,
 * the row is a problem instead, and no row goes missing:
 * - text after a closing quote (`"b"x`) makes the record a problem;
 * - a quote that is never closed, or whose field runs over line breaks and is followed by
 *   text (`"b` on one line, `"x` lines later: a stray quote, not a cell of several lines),
 *   makes the record it opened in a problem, and reading starts again at the line after that
 *   record's first line. So does a quoted field over line breaks longer than `limits.recordChars`.
 *
 * A record longer than `limits.recordChars` or with more than `limits.cells` cells is a problem
 * (its cells are not kept): memory stays bounded whatever the input.
 */
export class CsvSplitter {
  private row = 0;
  private cells: string[] = [];
  private cellCount = 0;
  private length = 0;
  private field = '';
  private state: 'start' | 'unquoted' | 'quoted' | 'quote' | 'after' = 'start';
  /** Whether anything of the current record has been read. */
  private inRecord = false;
  /** A CR ended the last record: a LF right after it belongs to it. */
  private afterCr = false;
  private problem: Message | undefined;
  /** The record is over a limit: its cells are dropped as they come. */
  private discarding = false;
  /** The column the last quoted field started in. */
  private quotedColumn = 0;
  /**
   * The raw text after the first line break inside the current quoted field, up to the end of
   * the chunks before this one: where reading starts again if the quote proves broken.
   */
  private tail: string | undefined;
  private tailAfterCr = false;
  private delimiter: Delimiter | undefined;
  private special: RegExp | undefined;
  /** Text before the first line break, held until the delimiter is told. */
  private firstLine = '';

  constructor(
    delimiter?: Delimiter,
    private readonly maxChars: number = limits.recordChars,
    private readonly maxCells: number = limits.cells,
  ) {
    if (delimiter) this.setDelimiter(delimiter);
  }

  /** The delimiter used (known once the first line is read). */
  get separator(): Delimiter | undefined {
    return this.delimiter;
  }

  private setDelimiter(delimiter: Delimiter): void {
    this.delimiter = delimiter;
    this.special = delimiter === ',' ? /[,\r\n]/g : /[\t\r\n]/g;
  }

  push(input: string, out: SheetRecord[]): void {
    let text = input;
    if (!this.delimiter) {
      this.firstLine += text;
      const lineBreak = this.firstLine.search(/[\r\n]/);
      if (lineBreak === -1 && this.firstLine.length <= this.maxChars) return;
      this.setDelimiter(delimiterOf(this.firstLine.slice(0, lineBreak === -1 ? this.maxChars : lineBreak)));
      text = this.firstLine;
      this.firstLine = '';
    }
    let again: string | undefined = text;
    while (again !== undefined) again = this.scan(again, out);
  }

  /** Reads a chunk; returns text to read again when a broken quote was found at the chunk's end. */
  private scan(input: string, out: SheetRecord[]): string | undefined {
    let text = input;
    const delimiter = this.delimiter!.charCodeAt(0);
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
            this.quotedColumn = this.cellCount + 1;
            i++;
            break;
          }
          this.state = 'unquoted';
        // falls through
        case 'unquoted': {
          const special = this.special!;
          special.lastIndex = i;
          const found = special.exec(text);
          const end = found ? found.index : text.length;
          this.field += text.slice(i, end);
          i = found ? this.separate(text, end, out) : end;
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
          if (c === delimiter || c === LF || c === CR) {
            i = this.separate(text, i, out);
            break;
          }
          if (this.tail !== undefined) {
            // A field over several lines followed by text: the quote that opened it is broken.
            text = this.restart(this.tail + text.slice(tailFrom), out);
            tailFrom = 0;
            i = 0;
            break;
          }
          this.problem ??= message('csv.text-after-quote', { column: columnName(this.cellCount + 1) });
          this.field += text[i];
          i++;
          break;
        }
      }
    }
    if (this.tail !== undefined) this.tail += text.slice(tailFrom);
    if (this.length + this.field.length > this.maxChars) {
      if (this.state === 'quoted' && this.tail !== undefined) return this.restart(this.tail, out);
      this.overflow();
    }
    if (this.discarding) {
      this.cells = [];
      this.field = '';
      this.length = 0;
    }
    return undefined;
  }

  private overflow(): void {
    this.problem = message('csv.row-too-long', { max: this.maxChars.toLocaleString('en') });
    this.discarding = true;
    this.cells = [];
  }

  /** Ends the record a broken quote opened in as a problem; returns the text to read again. */
  private restart(tail: string, out: SheetRecord[]): string {
    const again = this.tailAfterCr && tail.startsWith('\n') ? tail.slice(1) : tail;
    this.addCell();
    this.problem = message('csv.quote-not-closed', { column: columnName(this.quotedColumn) });
    this.state = 'start';
    this.emit(out);
    return again;
  }

  private addCell(): void {
    this.cellCount++;
    if (this.cellCount > this.maxCells) {
      this.problem ??= message('csv.too-many-cells', { max: this.maxCells.toLocaleString('en') });
      this.discarding = true;
      this.cells = [];
    }
    if (!this.discarding) {
      this.cells.push(this.field);
      this.length += this.field.length;
      if (this.length > this.maxChars) this.overflow();
    }
    this.field = '';
  }

  /** Handles the delimiter or line break at `at`; returns where reading goes on. */
  private separate(text: string, at: number, out: SheetRecord[]): number {
    const c = text.charCodeAt(at);
    this.addCell();
    this.state = 'start';
    this.tail = undefined;
    if (c !== LF && c !== CR) return at + 1;
    this.emit(out);
    if (c === CR) this.afterCr = true;
    return at + 1;
  }

  private emit(out: SheetRecord[]): void {
    this.row++;
    out.push(this.problem ? { row: this.row, cells: this.discarding ? [] : this.cells, problem: this.problem } : { row: this.row, cells: this.cells });
    this.cells = [];
    this.cellCount = 0;
    this.length = 0;
    this.problem = undefined;
    this.discarding = false;
    this.inRecord = false;
    this.tail = undefined;
  }

  end(out: SheetRecord[]): void {
    if (!this.delimiter) {
      this.setDelimiter(delimiterOf(this.firstLine));
      const text = this.firstLine;
      this.firstLine = '';
      this.push(text, out);
    }
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
      this.addCell();
      this.state = 'start';
      this.emit(out);
    }
  }
}

/** The records of a CSV or tab-separated stream, decoded by the one decoder. */
export async function* csvRecords(input: Readable, decoder: TextDecoderSniffer, splitter = new CsvSplitter()): AsyncGenerator<SheetRecord> {
  for await (const text of decodeStream(input, decoder)) {
    const out: SheetRecord[] = [];
    splitter.push(text, out);
    yield* out;
  }
  const out: SheetRecord[] = [];
  splitter.end(out);
  yield* out;
}

/** The records of a whole CSV text (a waiver file). */
export function csvTextRecords(text: string): SheetRecord[] {
  const splitter = new CsvSplitter();
  const out: SheetRecord[] = [];
  splitter.push(text, out);
  splitter.end(out);
  return out;
}
