import { facts } from '../record/facts.js';
import { editDistance } from '../suggest.js';
import { vocabularies, type Term, type VocabularyName } from '../record/vocabulary.js';
import type { LocalizedText } from '../text.js';
import type { ColumnMap } from './column-map.js';
import { listEn, listZh, SheetError, type SheetNote } from './messages.js';

/**
 * Sheet columns: which record field each header names. A header names a field by its record
 * path (`premises.buildingArea`), its Chinese label (建筑面积), one of the synonyms assessors write
 * (房屋面积, curated with the labels in `record/facts.ts` and `record/vocabulary.ts`), or by a
 * county's column map (`loadColumnMap`). Headers are compared after NFKC (full-width letters,
 * digits and brackets as half-width), without whitespace or line breaks (an Alt+Enter-wrapped
 * 机构\n名称 is 机构名称), in lower case, and without a leading * (a required-field mark); a unit
 * in brackets at the end (建筑面积（平方米）) is not part of the name, but a unit that is not the
 * field's (建筑面积（亩）) keeps the column from being read. A two-row header's column is named
 * `parent/child` (人员情况/在岗人员): the whole, then the child, then parent and child run together
 * name it.
 *
 * Columns that are plainly not data (序号, 备注, 填表人 …: `notDataColumns`) are ignored, and any
 * other column not known is listed with the nearest names and not read: the fields it would
 * have given stay absent, so the requirements needing them are `unknown`. With `strictColumns`
 * both refuse the sheet instead. Limits: `maxColumns` columns; a header cell is matched on its
 * first `maxHeaderLength` characters only for suggestions.
 */

export interface Column {
  /** As written in the header (a two-row header's as parent/child). */
  readonly header: string;
  /** The record path the column fills; empty for a column not read. */
  readonly path: readonly string[];
  readonly kind: 'number' | 'boolean' | 'code' | 'codes' | 'text';
  readonly vocabulary?: VocabularyName;
  /** For numbers: the ways the column's unit is written after a number (㎡, 平方米; 台 for equipment). */
  readonly units?: readonly string[];
  /** A column not read: plainly not data (序号), or not known. */
  readonly skip?: 'not-data' | 'unknown';
}

export interface ColumnOptions {
  /** Refuse a sheet with any column that does not fill a record field (序号 and 备注 too). */
  readonly strictColumns?: boolean;
  /** A county's own headers, read before the built-in names. */
  readonly map?: ColumnMap;
}

/** The most columns a header may have. */
export const maxColumns = 1000;
/** Header cells longer than this are not compared with the known names for suggestions. */
export const maxHeaderLength = 100;

/**
 * Record fields that identify or locate a facility; not facts, but columns of a sheet. Each with
 * its label (what a template writes) and the synonyms a sheet may use.
 */
export const identityColumns: Readonly<Record<string, { readonly label: LocalizedText; readonly synonyms: readonly string[] }>> = {
  id: { label: { zh: '机构编码', en: 'facility id' }, synonyms: ['编码', '编号', '机构代码', '机构编号', '医疗机构编码'] },
  'region.province': { label: { zh: '省', en: 'province' }, synonyms: ['省份'] },
  'region.city': { label: { zh: '市', en: 'city' }, synonyms: ['地市', '市（州）'] },
  'region.county': { label: { zh: '县（市、区）', en: 'county' }, synonyms: ['县', '县区', '县（区）', '县（市）', '区县'] },
};

/**
 * Headers of columns that are plainly not data a standard reads: row numbers, remarks, who filled
 * the sheet in and when. Ignored (and said so) rather than refused.
 */
export const notDataColumns: readonly string[] = [
  '序号', '排序', '行号', 'no', 'no.', '备注', '说明', '附注', '其他说明',
  '填表人', '填报人', '填表日期', '填报日期', '日期', '审核人', '审核日期', '审核', '核查人', '统计人', '制表人',
  '联系人', '联系电话', '电话号码', '手机', '手机号', '手机号码', '负责人', '负责人姓名', '村医姓名', '姓名', '签字', '签名', '盖章',
];

/** How a count of equipment units is written after the number. */
const equipmentUnits = ['台', '个', '件', '套', '辆', '把', '张'];
/** Units a header's brackets may name that are not any field's: a column in them is not read as a field in another unit. */
const otherUnits = ['亩', '元', '万元', '米', '公里', '千米', '小时', '天', '岁', '年', '%', '间'];
/** Bracketed words that say a column is a count, not a unit of its own. */
const countWords = ['数量', '个数', '数', '台数', '件数', '台（件）', '台/件'];

/** What a column fills. */
export interface Target {
  readonly path: string;
  readonly kind: Column['kind'];
  readonly label: LocalizedText;
  readonly vocabulary?: VocabularyName;
  readonly units?: readonly string[];
}

const kinds = { number: 'number', count: 'number', ratio: 'number', boolean: 'boolean', code: 'code', codes: 'codes', text: 'text' } as const;

/** A header as it is compared: NFKC, no whitespace, no leading *, lower case. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\uFEFF]+/gu, '').replace(/^[*★☆]+/u, '').toLowerCase();
}

const bracketed = /[([【]([^()[\]【】]*)[)\]】]$/u;

/** A header key without a bracketed part at its end, and that part: 建筑面积(平方米) → 建筑面积, 平方米. */
function splitBracket(key: string): { bare: string; inside: string } | undefined {
  const found = bracketed.exec(key);
  if (!found || found.index === 0) return undefined;
  return { bare: key.slice(0, found.index), inside: found[1]! };
}

interface Named {
  readonly target: Target;
  /** Whether the name is a synonym, not the path or the label. */
  readonly synonym: boolean;
}

/** Every column a sheet may have, by the key of each name it may go by. */
const byKey: ReadonlyMap<string, Named> = (() => {
  const map = new Map<string, Named>();
  const add = (names: readonly string[], target: Target, synonym: boolean) => {
    for (const name of names) {
      const key = headerKey(name);
      if (!map.has(key)) map.set(key, { target, synonym });
    }
  };
  const adding: [readonly string[], readonly string[], Target][] = [];
  for (const [path, { label, synonyms }] of Object.entries(identityColumns)) adding.push([[path, label.zh, label.en], synonyms, { path, kind: 'text', label }]);
  for (const fact of facts.values()) {
    if (fact.derived) continue;
    const target: Target = {
      path: fact.name,
      kind: kinds[fact.type],
      label: fact.label,
      ...(fact.vocabulary && { vocabulary: fact.vocabulary }),
      ...(fact.unit && { units: fact.unit.written }),
    };
    adding.push([[fact.name, fact.label.zh, fact.label.en], fact.synonyms ?? [], target]);
  }
  adding.push([['equipment', '设备'], [], { path: 'equipment', kind: 'codes', vocabulary: 'equipment', label: { zh: '设备', en: 'equipment' } }]);
  for (const [code, term] of Object.entries(vocabularies.equipment as Readonly<Record<string, Term>>)) {
    const target: Target = { path: `equipment.${code}`, kind: 'number', label: { zh: term.zh, en: term.en }, units: equipmentUnits };
    adding.push([[`equipment.${code}`, term.zh, term.en], term.synonyms ?? [], target]);
  }
  // Paths and labels first, then synonyms: a synonym never shadows another field's label.
  for (const [names, , target] of adding) add(names, target, false);
  for (const [, synonyms, target] of adding) add(synonyms, target, true);
  return map;
})();

const notData = new Set(notDataColumns.map(headerKey));
const unitKeys = new Set([...[...facts.values()].flatMap((f) => f.unit?.written ?? []), ...equipmentUnits, ...otherUnits].map(headerKey));
const countKeys = new Set(countWords.map(headerKey));

/** What a header names. */
export type HeaderMatch =
  | { readonly kind: 'field'; readonly target: Target; readonly via: 'name' | 'synonym' | 'map'; readonly unused?: string }
  | { readonly kind: 'ignored'; readonly via: 'not-data' | 'map' }
  | { readonly kind: 'unit-mismatch'; readonly target: Target; readonly unit: string }
  | { readonly kind: 'unknown' };

/** A header key by itself: the map, the names, then without its bracketed end. */
function matchKey(key: string, map: ColumnMap | undefined): HeaderMatch | undefined {
  const mapped = map?.entries.get(key);
  const named = byKey.get(key);
  // A map entry that says what the name says already (a template's map) is not news.
  if (mapped && !(named && mapped.target?.path === named.target.path)) {
    return mapped.target ? { kind: 'field', target: mapped.target, via: 'map' } : { kind: 'ignored', via: 'map' };
  }
  if (named) return { kind: 'field', target: named.target, via: named.synonym ? 'synonym' : 'name' };
  if (notData.has(key)) return { kind: 'ignored', via: 'not-data' };
  const split = splitBracket(key);
  if (!split) return undefined;
  const inner = matchKey(split.bare, map);
  if (!inner || inner.kind !== 'field') return inner;
  const { target } = inner;
  const inside = split.inside;
  if (target.units?.some((unit) => headerKey(unit) === inside) || (target.kind === 'number' && countKeys.has(inside))) return inner;
  if (unitKeys.has(inside)) return target.kind === 'number' ? { kind: 'unit-mismatch', target, unit: inside } : { ...inner, unused: inside };
  return { ...inner, unused: inside };
}

/** What a header cell names; a two-row header's `parent/child` by the whole, the child, or both run together. */
export function matchHeader(header: string, map?: ColumnMap): HeaderMatch {
  const key = headerKey(header);
  const whole = matchKey(key, map);
  if (whole) return whole;
  const slash = key.lastIndexOf('/');
  if (slash > 0 && slash < key.length - 1) {
    const child = key.slice(slash + 1);
    const parent = key.slice(0, slash);
    return matchKey(child, map) ?? matchKey(parent + child, map) ?? { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** Whether a header cell names a record field (what header detection counts). */
export function namesField(header: string, map?: ColumnMap): boolean {
  return matchHeader(header, map).kind === 'field';
}

/** The target a name (path, label or synonym) stands for: what a column map's value may be. */
export function targetNamed(name: string): Target | undefined {
  return byKey.get(headerKey(name))?.target;
}

/**
 * The known columns nearest a header that is not one, as their labels (at most three): names
 * within a few edits of it, or containing it, or contained in it.
 */
export function suggestColumns(header: string): string[] {
  const key = headerKey(header);
  if (key === '' || key.length > maxHeaderLength) return [];
  const slash = key.lastIndexOf('/');
  const probes = slash > 0 ? [key, key.slice(slash + 1)] : [key];
  for (const probe of [...probes]) {
    const bare = splitBracket(probe)?.bare;
    if (bare) probes.push(bare);
  }
  const scored = new Map<string, number>();
  for (const [name, { target }] of byKey) {
    for (const probe of probes) {
      const ascii = /^[\x00-\x7f]+$/.test(probe);
      if (ascii !== /^[\x00-\x7f]+$/.test(name)) continue;
      const limit = Math.max(1, Math.floor(probe.length / 3));
      const distance = editDistance(probe, name);
      const contains = Math.min(probe.length, name.length) >= 2 && (name.includes(probe) || probe.includes(name));
      if (distance > limit && !contains) continue;
      const score = contains ? Math.min(distance, limit) : distance;
      const label = target.label.zh;
      scored.set(label, Math.min(scored.get(label) ?? Infinity, score));
    }
  }
  return [...scored].sort((a, b) => a[1] - b[1]).slice(0, 3).map(([label]) => label);
}

/** Excel's name of a 1-based column: 1 → A, 27 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A header's columns and what was noted mapping them. */
export interface SheetColumns {
  readonly columns: Column[];
  readonly notes: SheetNote[];
}

/**
 * Maps a header row to columns, one per cell, with notes on the columns read by a synonym or
 * the map, ignored, or not known. Throws SheetError when no column fills a field, when two
 * columns fill the same field, and (with `strictColumns`) for any column not read.
 */
export function mapColumns(header: readonly string[], options: ColumnOptions = {}): SheetColumns {
  if (header.length > maxColumns) {
    throw new SheetError({
      code: 'columns.too-many',
      zh: `表头有 ${header.length} 列，最多读 ${maxColumns} 列`,
      en: `the header has ${header.length} columns; at most ${maxColumns} are read`,
    });
  }
  const { map } = options;
  const columns: Column[] = [];
  const synonyms: string[][] = [];
  const mapped: string[][] = [];
  const ignored: string[][] = [];
  const notes: SheetNote[] = [];
  const unknown: { header: string; letter: string; suggestions: string[] }[] = [];
  header.forEach((cell, i) => {
    const letter = columnName(i + 1);
    const shown = cell.replace(/\s+/g, ' ').trim();
    const match = cell.trim() === '' ? ({ kind: 'unknown' } as const) : matchHeader(cell, map);
    switch (match.kind) {
      case 'field': {
        const { target } = match;
        columns.push({
          header: cell,
          path: target.path.split('.'),
          kind: target.kind,
          ...(target.vocabulary && { vocabulary: target.vocabulary }),
          ...(target.units && { units: target.units }),
        });
        if (match.via === 'synonym') synonyms.push([shown, target.label.zh, target.label.en, target.path]);
        if (match.via === 'map') mapped.push([shown, target.label.zh, target.label.en, target.path]);
        if (match.unused !== undefined) {
          notes.push({
            code: 'column.assumed',
            zh: `第${letter}列“${shown}”按“${target.label.zh}”读取，括号中的“${match.unused}”未采用`,
            en: `column ${letter} "${shown}" is read as ${target.label.en} (${target.path}); "${match.unused}" in its brackets is not used`,
            values: { column: letter, header: cell, path: target.path, unused: match.unused },
          });
        }
        return;
      }
      case 'ignored':
        columns.push({ header: cell, path: [], kind: 'text', skip: 'not-data' });
        ignored.push([shown, letter]);
        return;
      case 'unit-mismatch': {
        columns.push({ header: cell, path: [], kind: 'text', skip: 'unknown' });
        const unit = match.target.units?.[0] ?? '';
        notes.push({
          code: 'column.unit-mismatch',
          zh: `第${letter}列“${shown}”的单位“${match.unit}”不是${match.target.label.zh}的单位（${unit}），未读取，其数据按未知处理`,
          en: `column ${letter} "${shown}" is in ${match.unit}, not ${unit} as ${match.target.label.en} is: not read, what it would give stays unknown`,
          values: { column: letter, header: cell, path: match.target.path, unit: match.unit },
        });
        unknown.push({ header: shown, letter, suggestions: [] });
        return;
      }
      case 'unknown': {
        columns.push({ header: cell, path: [], kind: 'text', skip: 'unknown' });
        const suggestions = suggestColumns(cell);
        unknown.push({ header: shown, letter, suggestions });
        notes.push(
          shown === ''
            ? { code: 'column.unnamed', zh: `第${letter}列没有表头，未读取`, en: `column ${letter} has no header: not read`, values: { column: letter } }
            : {
                code: 'column.unknown',
                zh: `第${letter}列“${shown}”不是已知的列，未读取，其数据按未知处理${suggestions.length ? `；是否指${listZh(suggestions)}？` : ''}`,
                en: `column ${letter} "${shown}" is not a known column: not read, what it would give stays unknown${suggestions.length ? `; did you mean ${listEn(suggestions)}?` : ''}`,
                values: { column: letter, header: cell, suggestions },
              },
        );
        return;
      }
    }
  });

  const read = columns.filter((c) => !c.skip);
  if (options.strictColumns || read.length === 0) {
    const refused = [...ignored.map(([h, letter]) => ({ header: h!, letter: letter!, suggestions: [] as string[] })), ...unknown];
    if (refused.length > 0 || read.length === 0) {
      const zhList = refused.map((u) => `“${u.header}”（${u.letter}列${u.suggestions.length ? `，是否指${listZh(u.suggestions)}` : ''}）`).join('、');
      const enList = refused.map((u) => `${JSON.stringify(u.header)}${u.suggestions.length ? ` (did you mean ${listEn(u.suggestions)}?)` : ''}`).join(', ');
      throw new SheetError({
        code: read.length === 0 ? 'columns.none' : 'columns.strict',
        zh: `${read.length === 0 ? '表头没有一列是已知的记录字段' : '有不读取的列'}：${zhList}；请用记录字段的路径（premises.buildingArea）或中文名称（建筑面积）作列名`,
        en:
          `unknown column${refused.length > 1 ? 's' : ''} ${enList}: ` +
          'name a record field by its path (premises.buildingArea) or its Chinese label (建筑面积)',
      });
    }
  }

  const seen = new Map<string, string>();
  for (const column of read) {
    const path = column.path.join('.');
    const before = seen.get(path);
    if (before !== undefined) {
      throw new SheetError({
        code: 'columns.duplicate',
        zh: `“${before}”和“${column.header}”两列都填 ${path}，请删去一列或在列对照表中指明`,
        en: `columns "${before}" and "${column.header}" both fill ${path}: remove one, or say which in a column map`,
      });
    }
    seen.set(path, column.header);
  }

  const pairs = (list: string[][], lang: 'zh' | 'en') =>
    list.map(([h, zh, en, path]) => (lang === 'zh' ? `“${h}”→${zh}` : `"${h}" as ${en} (${path})`)).join(lang === 'zh' ? '、' : ', ');
  const summary: SheetNote[] = [];
  if (mapped.length > 0) {
    summary.push({
      code: 'column.mapped',
      zh: `按列对照表${map?.file ? `（${map.file}）` : ''}读取：${pairs(mapped, 'zh')}`,
      en: `read by the column map${map?.file ? ` (${map.file})` : ''}: ${pairs(mapped, 'en')}`,
      values: { columns: mapped.map(([h, , , path]) => ({ header: h, path })) },
    });
  }
  if (synonyms.length > 0) {
    summary.push({
      code: 'column.synonym',
      zh: `按同义列名读取：${pairs(synonyms, 'zh')}`,
      en: `read by synonym: ${pairs(synonyms, 'en')}`,
      values: { columns: synonyms.map(([h, , , path]) => ({ header: h, path })) },
    });
  }
  if (ignored.length > 0) {
    summary.push({
      code: 'column.ignored',
      zh: `已忽略（不是数据）：${ignored.map(([h, letter]) => `“${h}”（${letter}列）`).join('、')}`,
      en: `ignored, not data: ${ignored.map(([h, letter]) => `"${h}" (column ${letter})`).join(', ')}`,
      values: { columns: ignored.map(([h, letter]) => ({ header: h, column: letter })) },
    });
  }
  return { columns, notes: [...summary, ...notes] };
}

/** The columns of a header (see `mapColumns`), without the notes. */
export function sheetColumns(header: readonly string[], options: ColumnOptions = {}): Column[] {
  return mapColumns(header, options).columns;
}
