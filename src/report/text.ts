import type { LadderAssessment } from '../evaluate/ladder.js';
import type { Outcome, Report, RequirementResult } from '../evaluate/result.js';
import type { Lang } from '../text.js';
import { inertText, plain, type Escaper } from './inert.js';
import { requirementMessage } from './messages.js';

export interface TextOptions {
  /** Language of the checklist; Chinese by default. */
  lang?: Lang;
  /** Whether messages about missing data name the record fields (`premises.ownership`) in Chinese too. */
  showPaths?: boolean;
}

/** How an outcome is said: in checklists, and in the batch reports (Markdown, HTML). */
export const outcomeWords: Record<Outcome, Record<Lang, string>> = {
  met: { zh: '达标', en: 'met' },
  gap: { zh: '未达标', en: 'gap' },
  unknown: { zh: '数据不全，无法判定', en: 'unknown (data missing)' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  waived: { zh: '已豁免', en: 'waived' },
};

/** The checklist mark of each outcome. */
export const marks: Record<Outcome, string> = { met: '✓', gap: '✗', unknown: '?', 'not-applicable': '-', waived: '~' };

/** An advisory requirement not met: it does not decide the verdict, so it is not called a gap. */
export const advisoryGapWords: Record<Lang, string> = { zh: '建议项未落实', en: 'advisory, not in place' };

export const advisoryGapMark = '△';

type Judged = Pick<RequirementResult, 'outcome' | 'severity'>;

const isAdvisoryGap = (r: Judged): boolean => r.outcome === 'gap' && r.severity === 'advisory';

/** A requirement's mark in a checklist. */
export const markOf = (r: Judged): string => (isAdvisoryGap(r) ? advisoryGapMark : marks[r.outcome]);

/** How a requirement's outcome is said in a checklist: an advisory one not met is not a gap. */
export const requirementWords = (r: Judged, lang: Lang): string => (isAdvisoryGap(r) ? advisoryGapWords[lang] : outcomeWords[r.outcome][lang]);

/** The tag after an advisory requirement's title: `[建议]`, or `[建议项未落实]` when it is not met. */
export function advisoryTag(r: Judged, lang: Lang): string {
  if (r.severity !== 'advisory') return '';
  if (isAdvisoryGap(r)) return `[${advisoryGapWords[lang]}]`;
  return lang === 'zh' ? '[建议]' : '[advisory]';
}

/** Plain text lines joined, every line made inert: the lines' own words hold no control character. */
const joinLines = (lines: readonly string[]): string => lines.map(inertText).join('\n');

/** A readable checklist per report: the verdict, then every requirement with what is missing. */
export function renderText(reports: readonly Report[], options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  return reports.map((report) => renderReport(report, lang, options.showPaths ?? false)).join('\n');
}

function renderReport(report: Report, lang: Lang, showPaths: boolean): string {
  const zh = lang === 'zh';
  const { facility, standard, counts } = report;
  const who = facilityName(facility, lang);
  const tally = countsLine(counts, report.requirements, lang);
  const lines = [
    who,
    `${standard.title[lang]} ${standard.id}@${standard.version}`,
    `${zh ? '结论：' : 'Outcome: '}${outcomeWords[report.outcome][lang]} — ${tally}`,
  ];
  if (report.outcome !== 'not-applicable') {
    lines.push('', ...report.requirements.flatMap((r) => renderRequirement(r, lang, showPaths)));
  }
  return `${joinLines(lines)}\n`;
}

/**
 * A report's requirements by outcome, in one line: `达标 12 · 差距 2 · 建议项未落实 1 · 未知 1 · 不适用 0`.
 * `notMet` holds at least the report's requirements not met (its gaps), to tell the advisory ones apart.
 */
export function countsLine(counts: Report['counts'], notMet: readonly Judged[], lang: Lang): string {
  const zh = lang === 'zh';
  const advisory = notMet.filter(isAdvisoryGap).length;
  const gap = counts.gap - advisory;
  const advisoryPart = advisory > 0 ? ` · ${advisoryGapWords[lang]} ${advisory}` : '';
  const waived = counts.waived > 0 ? (zh ? ` · 豁免 ${counts.waived}` : ` · waived ${counts.waived}`) : '';
  return zh
    ? `达标 ${counts.met} · 差距 ${gap}${advisoryPart} · 未知 ${counts.unknown} · 不适用 ${counts['not-applicable']}${waived}`
    : `met ${counts.met} · gap ${gap}${advisoryPart} · unknown ${counts.unknown} · not applicable ${counts['not-applicable']}${waived}`;
}

function renderRequirement(r: RequirementResult, lang: Lang, showPaths: boolean): string[] {
  const tag = advisoryTag(r, lang);
  const head = `  ${markOf(r)} ${r.title[lang]}${tag && ` ${tag}`}  ${r.clause}`;
  if (r.outcome === 'met' || r.outcome === 'not-applicable') return [head];
  return [head, `      ${requirementMessage(r, lang, showPaths)}`];
}

/** Where each facility stands on a ladder, then the full list of what it lacks for the next level. */
export function renderLadderText(assessments: readonly LadderAssessment[], options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  return assessments.map((a) => renderAssessment(a, lang, options.showPaths ?? false)).join('\n');
}

function renderAssessment(a: LadderAssessment, lang: Lang, showPaths: boolean): string {
  const zh = lang === 'zh';
  const none = zh ? '（无）' : '(none)';
  const lines = [
    facilityName(a.facility, lang),
    `${a.ladder.title[lang]} ${a.ladder.id}`,
    ...a.levels.map((level) => `  ${level.reached ? '✓' : marks[level.outcome]} ${level.title[lang]}  ${level.standard} — ${outcomeWords[level.outcome][lang]}`),
    `${zh ? '已达到：' : 'Reached: '}${a.achieved ? `${a.achieved.title[lang]} (${a.achieved.standard})` : none}`,
  ];
  if (!a.next) {
    lines.push(zh ? '已达到最高一级。' : 'The top level is reached.');
  } else if (a.next.outcome === 'not-applicable') {
    lines.push(`${zh ? '下一级' : 'Next level'}: ${a.next.title[lang]} — ${outcomeWords['not-applicable'][lang]}`);
  } else {
    const advisory = a.gapsToNext.filter(isAdvisoryGap).length;
    const open = a.gapsToNext.length - advisory;
    const also = advisory === 0 ? '' : zh ? `，另有 ${advisory} 项${advisoryGapWords.zh}` : `; ${advisory} ${advisoryGapWords.en}`;
    const count = zh ? `${open} 项未达到${also}` : `${open} not yet met${also}`;
    lines.push(`${zh ? '距下一级' : 'To the next level'} ${a.next.title[lang]} (${a.next.standard}): ${count}`, '');
    lines.push(...a.gapsToNext.flatMap((r) => renderRequirement(r, lang, showPaths)));
  }
  return `${joinLines(lines)}\n`;
}

/** A facility as reports name it: its name and id (each written by `e.datum`), or that it has none. */
export function facilityName(facility: LadderAssessment['facility'], lang: Lang, e: Escaper = plain): string {
  if (!facility.name && !facility.id) return e.words(lang === 'zh' ? '（未命名机构）' : '(unnamed facility)');
  const id = facility.id ? `${e.words('(')}${e.datum(facility.id)}${e.words(')')}` : '';
  return [facility.name && e.datum(facility.name), id].filter(Boolean).join(' ');
}
