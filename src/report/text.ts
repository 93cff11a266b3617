import type { Outcome, Report, RequirementResult } from '../evaluate/result.js';
import type { Lang } from '../text.js';

export interface TextOptions {
  /** Language of the checklist; Chinese by default. */
  lang?: Lang;
}

const outcomeWords: Record<Outcome, Record<Lang, string>> = {
  met: { zh: '达标', en: 'met' },
  gap: { zh: '未达标', en: 'gap' },
  unknown: { zh: '数据不全，无法判定', en: 'unknown (data missing)' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
};

const marks: Record<Outcome, string> = { met: '✓', gap: '✗', unknown: '?', 'not-applicable': '-' };

/** A readable checklist per report: the verdict, then every requirement with what is missing. */
export function renderText(reports: readonly Report[], options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  return reports.map((report) => renderReport(report, lang)).join('\n');
}

function renderReport(report: Report, lang: Lang): string {
  const zh = lang === 'zh';
  const { facility, standard, counts } = report;
  const who = [facility.name, facility.id && `(${facility.id})`].filter(Boolean).join(' ') || (zh ? '（未命名机构）' : '(unnamed facility)');
  const tally = zh
    ? `达标 ${counts.met} · 差距 ${counts.gap} · 未知 ${counts.unknown} · 不适用 ${counts['not-applicable']}`
    : `met ${counts.met} · gap ${counts.gap} · unknown ${counts.unknown} · not applicable ${counts['not-applicable']}`;
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

function renderRequirement(r: RequirementResult, lang: Lang): string[] {
  const advisory = r.severity === 'advisory' ? (lang === 'zh' ? ' [建议]' : ' [advisory]') : '';
  const head = `  ${marks[r.outcome]} ${r.title[lang]}${advisory}  ${r.clause}`;
  if (r.outcome === 'met' || r.outcome === 'not-applicable') return [head];
  return [head, `      ${r.message[lang]}`];
}
