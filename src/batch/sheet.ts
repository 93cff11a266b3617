import type { DiagnosticCode } from '../diagnostic.js';
import { facts, type FactDefinition } from '../record/facts.js';
import { vocabularies, type VocabularyName } from '../record/vocabulary.js';

/**
 * Flat sheets (CSV, spreadsheets): a header row names record fields, each later row is one
 * facility. A column is named by the field's path (`premises.buildingArea`) or its Chinese label
 * (建筑面积, optionally with a unit: 建筑面积（平方米）); equipment by `equipment.<code>` or the
 * item's label (听诊器) with the number of working units. Cells are read strictly: an empty cell
 * is an absent field; a number is digits (full-width digits are read as digits), never "80㎡" or
 * "八十"; yes/no is 是/否, 有/无, true/false, yes/no, 1/0; a list is codes or labels separated by
 * 、，,；; or spaces.
 */

export interface Column {
  /** As written in the header. */
  readonly header: string;
  /** The record path the column fills. */
  readonly path: readonly string[];
  readonly kind: 'number' | 'boolean' | 'code' | 'codes' | 'text';
  readonly vocabulary?: VocabularyName;
}

/**
 * Record fields that identify or locate a facility; not facts, but columns of a sheet. Each by
 * its path and Chinese labels; the first label is the one a template writes.
 */
export const identityColumns: Readonly<Record<string, { readonly label: { readonly zh: string; readonly en: string }; readonly names: readonly string[] }>> = {
  id: { label: { zh: '机构编码', en: 'facility id' }, names: ['机构编码', '编码', '编号'] },
  'region.province': { label: { zh: '省', en: 'province' }, names: ['省', '省份'] },
  'region.city': { label: { zh: '市', en: 'city' }, names: ['市', '地市'] },
  'region.county': { label: { zh: '县（市、区）', en: 'county' }, names: ['县（市、区）', '县', '县区', '县（区）'] },
};

const kinds: Record<FactDefinition['type'], Column['kind']> = {
  number: 'number',
  count: 'number',
  ratio: 'number',
  boolean: 'boolean',
  code: 'code',
  codes: 'codes',
  text: 'text',
};

/** Every column a sheet may have, by each name it may go by. */
const columnsByName: ReadonlyMap<string, Omit<Column, 'header'>> = (() => {
  const byName = new Map<string, Omit<Column, 'header'>>();
  const add = (names: string[], column: Omit<Column, 'header'>) => {
    for (const name of names) if (!byName.has(name)) byName.set(name, column);
  };
  for (const [path, { names }] of Object.entries(identityColumns)) add([path, ...names], { path: path.split('.'), kind: 'text' });
  for (const fact of facts.values()) {
    if (fact.derived) continue;
    add([fact.name, fact.label.zh], {
      path: fact.name.split('.'),
      kind: kinds[fact.type],
      ...(fact.vocabulary && { vocabulary: fact.vocabulary }),
    });
  }
  add(['equipment', '设备'], { path: ['equipment'], kind: 'codes', vocabulary: 'equipment' });
  for (const [code, term] of Object.entries(vocabularies.equipment)) {
    add([`equipment.${code}`, term.zh], { path: ['equipment', code], kind: 'number' });
  }
  return byName;
})();

/** A header cell without its unit: 建筑面积（平方米） → 建筑面积. */
const bare = (header: string) => header.trim().replace(/\s*[（(][^）)]*[）)]\s*$/, '');

/** Maps a header row to columns; throws naming every header it does not know. */
export function sheetColumns(header: readonly string[]): Column[] {
  const unknown: string[] = [];
  const columns = header.map((cell) => {
    const column = columnsByName.get(cell.trim()) ?? columnsByName.get(bare(cell));
    if (!column) unknown.push(cell);
    return { header: cell, ...column } as Column;
  });
  if (unknown.length > 0) {
    throw new SheetError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}: ` +
        'name a record field by its path (premises.buildingArea) or its Chinese label (建筑面积)',
    );
  }
  const seen = new Map<string, string>();
  for (const column of columns) {
    const key = column.path.join('.');
    if (seen.has(key)) throw new SheetError(`columns "${seen.get(key)}" and "${column.header}" both fill ${key}`);
    seen.set(key, column.header);
  }
  return columns;
}

export class SheetError extends Error {
  override name = 'SheetError';
  readonly code: DiagnosticCode = 'sheet-invalid';
}

/** A problem with one cell, named by its column. */
export interface CellProblem {
  readonly column: string;
  readonly message: string;
}

/**
 * Builds a record from one row's cells; problems name the column. A cell past the header's last
 * column is a problem when it is not empty (in a CSV, often a comma inside a cell not quoted):
 * its value would otherwise be lost.
 */
export function recordFromRow(
  cells: readonly string[],
  columns: readonly Column[],
): { record: Record<string, unknown>; problems: CellProblem[] } {
  const record: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  const extra = cells.findIndex((cell, i) => i >= columns.length && cell.trim() !== '');
  if (extra !== -1) {
    problems.push({
      column: `column ${columnName(extra + 1)}`,
      message:
        `${JSON.stringify(cells[extra]!.trim())} is past the last column of the header (${columnName(columns.length)}, ` +
        `${JSON.stringify(columns.at(-1)?.header ?? '')}); the row has ${cells.length} cells, the header ${columns.length}`,
    });
  }
  columns.forEach((column, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    const value = readCell(cell, column);
    if (value instanceof Problem) problems.push({ column: column.header, message: value.message });
    else if (column.path[0] === 'equipment' && column.path.length === 1) {
      for (const code of value as string[]) setPath(record, ['equipment', code], 1);
    } else setPath(record, column.path, value);
  });
  return { record, problems };
}

class Problem {
  constructor(readonly message: string) {}
}

/** Excel's name of a 1-based column: 1 → A, 27 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const fullWidth = /[０-９．－]/g;
const toHalfWidth = (s: string) => s.replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const yes = new Set(['是', '有', 'true', 'yes', 'y', '1', '√']);
const no = new Set(['否', '无', '無', 'false', 'no', 'n', '0', '×']);

function readCell(cell: string, column: Column): unknown {
  switch (column.kind) {
    case 'number': {
      const text = toHalfWidth(cell);
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : new Problem(`${JSON.stringify(cell)} is not a number`);
    }
    case 'boolean': {
      const text = cell.toLowerCase();
      if (yes.has(text)) return true;
      if (no.has(text)) return false;
      return new Problem(`${JSON.stringify(cell)} is not yes or no (是/否)`);
    }
    case 'code':
      return codeOf(cell, column.vocabulary!);
    case 'codes': {
      const codes = cell.split(/[、，,；;\s]+/).filter(Boolean).map((item) => codeOf(item, column.vocabulary!));
      return codes.find((c) => c instanceof Problem) ?? codes;
    }
    case 'text':
      return cell;
  }
}

function codeOf(item: string, vocabulary: VocabularyName): string | Problem {
  const terms = vocabularies[vocabulary] as Readonly<Record<string, { zh: string }>>;
  if (Object.hasOwn(terms, item)) return item;
  const byLabel = Object.entries(terms).find(([, term]) => term.zh === item);
  return byLabel ? byLabel[0] : new Problem(`${JSON.stringify(item)} is not a ${vocabulary} code or label`);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
