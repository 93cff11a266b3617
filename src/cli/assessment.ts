import { calendarDateProblem } from '../calendar-date.js';
import { portfolioBuilder, type BatchFindings, type Portfolio } from '../batch/portfolio.js';
import { today, type Tally } from '../batch/rows.js';
import type { BatchSettings } from '../batch/run.js';
import { loadRuleFiles } from '../files.js';
import type { ProgramProgress } from '../program/measure.js';
import { renderPortfolioHtml } from '../report/html.js';
import { inertJson, inertText } from '../report/inert.js';
import { renderPortfolioMarkdown } from '../report/markdown.js';
import { progressText, trackedWords } from '../report/portfolio-words.js';
import type { Program } from '../program/types.js';
import { bundledPrograms, bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import type { Lang } from '../text.js';
import { readWaiverFile } from '../waiver/read.js';
import type { Waiver } from '../waiver/schema.js';
import { asFileError } from './failure.js';
import { oneOf, UsageError } from './usage.js';

/** The batch options for an assessment: programme targets, waivers, a report people read. */
export const assessmentArgs = {
  program: { type: 'string', multiple: true },
  waivers: { type: 'string' },
  'as-of': { type: 'string' },
  report: { type: 'string' },
  lang: { type: 'string', default: 'zh' },
} as const;

export interface AssessmentValues {
  readonly program?: string[] | undefined;
  readonly waivers?: string | undefined;
  readonly 'as-of'?: string | undefined;
  readonly report?: string | undefined;
  readonly lang?: string | undefined;
  readonly rules?: string[] | undefined;
}

export type ReportFormat = 'html' | 'markdown' | 'json';

/** A report's format from its file name. */
export function reportFormatOf(path: string): ReportFormat | undefined {
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.(md|markdown)$/i.test(path)) return 'markdown';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

/**
 * Reads what an assessment needs beyond the batch itself and returns the batch settings it adds,
 * and `finish`, which measures the programmes and renders the report once the batch is done.
 */
export async function prepareAssessment(values: AssessmentValues, input: string) {
  const lang = oneOf('--lang', values.lang ?? 'zh', ['zh', 'en'] as const);
  const asOf = values['as-of'] ?? today();
  const problem = calendarDateProblem(asOf);
  if (problem) throw new UsageError({ en: `--as-of: ${problem.en}`, zh: `--as-of：${problem.zh}` });
  const format = values.report === undefined ? undefined : reportFormatOf(values.report);
  if (values.report !== undefined && !format) {
    throw new UsageError({
      en: `cannot tell the format of the report ${values.report}: name it .html, .md or .json`,
      zh: `看不出报告 ${values.report} 的格式：请以 .html、.md 或 .json 结尾命名`,
    });
  }

  const standards = new Map<string, Standard>(bundledStandards());
  const programs = new Map<string, Program>(bundledPrograms());
  if (values.rules?.length) {
    const loaded = await loadRuleFiles(values.rules);
    for (const [id, s] of loaded.standards) standards.set(id, s);
    for (const [id, p] of loaded.programs) programs.set(id, p);
  }
  const chosenPrograms = (values.program ?? []).map((id) => {
    const program = programs.get(id);
    if (!program) {
      throw new UsageError({
        en: `unknown programme "${id}"; known: ${[...programs.keys()].join(', ')}`,
        zh: `没有工作方案“${id}”；已有：${[...programs.keys()].join('、')}`,
      });
    }
    return program;
  });
  const waivers: Waiver[] = values.waivers === undefined ? [] : await waiversFrom(values.waivers, standards);

  const builder = portfolioBuilder({ standards: standards.values(), programs: chosenPrograms, waivers, asOf, input, keepFacilities: format !== undefined });
  const settings: Partial<BatchSettings> = {
    ...(chosenPrograms.length > 0 && { programs: chosenPrograms.map((p) => p.id) }),
    ...(waivers.length > 0 && { waivers }),
    asOf,
    ...(format && { detail: 'all' as const }),
    ...((format || chosenPrograms.length > 0 || waivers.length > 0) && { onRow: builder.add, ...(builder.readsFiguresOnly && { rowFigures: true }) }),
  };
  return {
    settings,
    /** Whether the batch's NDJSON rows go to standard output: not when a report holds them. */
    wantsRows: format === undefined,
    lang,
    finish(found?: BatchFindings): { portfolio: Portfolio; report?: string } {
      const portfolio = builder.finish(found);
      if (!format) return { portfolio };
      const report =
        format === 'html'
          ? renderPortfolioHtml(portfolio, { lang })
          : format === 'markdown'
            ? renderPortfolioMarkdown(portfolio, { lang })
            : `${inertJson(portfolio, 2)}\n`;
      return { portfolio, report };
    },
  };
}

/** A waiver file's text; a folder or a missing file is said with its path. */
async function waiversFrom(path: string, standards: ReadonlyMap<string, Standard>): Promise<Waiver[]> {
  try {
    return await readWaiverFile(path, standards);
  } catch (error) {
    throw asFileError(error, 'read', path);
  }
}

/**
 * The batch's summary for the terminal: counts per standard, the waivers, each programme target.
 * Every line is made inert: names and regions from the data cannot drive the terminal.
 */
export function summaryText(tally: Tally, portfolio: Portfolio | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [zh ? `行 ${tally.rows} · 已评估 ${tally.evaluated} · 错误 ${tally.errors}` : `rows ${tally.rows} · evaluated ${tally.evaluated} · errors ${tally.errors}`];
  for (const [standard, c] of Object.entries(tally.outcomes)) {
    const waived = c.waived > 0 ? (zh ? ` · 豁免后达标 ${c.waived}` : ` · met with waivers ${c.waived}`) : '';
    lines.push(
      zh
        ? `${standard}: 达标 ${c.met}${waived} · 未达标 ${c.gap} · 未知 ${c.unknown} · 不适用 ${c['not-applicable']}`
        : `${standard}: met ${c.met}${waived} · gap ${c.gap} · unknown ${c.unknown} · not applicable ${c['not-applicable']}`,
    );
  }
  if (portfolio) {
    const { applied, expired, unused } = portfolio.waivers;
    if (applied + expired.length + unused.length > 0) {
      lines.push(
        zh
          ? `豁免：已适用 ${applied} 项 · 已过期 ${expired.length} 条 · 未用到 ${unused.length} 条`
          : `waivers: ${applied} requirements waived · ${expired.length} expired · ${unused.length} unused`,
      );
    }
    for (const program of portfolio.programs) lines.push(...programLines(program, lang));
  }
  return `${lines.map(inertText).join('\n')}\n`;
}

function programLines(program: ProgramProgress, lang: Lang): string[] {
  const zh = lang === 'zh';
  const lines = [`${program.program}  ${program.title[lang]}`];
  for (const target of program.targets) {
    lines.push(`  ${target.title[lang]}  (${zh ? '期限' : 'by'} ${target.by}, ${target.clause})`);
    for (const area of target.areas) {
      const where = [area.county, area.township].filter(Boolean).join(' ');
      const unit = target.unit === 'people' ? (zh ? '人' : 'people') : zh ? '家' : 'facilities';
      const mark = area.status === 'met' ? '✓' : area.status === 'gap' ? '✗' : area.status === 'tracked' ? '–' : '?';
      const undecided =
        (area.unknown ? (zh ? ` · 数据不全 ${area.unknown} 家` : ` · ${area.unknown} facilities lack data`) : '') +
        (area.unplaced ? (zh ? ` · 未填所在地区、无法判断是否计入 ${area.unplaced} 家` : ` · ${area.unplaced} facilities give no region, undecided`) : '');
      // A tracked share has no bound; a share says the share itself; a count, what it asks and what is reached.
      const figures =
        area.status === 'tracked'
          ? `${trackedWords(area, lang)} · ${zh ? `达到 ${area.achieved}${unit}（共 ${area.population}${unit}）` : `achieved ${area.achieved} of ${area.population} ${unit}`}${undecided}`
          : target.measure === 'share'
            ? `${progressText(area, target, lang)}${zh ? ` · 差 ${area.gap}${unit}` : ` · gap ${area.gap}`}${undecided}`
            : zh
              ? `要求 ${area.required}${unit} · 达到 ${area.achieved}${unit}（共 ${area.population}${unit}）· 差 ${area.gap}${unit}${undecided}`
              : `required ${area.required} · achieved ${area.achieved} of ${area.population} ${unit} · gap ${area.gap}${undecided}`;
      lines.push(`    ${mark} ${where ? `${where}: ` : ''}${figures}`);
      if (area.closest.length > 0) {
        const names = area.closest.map((f) => `${f.name ?? f.id ?? `row ${f.row}`} (${f.open})`).join(zh ? '、' : ', ');
        lines.push(`      ${zh ? '最接近达标（尚缺项数）' : 'closest (requirements open)'}: ${names}`);
      }
    }
  }
  return lines;
}
