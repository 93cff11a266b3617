import type { BatchFacility, BatchReport, FacilityCounts, RowProblem } from '../batch/rows.js';
import type { Portfolio } from '../batch/portfolio.js';
import type { AreaProgress, ProgramProgress, TargetProgress } from '../program/measure.js';
import { label } from '../record/vocabulary.js';
import type { Lang } from '../text.js';
import type { Waiver } from '../waiver/schema.js';
import { factLabel } from './messages.js';
import { plain, type Escaper } from './inert.js';
import { facilityName, outcomeWords } from './text.js';

/** Shared by the Markdown and HTML renderings of a portfolio: the wording, in both languages. */

export interface PortfolioRenderOptions {
  /** Language of the report; Chinese by default. */
  readonly lang?: Lang;
  /** Whether messages about missing data name the record fields (`premises.ownership`) in Chinese too. */
  readonly showPaths?: boolean;
}

/** How facilities stand against a standard, in the order the reports give them. */
export const standings: readonly (keyof FacilityCounts)[] = ['met', 'waived', 'gap', 'unknown', 'not-applicable'];

/** A facility's standing: the outcome words, and for `waived` (met only thanks to waivers) its own. */
export function standingWords(standing: keyof FacilityCounts, lang: Lang): string {
  if (standing === 'waived') return lang === 'zh' ? '豁免后达标' : 'met with waivers';
  return outcomeWords[standing][lang];
}

const dictionary = {
  title: { zh: '设施达标评估报告', en: 'Facility standards assessment' },
  asOf: { zh: '评估基准日', en: 'As of' },
  input: { zh: '输入文件', en: 'Input file' },
  summary: { zh: '概况', en: 'Summary' },
  item: { zh: '项目', en: 'Item' },
  count: { zh: '数量', en: 'Count' },
  rows: { zh: '行数', en: 'Rows' },
  evaluated: { zh: '已评估', en: 'Evaluated' },
  errors: { zh: '无法评估', en: 'Not evaluated' },
  standards: { zh: '各标准达标情况', en: 'Facilities by standard' },
  standardsNote: {
    zh: '按机构计数：每家机构对每项适用于它的标准计一次。“豁免后达标”指仅因豁免而达标。',
    en: 'Facilities counted once per standard applied to them. "Met with waivers": met only because waivers excuse requirements.',
  },
  standard: { zh: '标准', en: 'Standard' },
  id: { zh: '编号', en: 'Id' },
  total: { zh: '合计', en: 'Total' },
  noStandards: { zh: '本批次没有评估任何机构。', en: 'No facility was evaluated in this batch.' },
  programs: { zh: '规划目标', en: 'Programme targets' },
  noPrograms: { zh: '本批次未测算规划目标。', en: 'No programme was measured for this batch.' },
  source: { zh: '来源', en: 'Source' },
  target: { zh: '目标', en: 'Target' },
  by: { zh: '期限', en: 'By' },
  area: { zh: '地区', en: 'Area' },
  population: { zh: '基数', en: 'Counted' },
  required: { zh: '要求', en: 'Required' },
  achieved: { zh: '已达到', en: 'Achieved' },
  progress: { zh: '进度', en: 'Progress' },
  gap: { zh: '尚差', en: 'Gap' },
  status: { zh: '状态', en: 'Status' },
  closest: { zh: '最接近达标的机构', en: 'Closest to counting' },
  wholeRegion: { zh: '全部地区', en: 'whole region' },
  areas: { zh: '各乡镇情况', en: 'By county and township' },
  areasNote: {
    zh: '单元格为“达标数/适用机构数”，达标含豁免后达标；“—”表示该标准不适用或未评估。',
    en: 'Cells give facilities meeting the standard (waivers included) / facilities it applies to; "—": not applicable or not evaluated.',
  },
  county: { zh: '县（区）', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  facilities: { zh: '机构数', en: 'Facilities' },
  rowErrors: { zh: '未能评估的行', en: 'Rows not evaluated' },
  noRowErrors: { zh: '所有行均已评估。', en: 'Every row was evaluated.' },
  row: { zh: '行', en: 'Row' },
  error: { zh: '错误', en: 'Error' },
  problems: { zh: '问题', en: 'Problems' },
  waivers: { zh: '豁免', en: 'Waivers' },
  expired: { zh: '已过期的豁免（不再适用）', en: 'Expired waivers (no longer apply)' },
  unused: { zh: '未使用的豁免（机构不在本批次，或已满足该要求）', en: 'Unused waivers (facility not in the batch, or the requirement is met)' },
  facility: { zh: '机构编号', en: 'Facility' },
  requirement: { zh: '要求', en: 'Requirement' },
  expires: { zh: '到期日', en: 'Expires' },
  approver: { zh: '批准单位', en: 'Approver' },
  justification: { zh: '理由', en: 'Justification' },
  anyStandard: { zh: '（所有标准）', en: '(any standard)' },
  checklists: { zh: '各机构检查清单', en: 'Checklists by facility' },
  outcome: { zh: '结论', en: 'Outcome' },
  partial: {
    zh: '本批次未输出完整清单：仅列出未达标、数据不全和已豁免的要求，其余要求未逐条列出。',
    en: 'The batch was run without whole checklists: only gaps, unknowns and waived requirements are listed.',
  },
  none: { zh: '无', en: 'none' },
  legend: { zh: '图例', en: 'Legend' },
  chart: { zh: '各标准机构达标情况', en: 'Facilities by standard and outcome' },
} as const;

export type Word = keyof typeof dictionary;

/** A fixed phrase of the reports. */
export const word = (key: Word, lang: Lang): string => dictionary[key][lang];

/** The report's title, naming the input file (or, without one, the day it is judged on). */
export function reportTitle(portfolio: Portfolio, lang: Lang, e: Escaper = plain): string {
  return `${e.words(`${word('title', lang)} — `)}${e.datum(portfolio.input ?? portfolio.asOf)}`;
}

export function rowLabel(row: number, lang: Lang): string {
  return lang === 'zh' ? `第 ${row} 行` : `row ${row}`;
}

export function appliedWaivers(applied: number, lang: Lang): string {
  return lang === 'zh' ? `已适用豁免 ${applied} 项要求。` : `${applied} ${applied === 1 ? 'requirement' : 'requirements'} waived.`;
}

/** A standard (`<id>@<version>`) by its title, as the portfolio knows it. */
export function standardTitle(portfolio: Portfolio, standard: string, lang: Lang): string {
  return portfolio.standards.find((s) => s.standard === standard)?.title[lang] ?? standard;
}

/** A facility by name and id, each piece of data written by `e.datum`. */
export function facilityLabel(facility: Pick<BatchFacility, 'id' | 'name'>, lang: Lang, e: Escaper = plain): string {
  return facilityName(facility, lang, e);
}

/** Where a facility is: county, township, village (the province and city when nothing narrower is given). */
export function placeOf(facility: BatchFacility, lang: Lang, e: Escaper = plain): string {
  const r = facility.region;
  const type = facility.type ? e.words(label('facilityTypes', facility.type)[lang]) : undefined;
  const parts = r ? [r.city, r.county, r.township, r.village].filter((p): p is string => !!p).map(e.datum) : [];
  return [parts.join(lang === 'zh' ? '' : ' '), type].filter(Boolean).join(e.words(' · '));
}

/** An area by name: its county and township; or the programme's whole region (长治市) when the target is measured over it. */
export function areaName(
  area: { readonly county?: string | undefined; readonly township?: string | undefined },
  lang: Lang,
  region?: ProgramProgress['region'],
  e: Escaper = plain,
): string {
  const parts = [area.county, area.township].filter((p): p is string => !!p);
  if (parts.length > 0) return parts.map(e.datum).join(lang === 'zh' ? '' : ' ');
  const whole = region?.county ?? region?.city ?? region?.province;
  return whole === undefined ? e.words(word('wholeRegion', lang)) : e.datum(whole);
}

/** The cell of a standard in the township table: met (waivers included) over the facilities it applies to. */
export function metOverApplicable(counts: FacilityCounts | undefined): string {
  if (!counts) return '—';
  const applicable = counts.met + counts.waived + counts.gap + counts.unknown;
  return applicable === 0 ? '—' : `${counts.met + counts.waived}/${applicable}`;
}

export const totalOf = (counts: FacilityCounts): number => standings.reduce((n, s) => n + counts[s], 0);

const percent = (value: number): number => Math.round(value * 100 * 1e6) / 1e6;

const boundWord = (target: TargetProgress, lang: Lang): string =>
  target.bound?.operator === 'moreThan' ? (lang === 'zh' ? '超过' : 'more than') : lang === 'zh' ? '不少于' : 'at least';

/** The bound a target sets: `不少于100%`, `more than 50%`, `不少于 2 家`. */
export function boundText(target: TargetProgress, lang: Lang): string {
  const zh = lang === 'zh';
  if (!target.bound) return zh ? '跟踪占比（未设数值目标）' : 'share tracked (no figure set)';
  const op = boundWord(target, lang);
  if (target.measure === 'share') {
    const pct = percent(target.bound.value);
    const of = target.unit === 'people' ? (zh ? '的人员' : ' of the people') : zh ? '的机构' : ' of the facilities';
    return zh ? `${op}${pct}%${of}` : `${op} ${pct}%${of}`;
  }
  return zh ? `${op} ${target.bound.value} 家` : `${op} ${target.bound.value} ${target.bound.value === 1 ? 'facility' : 'facilities'}`;
}

/** What makes a facility count for a target. */
export function countsText(target: TargetProgress, lang: Lang): string {
  const zh = lang === 'zh';
  const { counts } = target;
  if ('numerator' in counts) {
    const sum = (fields: readonly string[]) => fields.map((f) => factLabel(f, lang)).join(zh ? '＋' : ' + ');
    return zh ? `人员占比：${sum(counts.numerator)} ÷ （${sum(counts.denominator)}）` : `share of people: ${sum(counts.numerator)} ÷ (${sum(counts.denominator)})`;
  }
  if ('condition' in counts) return zh ? '满足目标所列条件的机构' : 'facilities meeting the condition the target sets';
  return zh ? `达到 ${counts.standard} 的${label('facilityTypes', target.facilityType).zh}` : `${label('facilityTypes', target.facilityType).en}s meeting ${counts.standard}`;
}

export const unitWord = (target: TargetProgress, lang: Lang): string =>
  target.unit === 'people' ? (lang === 'zh' ? '人' : 'people') : lang === 'zh' ? '家' : 'facilities';

/** What the achieved figure hides: those counted by waiver, those not settled. */
export function achievedNotes(area: AreaProgress, target: TargetProgress, lang: Lang): string[] {
  const zh = lang === 'zh';
  const notes: string[] = [];
  if (area.byWaiver > 0) notes.push(zh ? `含豁免 ${area.byWaiver}` : `${area.byWaiver} by waiver`);
  if (area.unknown > 0) {
    const who = target.unit === 'people' ? (zh ? '家机构人员数据缺失' : `${area.unknown === 1 ? 'facility' : 'facilities'} without staff data`) : zh ? '家数据不全' : 'undecided';
    notes.push(zh ? `另有 ${area.unknown} ${who}` : `${area.unknown} ${who}`);
  }
  if (area.unplaced > 0) {
    notes.push(
      zh
        ? `另有 ${area.unplaced} 家未填所在地区，无法判断是否计入`
        : `${area.unplaced} more ${area.unplaced === 1 ? 'facility gives' : 'facilities give'} no region, so whether ${area.unplaced === 1 ? 'it counts' : 'they count'} is undecided`,
    );
  }
  return notes;
}

/** The achieved figure with its notes: `2（含豁免 1，另有 1 家数据不全）`. */
export function achievedText(area: AreaProgress, target: TargetProgress, lang: Lang): string {
  const notes = achievedNotes(area, target, lang);
  if (notes.length === 0) return String(area.achieved);
  return lang === 'zh' ? `${area.achieved}（${notes.join('，')}）` : `${area.achieved} (${notes.join(', ')})`;
}

/** A target's status over an area; an area without any facility of the type says so rather than "met". */
export function statusWords(area: AreaProgress, target: TargetProgress, lang: Lang): string {
  if (isEmpty(area)) {
    if (target.unit === 'people') return lang === 'zh' ? '本批次无相关人员数据' : 'no staff counted in this batch';
    return lang === 'zh' ? `本批次无${label('facilityTypes', target.facilityType).zh}` : `no ${label('facilityTypes', target.facilityType).en} in this batch`;
  }
  if (area.status === 'tracked') return trackedWords(area, lang);
  return outcomeWords[area.status][lang];
}

/** A tracked target's share, with no verdict. */
export function trackedWords(area: AreaProgress, lang: Lang): string {
  const pct = area.share === undefined ? '—' : `${Math.round(area.share * 1000) / 10}%`;
  return lang === 'zh' ? `跟踪，不作判定：占比${pct}` : `tracked, no verdict: ${pct}`;
}

/** Whether nothing in the batch counts for a target in an area (a share of nothing is trivially met). */
export const isEmpty = (area: AreaProgress): boolean => area.population === 0 && area.unknown === 0 && area.unplaced === 0;

/** One of the closest facilities: name, row and requirements still open. */
export function closestText(c: AreaProgress['closest'][number], lang: Lang, e: Escaper = plain): string {
  const name = facilityLabel(c, lang, e);
  return `${name}${e.words(lang === 'zh' ? `（第 ${c.row} 行，尚有 ${c.open} 项未满足）` : ` (row ${c.row}, ${c.open} open)`)}`;
}

/**
 * A share as a percentage, rounded down to a tenth so that it never reads as reaching a bound it
 * falls short of (28 of 70 is 40%, 2 of 3 is 66.6%).
 */
export function shareOf(achieved: number, population: number): number {
  return Math.floor((achieved * 1000) / population) / 10;
}

/**
 * Where a share target stands over an area: the share itself next to the bound, with the figures
 * behind both: `40%（28/70人），要求超过50%（至少36人）`. A count target: `1/2家`.
 */
export function progressText(area: AreaProgress, target: TargetProgress, lang: Lang): string {
  const zh = lang === 'zh';
  const unit = unitWord(target, lang);
  if (target.measure === 'count') return zh ? `${area.achieved}/${area.required}${unit}` : `${area.achieved} of ${area.required} ${unit}`;
  const share = area.population === 0 ? '—' : `${shareOf(area.achieved, area.population)}%`;
  // A tracked share has no bound: the share alone.
  if (!target.bound) return zh ? `${share}（${area.achieved}/${area.population}${unit}）` : `${share} (${area.achieved} of ${area.population} ${unit})`;
  const op = boundWord(target, lang);
  const bound = `${percent(target.bound.value)}%`;
  // Of nothing known, the bound asks for no one: said as the bound alone.
  const least = area.population === 0 ? '' : zh ? `（至少${area.required}${unit}）` : ` (at least ${area.required})`;
  return zh
    ? `${share}（${area.achieved}/${area.population}${unit}），要求${op}${bound}${least}`
    : `${share} (${area.achieved} of ${area.population} ${unit}); ${op} ${bound} required${least}`;
}

/** A waiver's standard, or that it covers every standard. */
export const waiverStandard = (w: Waiver, lang: Lang): string => w.standard ?? word('anyStandard', lang);

/** A report's requirements as far as the batch wrote them: all of them, or only those not met. */
export function listedRequirements(report: BatchReport): { readonly requirements: BatchReport['gaps']; readonly complete: boolean } {
  if (report.requirements) return { requirements: report.requirements, complete: true };
  return { requirements: [...report.gaps, ...(report.waived ?? [])], complete: false };
}

/**
 * What reading the batch found besides its facilities, a sentence each: rows skipped as totals,
 * facility ids on several rows, and what was assumed or left open in reading the rows (a type
 * taken from the standard, a region missing, a waiver refused as ambiguous). Empty when nothing
 * was. The stderr summary and the reports both say these.
 */
export function readingNotes(found: Pick<Portfolio, 'summaryRows' | 'duplicates' | 'notices'>, lang: Lang): string[] {
  const zh = lang === 'zh';
  const sep = zh ? '、' : ', ';
  const more = zh ? ' 等' : ' …';
  const notes: string[] = [];
  const { summaryRows, duplicates, notices } = found;
  if (summaryRows.length > 0) {
    const listed = summaryRows.slice(0, 10).map((r) => (zh ? `第${r.row}行（${r.label}）` : `row ${r.row} (${r.label})`)).join(sep);
    const tail = summaryRows.length > 10 ? more : '';
    notes.push(zh ? `${summaryRows.length} 行为合计/小计行，未作为机构评估：${listed}${tail}` : `${summaryRows.length} summary rows (totals) skipped, not facilities: ${listed}${tail}`);
  }
  for (const { id, rows } of duplicates.slice(0, 20)) {
    const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
    const listed = `${rows.slice(0, 10).join(sep)}${rows.length > 10 ? more : ''}`;
    notes.push(
      zh
        ? `机构编码 ${shown} 出现在 ${rows.length} 行：第 ${listed} 行（均已评估；行动目标中只计一次）`
        : `facility id ${shown} is on ${rows.length} rows: ${listed} (all evaluated; counted once for programme targets)`,
    );
  }
  if (duplicates.length > 20) notes.push(zh ? `另有 ${duplicates.length - 20} 个重复的机构编码` : `${duplicates.length - 20} more duplicated ids`);
  for (const [code, tally] of Object.entries(notices)) {
    if (!tally || code === 'duplicate-id') continue;
    notes.push(zh ? `${tally.rows} 行：${tally.first.message.zh}（首见第 ${tally.first.row} 行）` : `${tally.rows} rows: ${tally.first.message.en} (first on row ${tally.first.row})`);
  }
  return notes;
}

/** What is wrong with a row, where, in the report's language (the English where no Chinese was given). */
export function problemText(problem: RowProblem, lang: Lang): string {
  return lang === 'zh' && problem.zh !== undefined ? problem.zh : problem.message;
}
