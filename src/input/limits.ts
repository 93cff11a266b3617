import { message, type Message } from '../diagnostics/messages.js';

// Every limit on what the input readers accept, in one place. Each is checked before the work it
// bounds: a file over a size limit is refused before it is parsed, a row over a per-row limit
// becomes an error row and the rows after it are still read.

export const limits = {
  /** Bytes of a file read whole: a YAML or JSON list of records, a record, rule or waiver file (four bytes for each of yamlChars). */
  wholeFileBytes: 16 * 1024 * 1024,
  /** Characters of a YAML or JSON file, checked before it is parsed. */
  yamlChars: 4_000_000,
  /** Characters of one NDJSON line; a longer line is an error row. */
  lineChars: 1024 * 1024,
  /** Characters of one CSV record (all its cells); a longer record is an error row. */
  recordChars: 1024 * 1024,
  /** Cells of one sheet row (CSV or xlsx); a row with more is an error row. */
  cells: 2000,
  /** Elements of any list in an NDJSON record; a record with a longer list is an error row. */
  listLength: 1000,
  /** Nesting depth of an NDJSON record's objects and lists; deeper is an error row. */
  depth: 32,
  /** Characters of one header cell (a column name). */
  headerCellChars: 200,
  /** Bytes of an .xlsx file (compressed). */
  xlsxBytes: 128 * 1024 * 1024,
  /** Bytes of all the parts of an .xlsx workbook, uncompressed (checked in the zip's directory, then while inflating). */
  xlsxUncompressedBytes: 256 * 1024 * 1024,
  /** Parts (zip entries) of an .xlsx workbook. */
  xlsxEntries: 10_000,
  /** The highest row number of a worksheet (Excel's own limit). */
  xlsxRows: 1_048_576,
  /** Merged ranges in one worksheet. */
  xlsxMergedRanges: 100_000,
  /** Characters of a name (a column, a code, an id) echoed in a message or matched for "did you mean". */
  nameChars: 80,
  /** Depth of an `extends` chain of standards. */
  extendsDepth: 32,
  /**
   * Facilities a report (`batch --report`, `check --format markdown|html`) lists with all their
   * requirements: a county's, not a province's (3,000 take ≈ 200 MB as JSON). Checked as the
   * facilities come, before the report is built.
   */
  reportFacilities: 3000,
} as const;

export type LimitName = keyof typeof limits;

/** A name cut to `limits.nameChars` characters, with an ellipsis when cut: for messages and suggestions. */
export function clip(name: string, max: number = limits.nameChars): string {
  return name.length <= max ? name : `${name.slice(0, max)}…`;
}

/**
 * Why a parsed NDJSON record is over limits.listLength or limits.depth, or undefined. The walk
 * stops at the first problem, so it is bounded by the line's size.
 */
export function shapeProblem(value: unknown, depth = 1): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > limits.depth) return message('row.too-deep', { max: limits.depth });
  const items = Array.isArray(value) ? value : Object.values(value);
  if (items.length > limits.listLength) {
    return message('row.list-too-long', { count: items.length.toLocaleString('en'), max: limits.listLength.toLocaleString('en') });
  }
  for (const item of items) {
    const problem = shapeProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
