import type { LadderAssessment } from '../evaluate/ladder.js';
import type { Outcome, Report, RequirementResult } from '../evaluate/result.js';
import type { Lang } from '../text.js';

export interface TextOptions {
  /** Language of the checklist; Chinese by default. */
  lang?: Lang;
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

/** A readable checklist per report: the verdict, then every requirement with what is missing. */
export function renderText(reports: readonly Report[], options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  return reports.map((report) => renderReport(report, lang)).join('\n');
}

function renderReport(report: Report, lang: Lang): string {
  const zh = lang === 'zh';
  const { facility, standard, counts } = report;
  const who = facilityName(facility, lang);
  const tally = countsLine(counts, lang);
  const lines = [
    who,
    `${standard.title[lang]} ${standard.id}@${standard.version}`,
    `${zh ? '结论：' : 'Outcome: '}${outcomeWords[report.outcome][lang]} — ${tally}`,
  ];
  if (report.outcome !== 'not-applicable') {
    lines.push('', ...report.requirements.flatMap((r) => renderRequirement(r, lang)));
  }
  return `${lines.join('\n')}\n`;
}

/** A report's requirements by outcome, in one line: `达标 12 · 差距 2 · 未知 1 · 不适用 0`. */
export function countsLine(counts: Report['counts'], lang: Lang): string {
  const zh = lang === 'zh';
  const waived = counts.waived > 0 ? (zh ? ` · 豁免 ${counts.waived}` : ` · waived ${counts.waived}`) : '';
  return zh
    ? `达标 ${counts.met} · 差距 ${counts.gap} · 未知 ${counts.unknown} · 不适用 ${counts['not-applicable']}${waived}`
    : `met ${counts.met} · gap ${counts.gap} · unknown ${counts.unknown} · not applicable ${counts['not-applicable']}${waived}`;
}

function renderRequirement(r: RequirementResult, lang: Lang): string[] {
  const advisory = r.severity === 'advisory' ? (lang === 'zh' ? ' [建议]' : ' [advisory]') : '';
  const head = `  ${marks[r.outcome]} ${r.title[lang]}${advisory}  ${r.clause}`;
  if (r.outcome === 'met' || r.outcome === 'not-applicable') return [head];
  return [head, `      ${r.message[lang]}`];
}

/** Where each facility stands on a ladder, then the full list of what it lacks for the next level. */
export function renderLadderText(assessments: readonly LadderAssessment[], options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  return assessments.map((a) => renderAssessment(a, lang)).join('\n');
}

function renderAssessment(a: LadderAssessment, lang: Lang): string {
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
    const count = zh ? `${a.gapsToNext.length} 项未达到` : `${a.gapsToNext.length} not yet met`;
    lines.push(`${zh ? '距下一级' : 'To the next level'} ${a.next.title[lang]} (${a.next.standard}): ${count}`, '');
    lines.push(...a.gapsToNext.flatMap((r) => renderRequirement(r, lang)));
  }
  return `${lines.join('\n')}\n`;
}

/** A facility as reports name it: its name and id, or that it has none. */
export function facilityName(facility: LadderAssessment['facility'], lang: Lang): string {
  return [facility.name, facility.id && `(${facility.id})`].filter(Boolean).join(' ') || (lang === 'zh' ? '（未命名机构）' : '(unnamed facility)');
}
