// Data-collection templates: the sheet an assessor fills in for one standard, as CSV or .xlsx.
import type { DataValidation } from 'exceljs';
import { factsUsedBy } from '../evaluate/compile.js';
import { facts, type FactDefinition } from '../record/facts.js';
import { catalog, vocabularies, type VocabularyName } from '../record/vocabulary.js';
import type { Condition, Standard } from '../standard/types.js';
import type { LocalizedText } from '../text.js';
import { loadExcelJs } from './input.js';
import { columnName, identityColumns } from './sheet.js';

export type TemplateLang = 'zh' | 'en';

/** One column of a template. */
export interface TemplateColumn {
  /**
   * The header cell, which the batch reads back: in Chinese the field's label with its unit
   * (建筑面积（平方米）), in English the record path (premises.buildingArea).
   */
  readonly header: string;
  /** The record field the column fills: `premises.buildingArea`, `equipment.stethoscope`. */
  readonly path: string;
  /** `count`: a whole number; `number`: a measure, decimals allowed; `codes`: several codes or labels. */
  readonly kind: 'count' | 'number' | 'boolean' | 'code' | 'codes' | 'text';
  readonly label: LocalizedText;
  readonly unit?: LocalizedText;
  readonly vocabulary?: VocabularyName;
  /** What goes in a cell, in the template's language: what the column is, unit, allowed values. */
  readonly hint: string;
  /** For yes/no and single-code columns: every value a cell may take, as the template writes them. */
  readonly choices?: readonly string[];
}

/** The record fields that name and locate a facility; a village clinic's village too. */
const identityPaths = ['id', 'name', 'region.province', 'region.city', 'region.county', 'region.township'] as const;

/**
 * The columns of a standard's data-collection sheet, in a fixed order: the facility's identity
 * (id, name, county, township, and a village clinic's village: what an assessor needs to find
 * the facility, and what a portfolio is grouped by), then every record field the standard's requirements and
 * applicability read, in the order of the fact catalogue (premises, rooms, utilities,
 * equipment, drugs, staff, services …). A derived fact is asked for by the fields it is
 * derived from (`healthTechRatio` by health technicians and staff on post).
 *
 * Equipment is one column per item, holding the number of working units, not one list column.
 * The village-clinic count ("不少于22种", `villageEquipmentKinds`) counts the kinds of a catalogue
 * with at least one working unit, and its gap lists the items still missing, so the sheet has a
 * column for every item of the catalogue; a requirement naming items (`equipment` contains
 * `aed`) adds a column for each item named. An assessor walks the clinic with such a list and
 * writes a number against each item: a forgotten item stays visibly blank, a number is checked
 * by Excel as it is typed, and no label has to be typed exactly (a list cell of 22 labels
 * would make one typo an error row and an omission invisible). Only a standard whose
 * equipment conditions name no item gets the list column `设备` instead.
 */
export function templateColumns(standard: Standard, options: { lang?: TemplateLang } = {}): TemplateColumn[] {
  const lang = options.lang ?? 'zh';
  const used = new Set(factsUsedBy(standard));
  const paths: string[] = [...identityPaths, ...(standard.facilityType === 'village-clinic' ? ['region.village'] : [])];
  for (const fact of facts.values()) {
    if (!used.has(fact.name)) continue;
    for (const input of fact.derived ? fact.inputs : [fact.name]) if (!paths.includes(input)) paths.push(input);
  }
  const columns: TemplateColumn[] = [];
  for (const path of paths) {
    if (path === 'equipment') {
      const items = equipmentItems(standard, used);
      if (items.length === 0) columns.push(listColumn(lang));
      for (const code of items) columns.push(equipmentColumn(code, lang));
      continue;
    }
    const identity = identityColumns[path];
    if (identity) {
      columns.push({ header: lang === 'zh' ? identity.label.zh : path, path, kind: 'text', label: identity.label, hint: identityHint(path, identity.label, lang) });
      continue;
    }
    const fact = facts.get(path);
    if (!fact) throw new Error(`no record field ${path} in the fact catalogue`);
    columns.push(factColumn(fact, lang));
  }
  return columns;
}

/** Equipment items the standard needs a column for, in vocabulary order. */
function equipmentItems(standard: Standard, used: ReadonlySet<string>): string[] {
  const codes = new Set<string>();
  for (const name of used) {
    const list = facts.get(name)?.catalog;
    if (list) for (const code of catalog(list)) codes.add(code);
  }
  const visit = (condition: Condition): void => {
    if ('fact' in condition) {
      if (condition.fact !== 'equipment') return;
      const { value } = condition;
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') codes.add(item);
    } else if ('not' in condition) visit(condition.not);
    else ('all' in condition ? condition.all : condition.any).forEach(visit);
  };
  if (standard.applicability) visit(standard.applicability.when);
  for (const requirement of standard.requirements) {
    if (requirement.when) visit(requirement.when);
    visit(requirement.check);
  }
  return Object.keys(vocabularies.equipment).filter((code) => codes.has(code));
}

const kindOfFact: Record<FactDefinition['type'], TemplateColumn['kind']> = {
  number: 'number',
  count: 'count',
  ratio: 'number',
  boolean: 'boolean',
  code: 'code',
  codes: 'codes',
  text: 'text',
};

const yesNo = { zh: ['是', '否'], en: ['yes', 'no'] } as const;

/** A vocabulary's values as a template writes them: Chinese labels, or codes in English. */
function valuesOf(vocabulary: VocabularyName, lang: TemplateLang): string[] {
  const terms = vocabularies[vocabulary] as Readonly<Record<string, { zh: string }>>;
  return lang === 'zh' ? Object.values(terms).map((t) => t.zh) : Object.keys(terms);
}

function factColumn(fact: FactDefinition, lang: TemplateLang): TemplateColumn {
  const kind = kindOfFact[fact.type];
  const unit = fact.unit && { zh: fact.unit.zh, en: fact.unit.en };
  const header = lang === 'zh' ? `${fact.label.zh}${unit ? `（${unit.zh}）` : ''}` : fact.name;
  const label = fact.label[lang];
  const values = fact.vocabulary ? valuesOf(fact.vocabulary, lang) : [];
  const choices = kind === 'boolean' ? [...yesNo[lang]] : kind === 'code' ? values : undefined;
  let hint: string;
  if (lang === 'zh') {
    hint = {
      count: `${label}：整数，不小于0${unit ? `，单位：${unit.zh}` : ''}`,
      number: `${label}：数字，可有小数，不小于0${unit ? `，单位：${unit.zh}` : ''}；只填数字，不写单位`,
      boolean: `${label}：填“是”或“否”`,
      code: `${label}：填一项：${values.join('、')}`,
      codes: `${label}：可填多项，用、分隔，如 ${values.slice(0, 2).join('、')}；可填：${values.join('、')}`,
      text: label,
    }[kind];
  } else {
    hint = {
      count: `${label}: a whole number, 0 or more${unit ? ` (${unit.en})` : ''}`,
      number: `${label}: a number, 0 or more${unit ? `, in ${unit.en}` : ''}; digits only, no unit`,
      boolean: `${label}: yes or no`,
      code: `${label}: one of ${values.join(', ')}`,
      codes: `${label}: any of ${values.join(', ')}, separated by ";" (e.g. ${values.slice(0, 2).join(';')})`,
      text: label,
    }[kind];
  }
  return {
    header,
    path: fact.name,
    kind,
    label: fact.label,
    ...(unit && { unit }),
    ...(fact.vocabulary && { vocabulary: fact.vocabulary }),
    hint,
    ...(choices && { choices }),
  };
}

function equipmentColumn(code: string, lang: TemplateLang): TemplateColumn {
  const term = (vocabularies.equipment as Readonly<Record<string, LocalizedText>>)[code]!;
  const label = { zh: term.zh, en: term.en };
  return {
    // The unit is a count of units, not a measure: （数量） reads back as the item's label.
    header: lang === 'zh' ? `${term.zh}（数量）` : `equipment.${code}`,
    path: `equipment.${code}`,
    kind: 'count',
    label,
    hint:
      lang === 'zh'
        ? `${term.zh}：能正常使用的台（件）数，整数；没有填0`
        : `${term.en}: working units, a whole number; 0 if there is none`,
  };
}

function listColumn(lang: TemplateLang): TemplateColumn {
  const values = valuesOf('equipment', lang);
  return {
    header: lang === 'zh' ? '设备' : 'equipment',
    path: 'equipment',
    kind: 'codes',
    label: { zh: '设备', en: 'equipment' },
    vocabulary: 'equipment',
    hint:
      lang === 'zh'
        ? `设备：有能正常使用的，用、分隔，如 ${values.slice(0, 2).join('、')}`
        : `equipment: items with a working unit, separated by ";" (e.g. ${values.slice(0, 2).join(';')})`,
  };
}

function identityHint(path: string, label: LocalizedText, lang: TemplateLang): string {
  const zh: Record<string, string> = {
    id: '机构编码：每个机构一个，不重复，便于对照（可不填）',
    name: '机构名称，如 西沟乡东庄村卫生室',
    'region.county': '县（市、区），如 平顺县',
    'region.township': '乡镇，如 西沟乡',
    'region.village': '行政村，如 东庄村',
  };
  const en: Record<string, string> = {
    id: 'facility id: one per facility, unique (optional)',
    name: 'facility name, e.g. 西沟乡东庄村卫生室',
    'region.county': 'county, e.g. 平顺县',
    'region.township': 'township, e.g. 西沟乡',
    'region.village': 'administrative village, e.g. 东庄村',
  };
  return (lang === 'zh' ? zh : en)[path] ?? label[lang];
}

/** What a template says about empty cells and how to evaluate the sheet. */
function instructions(standard: Standard, lang: TemplateLang, file: string): string[] {
  return lang === 'zh'
    ? [
        `${standard.title.zh}（${standard.id}@${standard.version}）数据采集表`,
        `依据：${standard.source.issuer} ${standard.source.title}`,
        '每行填一个机构。不清楚的留空：留空按“未知”处理，既不算达标也不算不达标；没有的填0或“否”。',
        '数字只填数字，不写单位；多项用、分隔。',
        `填好后核查：facility-standards batch ${file} --standard ${standard.id}`,
      ]
    : [
        `${standard.title.en} (${standard.id}@${standard.version}): data collection sheet`,
        `Source: ${standard.source.issuer} ${standard.source.title}`,
        'One facility per row. Leave a cell empty when it is not known: it is reported as unknown, neither met nor a gap; write 0 or "no" for none.',
        'Numbers are digits only, without units; several codes are separated by ";".',
        `Then check: facility-standards batch ${file} --standard ${standard.id}`,
      ];
}

const csvCell = (text: string) => (/[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A CSV template: UTF-8 with a BOM (so that Excel opens the Chinese headers correctly), the
 * header row, then a hint row whose first cell starts with `说明：` (`# ` in English) and whose
 * cells say what goes in each column. The batch reader skips that row wherever the file goes
 * (CSV, or saved as .xlsx), so it may stay; facilities start at row 3.
 */
export function templateCsv(columns: readonly TemplateColumn[], lang: TemplateLang = 'zh'): string {
  const header = columns.map((c) => c.header);
  const hints = columns.map((c, i) => (i === 0 ? `${lang === 'zh' ? '说明：' : '# '}${c.hint}` : c.hint));
  return `\uFEFF${[header, hints].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Excel's limits on a data validation's texts. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * An .xlsx template: the header row (frozen, each header with a note describing the column)
 * and Excel data validation on `rows` rows below it: whole numbers ≥ 0 for counts, decimals
 * ≥ 0 for measures, a drop-down of 是/否 for yes/no and of the labels for a single code, each
 * with an input message saying what the column takes. Text columns are formatted as text, so
 * that an id such as 007 keeps its zeros. A second sheet, 填表说明, repeats the standard, the
 * rules for empty cells and every column's description. exceljs is loaded only here.
 */
export async function templateXlsx(
  standard: Standard,
  columns: readonly TemplateColumn[],
  options: { lang?: TemplateLang; rows?: number; file?: string } = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'zh';
  const rows = options.rows ?? 1000;
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'facility-standards';
  const sheet = workbook.addWorksheet(lang === 'zh' ? '数据' : 'data', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => c.header));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  columns.forEach((column, i) => {
    const letter = columnName(i + 1);
    const cell = header.getCell(i + 1);
    cell.note = column.hint;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.path.startsWith('equipment') ? 'FFE2EFDA' : 'FFDDEBF7' } };
    const width = [...column.header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    sheet.getColumn(i + 1).width = Math.min(Math.max(width + 2, 10), 40);
    if (column.kind === 'text' || column.kind === 'codes') sheet.getColumn(i + 1).numFmt = '@';
    const prompt = {
      showInputMessage: true,
      promptTitle: clip(column.label[lang], 32),
      prompt: clip(column.hint, 255),
    };
    const refuse = (error: string) => ({
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: clip(column.label[lang], 32),
      error: clip(error, 225),
    });
    // `any`: no check, the input message only (exceljs writes no type for it; its types omit it).
    let validation: Omit<DataValidation, 'type'> & { type: DataValidation['type'] | 'any' };
    switch (column.kind) {
      case 'count':
        validation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, ...refuse(lang === 'zh' ? '请填不小于0的整数' : 'a whole number, 0 or more') };
        break;
      case 'number':
        validation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, ...refuse(lang === 'zh' ? '请填不小于0的数字，不写单位' : 'a number, 0 or more, without a unit') };
        break;
      case 'boolean':
      case 'code': {
        const list = column.choices!.join(',');
        validation =
          list.length <= 250
            ? { type: 'list', formulae: [`"${list}"`], allowBlank: true, ...refuse(lang === 'zh' ? `请从列表中选择：${column.choices!.join('、')}` : `one of ${column.choices!.join(', ')}`) }
            : { type: 'any', formulae: [] };
        break;
      }
      default:
        validation = { type: 'any', formulae: [] };
    }
    (sheet as unknown as { dataValidations: { add(range: string, v: unknown): void } }).dataValidations.add(`${letter}2:${letter}${rows + 1}`, {
      ...validation,
      ...prompt,
    });
  });

  const notes = workbook.addWorksheet(lang === 'zh' ? '填表说明' : 'instructions');
  const file = options.file ?? (lang === 'zh' ? '填好的表.xlsx' : 'filled.xlsx');
  for (const line of instructions(standard, lang, file)) notes.addRow([line]);
  notes.getRow(1).font = { bold: true };
  notes.addRow([]);
  const table = notes.addRow(lang === 'zh' ? ['列', '表头', '填写说明', '对应字段'] : ['column', 'header', 'what to write', 'record field']);
  table.font = { bold: true };
  columns.forEach((column, i) => notes.addRow([columnName(i + 1), column.header, column.hint, column.path]));
  notes.getColumn(1).width = 8;
  notes.getColumn(2).width = 28;
  notes.getColumn(3).width = 80;
  notes.getColumn(4).width = 36;

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The column map a template's headers follow (see loadColumnMap): each header with the record
 * field its column fills, as YAML. A county that renames the headers of its copy edits the map
 * beside it and gives it to `batch --columns`, so the sheet is still read column by column.
 */
export function templateColumnMap(columns: readonly TemplateColumn[], lang: TemplateLang = 'zh'): string {
  const head =
    lang === 'zh'
      ? ['# 列对照表：表头: 记录字段。改了表头的，在这里改成新表头，再用 batch --columns 本文件 读表。']
      : ['# Column map: sheet header: record field. Rename a header here when the sheet renames it, then read the sheet with batch --columns THIS_FILE.'];
  return `${[...head, ...columns.map((c) => `${JSON.stringify(c.header)}: ${c.path}`)].join('\n')}\n`;
}
