import { vocabularies, vocabularyNames, yesNoWords, type Term, type VocabularyName } from '../record/vocabulary.js';
import { editDistance } from '../suggest.js';
import { columnName, type Column } from './columns.js';
import { listEn, listZh } from './messages.js';

/**
 * Cells as assessors fill them in. An empty cell is an absent field (so `unknown`, never a pass
 * or a gap). Text is compared after NFKC (full-width digits, letters, commas as half-width).
 * - A number is digits with an optional decimal point, thousands separated by commas (1,200),
 *   and optionally the column's own unit after it (80㎡, 80 平方米, 3人, 2台); anything else
 *   (约80, 80-90, 八十, 80人 in an area column) is a problem naming the column.
 * - Yes/no is one of `yesNoWords` (是/否, 有/无, √/×, ✓/✗, 对/错, Y/N, 1/0, 具备/不具备, 没有).
 * - A code is a code, a Chinese label or a synonym of the vocabulary; a list splits on 、，,;；/
 *   and spaces, and every item not known is reported at once, with the allowed values (short
 *   vocabularies) or the nearest ones.
 * - The facility id in scientific notation (1.40425E+11, what Excel makes of a 12-digit code in
 *   a CSV) is a problem: its digits are lost.
 * Limits: a cell is read up to `maxCellLength` characters, a list up to `maxListItems` items.
 */

/** A problem with one cell, named by its column; `message` is the English, `zh` the Chinese. */
export interface CellProblem {
  readonly column: string;
  readonly message: string;
  readonly code?: string;
  readonly zh?: string;
  readonly values?: Readonly<Record<string, unknown>>;
}

export const maxCellLength = 2000;
export const maxListItems = 200;

/** What is wrong with a cell, in both languages. */
export class CellIssue {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly values: Readonly<Record<string, unknown>> = {},
  ) {}
}

const totalWords = new Set(['合计', '总计', '小计', '共计', '总合计']);
/** Longer cells are not compared with the total words: 合 计 with spaces is still short. */
const longestTotalWord = 8;
const totalStart = /^\s*[合总小共]/u;

/**
 * Builds a record from one row's cells; problems name the column. A cell past the header's last
 * column is a problem when it is not empty (in a CSV, often a comma inside a cell not quoted):
 * its value would otherwise be lost. So is a total row (合计), a row holding one text in every
 * cell (a merged signature line under the table) and a row whose cells fill no field: none is a
 * facility.
 */
export function recordFromRow(
  cells: readonly string[],
  columns: readonly Column[],
): { record: Record<string, unknown>; problems: CellProblem[] } {
  const record: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  const add = (column: string, problem: CellIssue) =>
    problems.push({ column, message: problem.en, code: problem.code, zh: problem.zh, ...(Object.keys(problem.values).length && { values: problem.values }) });

  const total = cells.find((cell) => cell.length <= longestTotalWord && totalStart.test(cell) && totalWords.has(cell.normalize('NFKC').replace(/\s+/g, '')));
  if (total !== undefined) {
    add(
      'row',
      new CellIssue('row.total', `这是合计行（“${total.trim()}”），不是一个机构：请删去该行`, `a total row ("${total.trim()}"), not a facility: delete the row`),
    );
    return { record, problems };
  }

  if (oneTextRepeated(cells)) {
    const text = cells.find((cell) => cell.trim() !== '')!.trim();
    add(
      'row',
      new CellIssue(
        'row.merged',
        `该行每格都是同一段文字（“${text}”，多为合并单元格），不是一个机构：请删去该行`,
        `every cell of the row holds the same text ("${text}", most likely a merged cell), not a facility: delete the row`,
      ),
    );
    return { record, problems };
  }

  const extra = cells.findIndex((cell, i) => i >= columns.length && cell.trim() !== '');
  if (extra !== -1) {
    const last = `${columnName(columns.length)}, ${JSON.stringify(columns.at(-1)?.header ?? '')}`;
    add(
      `column ${columnName(extra + 1)}`,
      new CellIssue(
        'cell.past-header',
        `“${cells[extra]!.trim()}”在表头最后一列（${columnName(columns.length)}列“${columns.at(-1)?.header ?? ''}”）之后；该行有 ${cells.length} 格，表头 ${columns.length} 列`,
        `${JSON.stringify(cells[extra]!.trim())} is past the last column of the header (${last}); the row has ${cells.length} cells, the header ${columns.length}`,
      ),
    );
  }
  let read = 0;
  columns.forEach((column, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '' || column.skip) return;
    read++;
    const value = readCell(cell, column);
    if (value instanceof CellIssue) add(column.header, value);
    else if (column.path[0] === 'equipment' && column.path.length === 1) {
      for (const code of value as string[]) setPath(record, ['equipment', code], 1);
    } else setPath(record, column.path, value);
  });
  if (read === 0 && problems.length === 0 && cells.some((cell) => cell.trim() !== '')) {
    const first = cells.find((cell) => cell.trim() !== '')!.trim();
    add(
      'row',
      new CellIssue(
        'row.no-field',
        `该行没有一格填在读取的列中（只有“${first}”等），不是一个机构：请填写或删去该行`,
        `no cell of this row is in a column that is read (only "${first}" …): not a facility; fill it in or delete the row`,
      ),
    );
  }
  return { record, problems };
}

/** Whether the row's non-empty cells, two or more, all hold the same text. */
function oneTextRepeated(cells: readonly string[]): boolean {
  let first: string | undefined;
  let count = 0;
  for (const cell of cells) {
    if (cell === '') continue;
    const text = cell.trim();
    if (text === '') continue;
    if (first === undefined) first = text;
    else if (text !== first) return false;
    count++;
  }
  return count > 1;
}

const scientific = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/** A cell's value for its column, or the problem with it. */
function readCell(cell: string, column: Column): unknown {
  if (cell.length > maxCellLength) {
    return new CellIssue('cell.too-long', `该格有 ${cell.length} 个字符，最多读 ${maxCellLength} 个`, `the cell has ${cell.length} characters; at most ${maxCellLength} are read`);
  }
  switch (column.kind) {
    case 'number':
      return readNumber(cell, column.units ?? []);
    case 'boolean':
      return readYesNo(cell);
    case 'code': {
      const code = codeOf(cell, column.vocabulary!);
      return code ?? badItems([cell], column.vocabulary!);
    }
    case 'codes':
      return readCodes(cell, column.vocabulary!);
    case 'text':
      if (column.path.length === 1 && column.path[0] === 'id' && scientific.test(cell.normalize('NFKC'))) {
        return new CellIssue(
          'cell.id-scientific',
          `“${cell}”是科学计数法：机构编码的原始数字已丢失（Excel 打开或保存 CSV 时把编码当成了数字）。请在 Excel 中先把这一列的单元格格式设为“文本”，再录入或粘贴编码后导出，或把表另存为 .xlsx`,
          `"${cell}" is in scientific notation: the id's original digits are lost (Excel turned the code into a number when the CSV was opened or saved). ` +
            'In Excel, set the column\'s cell format to Text (文本) before entering or pasting the codes, then export again, or save the sheet as .xlsx',
          { value: cell },
        );
      }
      return cell;
  }
}

/** Digits, an optional decimal part, thousands by commas, and optionally the column's unit. */
export function readNumber(cell: string, units: readonly string[]): number | CellIssue {
  let text = cell.normalize('NFKC').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  for (const unit of unitsToStrip(units)) {
    if (text.length > unit.length && text.toLowerCase().endsWith(unit.toLowerCase())) {
      text = text.slice(0, -unit.length).trimEnd();
      break;
    }
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const unitZh = units.length ? `，可带单位 ${units.join('、')}` : '';
  const unitEn = units.length ? `, optionally followed by ${units.join(', ')}` : '';
  return new CellIssue('cell.not-number', `“${cell}”不是数字：只填数字${unitZh}`, `${JSON.stringify(cell)} is not a number`, { value: cell, hint: `digits only${unitEn}` });
}

const stripping = new WeakMap<readonly string[], readonly string[]>();
/** A column's units as a cell is compared with them: NFKC, longest first (次/周 before 次). */
function unitsToStrip(units: readonly string[]): readonly string[] {
  let found = stripping.get(units);
  if (!found) {
    found = units.map((u) => u.normalize('NFKC')).sort((a, b) => b.length - a.length);
    stripping.set(units, found);
  }
  return found;
}

const yes = new Set(yesNoWords.yes.map((w) => w.normalize('NFKC').toLowerCase()));
const no = new Set(yesNoWords.no.map((w) => w.normalize('NFKC').toLowerCase()));

export function readYesNo(cell: string): boolean | CellIssue {
  if (yes.has(cell)) return true;
  if (no.has(cell)) return false;
  const text = cell.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (yes.has(text)) return true;
  if (no.has(text)) return false;
  return new CellIssue(
    'cell.not-yes-no',
    `“${cell}”不是“是”或“否”：可填 ${yesNoWords.yes.slice(0, 5).join('、')} 或 ${yesNoWords.no.slice(0, 5).join('、')}`,
    `${JSON.stringify(cell)} is not yes or no (是/否)`,
    { value: cell },
  );
}

const itemKey = (item: string) => item.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Each vocabulary by the keys of its codes, labels and synonyms. */
const termIndex = new Map<VocabularyName, Map<string, string>>();
function indexOf(vocabulary: VocabularyName): Map<string, string> {
  let index = termIndex.get(vocabulary);
  if (!index) {
    index = new Map();
    const entries = Object.entries(vocabularies[vocabulary] as Readonly<Record<string, Term>>);
    for (const [code, term] of entries) for (const name of [code, term.zh]) if (!index.has(itemKey(name))) index.set(itemKey(name), code);
    for (const [code, term] of entries) for (const name of term.synonyms ?? []) if (!index.has(itemKey(name))) index.set(itemKey(name), code);
    termIndex.set(vocabulary, index);
  }
  return index;
}

export function codeOf(item: string, vocabulary: VocabularyName): string | undefined {
  const index = indexOf(vocabulary);
  return index.get(item) ?? index.get(itemKey(item));
}

/** Separators of a list cell, after NFKC: 、，,;；/ and whitespace. */
const separators = /[、,;/\s]+/u;

function readCodes(cell: string, vocabulary: VocabularyName): string[] | CellIssue {
  const items = cell.normalize('NFKC').split(separators).filter(Boolean);
  if (items.length > maxListItems) {
    return new CellIssue('cell.too-many-items', `该格有 ${items.length} 项，最多读 ${maxListItems} 项`, `the cell lists ${items.length} items; at most ${maxListItems} are read`);
  }
  const codes: string[] = [];
  const bad: string[] = [];
  for (const item of items) {
    const code = codeOf(item, vocabulary);
    if (code === undefined) bad.push(item);
    else if (!codes.includes(code)) codes.push(code);
  }
  return bad.length > 0 ? badItems(bad, vocabulary) : codes;
}

/** Vocabularies this small have their values listed in full when a cell has one wrong. */
const listedInFull = 12;

/** Every item of a cell not in the vocabulary, with the allowed values or the nearest ones. */
function badItems(items: readonly string[], vocabulary: VocabularyName): CellIssue {
  const terms = Object.entries(vocabularies[vocabulary] as Readonly<Record<string, Term>>);
  const name = vocabularyNames[vocabulary];
  const small = terms.length <= listedInFull;
  const nearest = (item: string) => nearestLabels(item, terms);
  const what = items.length > 1 ? `are not codes or labels of ${name.en}` : `is not a code or label of ${name.en}`;
  let zh = `${listZh(items)}不是${name.zh}的代码或名称`;
  let en = `${listEn(items)} ${what}`;
  if (small) {
    zh += `；可填：${terms.map(([, t]) => t.zh).join('、')}`;
    en += `; allowed: ${terms.map(([code, t]) => `${t.zh} (${code})`).join(', ')}`;
  } else {
    const near = items.map((item) => [item, nearest(item)] as const);
    zh += `；${near.map(([item, labels]) => (labels.length ? `“${item}”最接近：${labels.join('、')}` : `“${item}”没有相近的名称`)).join('；')}`;
    en += `; ${near.map(([item, labels]) => (labels.length ? `nearest to "${item}": ${labels.join(', ')}` : `nothing near "${item}"`)).join('; ')}`;
  }
  return new CellIssue('cell.not-code', zh, en, {
    items,
    vocabulary,
    ...(small ? { allowed: terms.map(([code]) => code) } : { nearest: Object.fromEntries(items.map((item) => [item, nearest(item)])) }),
  });
}

/** The labels nearest an item (at most three): a few edits away, or containing it, or contained in it. */
function nearestLabels(item: string, terms: readonly (readonly [string, Term])[]): string[] {
  const key = itemKey(item);
  const scored: [string, number][] = [];
  for (const [, term] of terms) {
    let best = Infinity;
    for (const name of [term.zh, ...(term.synonyms ?? [])]) {
      const candidate = itemKey(name);
      const distance = editDistance(key, candidate);
      const contains = Math.min(key.length, candidate.length) >= 1 && (candidate.includes(key) || key.includes(candidate));
      const limit = Math.max(1, Math.floor(key.length / 2));
      if (distance <= limit || contains) best = Math.min(best, contains ? Math.min(distance, limit) : distance);
    }
    if (best < Infinity) scored.push([term.zh, best]);
  }
  return scored.sort((a, b) => a[1] - b[1]).slice(0, 3).map(([label]) => label);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
