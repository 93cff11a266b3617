import type { Portfolio, PortfolioFacility } from '../batch/portfolio.js';
import type { BatchReport } from '../batch/rows.js';
import type { RequirementResult } from '../evaluate/result.js';
import type { ProgramProgress } from '../program/measure.js';
import type { Lang } from '../text.js';
import type { Waiver } from '../waiver/schema.js';
import {
  achievedText,
  appliedWaivers,
  areaName,
  boundText,
  closestText,
  countsText,
  facilityLabel,
  isEmpty,
  progressText,
  listedRequirements,
  metOverApplicable,
  placeOf,
  reportTitle,
  rowLabel,
  standardTitle,
  standings,
  standingWords,
  statusWords,
  totalOf,
  unitWord,
  waiverStandard,
  word,
  type PortfolioRenderOptions,
  readingNotes,
  problemText,
} from './portfolio-words.js';
import { inertText } from './inert.js';
import { requirementMessage } from './messages.js';
import { advisoryTag, countsLine, markOf, outcomeWords } from './text.js';

export type { PortfolioRenderOptions } from './portfolio-words.js';

/**
 * A batch's portfolio as Markdown (CommonMark with GitHub tables): the summary, facilities by
 * standard, programme targets, townships, rows not evaluated, waivers, then every facility's
 * checklist. Text from the data is escaped, so a name cannot become markup or break a table.
 */
export function renderPortfolioMarkdown(portfolio: Portfolio, options: PortfolioRenderOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const w = (key: Parameters<typeof word>[0]) => word(key, lang);
  const sep = lang === 'zh' ? '：' : ': ';
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(...lines, '');

  para(`# ${inline(reportTitle(portfolio, lang))}`);
  para(
    [portfolio.input !== undefined && `${w('input')}${sep}${inline(portfolio.input)}`, `${w('asOf')}${sep}${inline(portfolio.asOf)}`]
      .filter(Boolean)
      .join(' · '),
  );

  para(`## ${w('summary')}`);
  para(
    ...table(
      [w('item'), w('count')],
      [
        [w('rows'), String(portfolio.rows)],
        [w('evaluated'), String(portfolio.evaluated)],
        [w('errors'), String(portfolio.errors)],
      ],
      [false, true],
    ),
  );

  const reading = readingNotes(portfolio, lang);
  if (reading.length > 0) {
    para(`## ${lang === 'zh' ? '读取说明' : 'Notes on reading the data'}`);
    para(...reading.map((note) => `- ${inline(note)}`));
  }

  para(`## ${w('standards')}`);
  if (portfolio.standards.length === 0) para(w('noStandards'));
  else {
    para(w('standardsNote'));
    para(
      ...table(
        [w('standard'), w('id'), ...standings.map((s) => standingWords(s, lang)), w('total')],
        portfolio.standards.map((s) => [
          cell(s.title[lang]),
          cell(s.standard),
          ...standings.map((k) => String(s.facilities[k])),
          String(totalOf(s.facilities)),
        ]),
        [false, false, ...standings.map(() => true), true],
      ),
    );
  }

  para(`## ${w('programs')}`);
  if (portfolio.programs.length === 0) para(w('noPrograms'));
  for (const program of portfolio.programs) renderProgram(program, lang, para);

  para(`## ${w('areas')}`);
  if (portfolio.areas.length === 0) para(w('noStandards'));
  else {
    para(w('areasNote'));
    para(
      ...table(
        [w('county'), w('township'), w('facilities'), ...portfolio.standards.map((s) => cell(s.title[lang]))],
        portfolio.areas.map((a) => [
          cell(a.county ?? '—'),
          cell(a.township ?? '—'),
          String(a.facilities),
          ...portfolio.standards.map((s) => metOverApplicable(a.standards[s.standard])),
        ]),
        [false, false, true, ...portfolio.standards.map(() => true)],
      ),
    );
  }

  para(`## ${w('rowErrors')}`);
  if (portfolio.rowErrors.length === 0) para(w('noRowErrors'));
  else {
    para(
      ...table(
        [w('row'), w('error'), w('problems')],
        portfolio.rowErrors.map((e) => [
          String(e.row),
          cell(e.message[lang]),
          (e.problems ?? []).map((p) => cell(p.where ? `${p.where}${sep}${problemText(p, lang)}` : problemText(p, lang))).join('<br>') || '—',
        ]),
        [true, false, false],
      ),
    );
  }

  para(`## ${w('waivers')}`);
  para(appliedWaivers(portfolio.waivers.applied, lang));
  for (const [key, list] of [['expired', portfolio.waivers.expired], ['unused', portfolio.waivers.unused]] as const) {
    para(`### ${w(key)}`);
    if (list.length === 0) para(w('none'));
    else para(...waiverTable(list, lang));
  }

  para(`## ${w('checklists')}`);
  const showPaths = options.showPaths ?? false;
  for (const facility of portfolio.facilities) renderFacility(portfolio, facility, lang, showPaths, para);

  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function renderProgram(program: ProgramProgress, lang: Lang, para: (...lines: string[]) => void): void {
  const w = (key: Parameters<typeof word>[0]) => word(key, lang);
  const sep = lang === 'zh' ? '：' : ': ';
  para(`### ${inline(program.title[lang])} · ${inline(program.program)}`);
  const src = program.source;
  const issued = lang === 'zh' ? `（${inline(src.issuer)}，${inline(src.date)}）` : ` (${inline(src.issuer)}, ${inline(src.date)})`;
  para(`${w('source')}${sep}${inline(src.title)}${issued}`);
  const rows: string[][] = [];
  const closest: string[] = [];
  for (const target of program.targets) {
    for (const area of target.areas) {
      const where = areaName(area, lang, program.region);
      rows.push([
        lang === 'zh'
          ? `${cell(target.title[lang])}（${cell(target.clause)}）<br>${cell(boundText(target, lang))}；${cell(countsText(target, lang))}`
          : `${cell(target.title[lang])} (${cell(target.clause)})<br>${cell(boundText(target, lang))}; ${cell(countsText(target, lang))}`,
        cell(target.by),
        cell(where),
        `${area.population} ${unitWord(target, lang)}`,
        String(area.required),
        cell(achievedText(area, target, lang)),
        isEmpty(area) ? '—' : cell(progressText(area, target, lang)),
        String(area.gap),
        cell(statusWords(area, target, lang)),
      ]);
      if (area.closest.length > 0) {
        const list = area.closest.map((c) => inline(closestText(c, lang))).join(lang === 'zh' ? '；' : '; ');
        closest.push(`- ${inline(target.title[lang])} · ${inline(where)}${sep}${list}`);
      }
    }
  }
  para(
    ...table(
      [w('target'), w('by'), w('area'), w('population'), w('required'), w('achieved'), w('progress'), w('gap'), w('status')],
      rows,
      [false, false, false, true, true, true, false, true, false],
    ),
  );
  if (closest.length > 0) para(`${w('closest')}${sep}`, '', ...closest);
}

function waiverTable(list: readonly Waiver[], lang: Lang): string[] {
  const w = (key: Parameters<typeof word>[0]) => word(key, lang);
  return table(
    [w('facility'), w('standard'), w('requirement'), w('expires'), w('approver'), w('justification')],
    list.map((v) => [cell(v.facility), cell(waiverStandard(v, lang)), cell(v.requirement), cell(v.expires), cell(v.approver), cell(v.justification)]),
  );
}

function renderFacility(portfolio: Portfolio, f: PortfolioFacility, lang: Lang, showPaths: boolean, para: (...lines: string[]) => void): void {
  para(`### ${inline(rowLabel(f.row, lang))} · ${inline(facilityLabel(f.facility, lang))}`);
  const place = placeOf(f.facility, lang);
  if (place) para(inline(place));
  for (const report of f.reports) renderReport(portfolio, report, lang, showPaths, para);
}

function renderReport(portfolio: Portfolio, report: BatchReport, lang: Lang, showPaths: boolean, para: (...lines: string[]) => void): void {
  const sep = lang === 'zh' ? '：' : ': ';
  para(`#### ${inline(standardTitle(portfolio, report.standard, lang))} · ${inline(report.standard)}`);
  para(`**${word('outcome', lang)}${sep}${outcomeWords[report.outcome][lang]}** — ${countsLine(report.counts, report.gaps, lang)}`);
  if (report.outcome === 'not-applicable') return;
  const { requirements, complete } = listedRequirements(report);
  if (!complete) para(`*${word('partial', lang)}*`);
  if (requirements.length > 0) para(...requirements.map((r) => requirementItem(r, lang, showPaths)));
}

function requirementItem(r: RequirementResult, lang: Lang, showPaths: boolean): string {
  const tag = advisoryTag(r, lang);
  // A bare "-" after the list marker would open a nested list.
  const mark = markOf(r) === '-' ? '\\-' : markOf(r);
  const head = `- ${mark} ${inline(r.title[lang])}${tag && ` ${tag}`} · ${inline(r.clause)}`;
  if (r.outcome === 'met' || r.outcome === 'not-applicable') return head;
  // A backslash at the end of a line is a hard line break. A waived one's message names the waiver.
  return `${head}\\\n  ${inline(requirementMessage(r, lang, showPaths))}`;
}

/** A GitHub table; `right` aligns numeric columns. Cells must already be escaped. */
function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (right[i] ? '---:' : '---'))), ...rows.map(line)];
}

/** Characters that CommonMark or GitHub tables may read as markup wherever they are in a line. */
const special = /[\\`*_[\]<>|#&~!]/g;

/**
 * What opens a block when it starts a line: spaces (four make code), a list or heading-underline
 * mark (`-`, `+`, `=`), an ordered-list number (`1. `, `1)`; not `33.3%`). `#`, `>`, `*`, `_`, `|`
 * and `<` are escaped anywhere.
 */
const blockStart = /^( *)(?:([-+=])|(\d{1,9})([.)])(?=[ \t]|$))/;

/**
 * Text from the data, escaped for Markdown: markup characters backslashed, what would open a block
 * at the start of a line escaped (data may start a line), line breaks written by `lineBreak`, and
 * controls and bidi controls written out (`\u202E`), as in the text output.
 */
function escapeMarkdown(text: string, lineBreak: string): string {
  const escaped = text
    .replace(special, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, lineBreak)
    .replace(blockStart, (_, spaces: string, mark?: string, digits?: string, dot?: string) =>
      `${'&#32;'.repeat(spaces.length)}${mark ? `\\${mark}` : `${digits}\\${dot}`}`,
    )
    .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length));
  return inertText(escaped);
}

/** Text from the data for a Markdown line: newlines made spaces. */
const inline = (text: string): string => escapeMarkdown(text, ' ');

/** Text from the data for a table cell: newlines as `<br>`. */
const cell = (text: string): string => escapeMarkdown(text, '<br>');
