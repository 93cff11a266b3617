import type { ColumnMap } from './column-map.js';
import { matchHeader, namesField, suggestColumns } from './columns.js';
import { listEn, listZh, SheetError } from './messages.js';

/**
 * Where a sheet's header is. County sheets rarely start with it: a merged title row
 * (平顺县2026年村卫生室标准化建设情况统计表), a line saying who filled it in, empty rows, and
 * often a two-row header (人员情况 merged over 在岗人员 and 卫生技术人员) come first. The header
 * is the first of the top `headerSearchRows` rows that names at least two record fields
 * (序号 and 备注 do not count). A row with one distinct text (a merged title, which a reader may
 * give in its first cell or in every cell of the merge) is a title; other rows above the header
 * are skipped and said so.
 *
 * A row is the top of a two-row header when, combined with the row under it, more columns name
 * fields than in it alone, and it names some itself or the combination names more than the row
 * under it alone. Combined, each column is named `parent/child`; the parent is carried across the
 * empty cells of its merge (the cells right of a parent whose own column has a child), and a
 * cell merged down both rows (empty, or repeated, below) keeps its one name. A top row that
 * names no field and adds nothing to the row under it (填报单位：…  填报日期：…, or group
 * headings whose children name the fields alone) is skipped instead.
 */
export interface HeaderFound {
  /** 1-based sheet row of the header (the last row of a two-row header). Data rows follow it. */
  readonly row: number;
  /** One name per column, as the columns will be mapped. */
  readonly header: readonly string[];
  /** What was skipped or combined, for the summary: zh and en. */
  readonly notes: readonly { readonly code: string; readonly zh: string; readonly en: string }[];
}

/** How many rows from the top a header is looked for in. */
export const headerSearchRows = 20;

/** A text as a note quotes it: on one line, at most 40 characters. */
const quote = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
};

const trimEnd = (names: string[]) => {
  while (names.length > 0 && names.at(-1) === '') names.pop();
  return names;
};

/** The cells of one header row. */
const single = (row: readonly string[]) => trimEnd(row.map((cell) => cell.trim()));

/** Two header rows as one: `parent/child` per column (see `HeaderFound`). */
export function combineHeaderRows(top: readonly string[], bottom: readonly string[]): string[] {
  const names: string[] = [];
  let carried = '';
  for (let c = 0; c < Math.max(top.length, bottom.length); c++) {
    const parent = (top[c] ?? '').trim();
    const child = (bottom[c] ?? '').trim();
    if (parent !== '') carried = child !== '' && child !== parent ? parent : '';
    else if (child === '') carried = '';
    const over = parent !== '' ? parent : child !== '' ? carried : '';
    names.push(over === '' ? child : child === '' || child === over ? over : `${over}/${child}`);
  }
  return trimEnd(names);
}

/** The header among the first rows of a sheet (cell texts, merged cells' value in the first cell). */
export function findHeader(rows: readonly (readonly string[])[], options: { readonly map?: ColumnMap } = {}): HeaderFound {
  const { map } = options;
  const known = (names: readonly string[]) => names.filter((name) => name !== '' && namesField(name, map)).length;
  const notes: { code: string; zh: string; en: string; values?: Record<string, unknown> }[] = [];
  const searched = Math.min(rows.length, headerSearchRows);
  for (let i = 0; i < searched; i++) {
    const row = i + 1;
    const cells = single(rows[i]!);
    const distinct = [...new Set(cells.filter((cell) => cell !== ''))];
    if (distinct.length === 0) {
      notes.push({ code: 'header.empty-row', zh: `第${row}行为空行，已跳过`, en: `row ${row} is empty, skipped`, values: { row } });
      continue;
    }
    if (distinct.length === 1) {
      notes.push({
        code: 'header.title',
        zh: `第${row}行为表头标题，已跳过（“${quote(distinct[0]!)}”）`,
        en: `row ${row} is a title, skipped ("${quote(distinct[0]!)}")`,
        values: { row, text: distinct[0] },
      });
      continue;
    }
    const alone = known(cells);
    const below = i + 1 < searched ? rows[i + 1]! : undefined;
    if (below) {
      const combined = combineHeaderRows(rows[i]!, below);
      const both = known(combined);
      const under = known(single(below));
      if (both >= 2 && both > alone && (alone > 0 || both > under)) {
        const joined = combined.filter((name, c) => name.includes('/') && name !== (rows[i]![c] ?? '').trim() && name !== (below[c] ?? '').trim());
        notes.push({
          code: 'header.two-rows',
          zh: `第${row}、${row + 1}行为两行表头，已合并为一行${joined.length ? `：${listZh(joined.slice(0, 6))}${joined.length > 6 ? ' 等' : ''}` : ''}`,
          en: `rows ${row} and ${row + 1} are a two-row header, combined${joined.length ? `: ${listEn(joined.slice(0, 6))}${joined.length > 6 ? ' …' : ''}` : ''}`,
          values: { rows: [row, row + 1], combined: joined },
        });
        return { row: row + 1, header: combined, notes };
      }
    }
    if (alone >= 2) return { row, header: cells, notes };
    notes.push({
      code: 'header.skipped-row',
      zh: `第${row}行不是表头，已跳过（${listZh(distinct.slice(0, 3).map(quote))}${distinct.length > 3 ? ' 等' : ''}）`,
      en: `row ${row} is not the header, skipped (${listEn(distinct.slice(0, 3).map(quote))}${distinct.length > 3 ? ' …' : ''})`,
      values: { row, cells: distinct },
    });
  }
  throw notFound(rows.slice(0, searched), map);
}

/** Why no header was found: what the first row with text holds, and the names nearest its cells. */
function notFound(rows: readonly (readonly string[])[], map: ColumnMap | undefined): SheetError {
  const first = rows.findIndex((row) => new Set(row.map((c) => c.trim()).filter(Boolean)).size > 1);
  const rule = {
    zh: `前${headerSearchRows}行中没有表头：表头是至少有两列已知列名（如 机构名称、建筑面积）的一行`,
    en: `no header in the first ${headerSearchRows} rows: the header is a row naming at least two known columns (such as 机构名称, 建筑面积)`,
  };
  if (first === -1) return new SheetError({ code: 'header.not-found', ...rule });
  const cells = [...new Set(rows[first]!.map((c) => c.trim()).filter(Boolean))].filter((c) => matchHeader(c, map).kind !== 'ignored');
  const described = cells.slice(0, 8).map((cell) => ({ cell: quote(cell), near: suggestColumns(cell) }));
  const zh = described.map(({ cell, near }) => `“${cell}”${near.length ? `（是否指${listZh(near)}？）` : ''}`).join('、');
  const en = described.map(({ cell, near }) => `${JSON.stringify(cell)}${near.length ? ` (did you mean ${listEn(near)}?)` : ''}`).join(', ');
  return new SheetError({
    code: 'header.not-found',
    zh: `${rule.zh}；第${first + 1}行是：${zh}`,
    en: `${rule.en}; row ${first + 1} has unknown column${described.length > 1 ? 's' : ''} ${en}`,
  });
}
