import type { Portfolio, PortfolioFacility, StandardTally } from '../batch/portfolio.js';
import type { BatchReport, FacilityCounts } from '../batch/rows.js';
import type { RequirementResult } from '../evaluate/result.js';
import type { AreaProgress, ProgramProgress, TargetProgress } from '../program/measure.js';
import type { Lang } from '../text.js';
import type { Waiver } from '../waiver/schema.js';
import {
  achievedNotes,
  appliedWaivers,
  areaName,
  boundText,
  closestText,
  countsText,
  facilityLabel,
  progressText,
  shareOf,
  isEmpty,
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
  type Word,
  readingNotes,
  problemText,
} from './portfolio-words.js';
import { inertControls, type Escaper } from './inert.js';
import { requirementMessage } from './messages.js';
import { advisoryTag, countsLine, markOf, marks, outcomeWords, requirementWords } from './text.js';

/**
 * A batch's portfolio as one self-contained HTML document: inline style, charts as inline SVG,
 * nothing fetched. Made to be read on screen and printed on A4 (in colour or black and white:
 * every bar carries its number and every mark its symbol). Text from the data is escaped and
 * isolated in `<bdi>` (in SVG and the title, between U+2068 and U+2069), so neither markup nor bidi
 * controls in a name can change the page around it.
 *
 * Elements tools can find: `#summary [data-count]`, `#standards-chart g[data-standard]` (a rect
 * per outcome, `data-outcome`, `data-count`), `#standards-table tr[data-standard]`,
 * `#programs tr[data-program][data-target]`, `#areas tr[data-county][data-township]`,
 * `#row-errors tr[data-row]`, `#waivers tr[data-waiver]`, and for each facility
 * `article.facility[data-row][data-facility-id]` (id `row-<n>`) holding
 * `section.report[data-standard][data-outcome]` and `li[data-requirement][data-outcome]`.
 */
export function renderPortfolioHtml(portfolio: Portfolio, options: PortfolioRenderOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const w = (key: Word) => word(key, lang);
  const sep = lang === 'zh' ? '：' : ': ';
  const meta = [
    portfolio.input !== undefined && `${esc(w('input'))}${sep}<span data-field="input">${datum(portfolio.input)}</span>`,
    `${esc(w('asOf'))}${sep}<time data-field="as-of">${datum(portfolio.asOf)}</time>`,
  ].filter(Boolean);

  const body = [
    `<header id="report-header"><h1>${esc(w('title'))}</h1><p class="meta">${meta.join(' · ')}</p></header>`,
    summarySection(portfolio, lang),
    readingSection(portfolio, lang),
    standardsSection(portfolio, lang),
    programsSection(portfolio, lang),
    areasSection(portfolio, lang),
    rowErrorsSection(portfolio, lang),
    waiversSection(portfolio, lang),
    `<section id="facilities"><h2>${esc(w('checklists'))}</h2>\n${portfolio.facilities.map((f) => facilityArticle(portfolio, f, lang, options.showPaths ?? false)).join('\n')}\n</section>`,
  ];

  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="facility-standards">
<title>${reportTitle(portfolio, lang, isolatedText)}</title>
<style>${style}</style>
</head>
<body>
${patterns}
${body.join('\n')}
<script>addEventListener('beforeprint', function () { document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });</script>
</body>
</html>
`;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML text and attribute values; controls, which HTML does not allow, written out (`\u001B`). */
function esc(text: string | number): string {
  return inertControls(String(text)).replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** Text from the data as an element's content: escaped, and isolated so that bidi controls in it cannot reorder the text around it. */
function datum(text: string): string {
  return `<bdi>${esc(text)}</bdi>`;
}

/** Text from the data that may run over lines: as `datum`, its line breaks kept. */
function lines(text: string): string {
  return `<bdi>${text.split(/\r\n|\r|\n/).map(esc).join('<br>')}</bdi>`;
}

/** For texts mixing the page's words and data, in element content. */
const html: Escaper = { datum, words: esc };

/** Where no element can isolate (SVG text, the title): between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
const isolated = (text: string): string => `\u2068${esc(text)}\u2069`;

const isolatedText: Escaper = { datum: isolated, words: esc };

/** `name="value"` pairs for the attributes given, escaped; undefined ones left out. */
function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}"><h2>${esc(heading)}</h2>\n${content}\n</section>`;
}

function summarySection(portfolio: Portfolio, lang: Lang): string {
  const item = (key: 'rows' | 'evaluated' | 'errors') =>
    `<div data-count="${key}"><dt>${esc(word(key, lang))}</dt><dd>${portfolio[key]}</dd></div>`;
  return section('summary', word('summary', lang), `<dl class="counts">${item('rows')}${item('evaluated')}${item('errors')}</dl>`);
}

/** What reading the batch found besides its facilities: totals skipped, ids repeated, what was assumed. */
function readingSection(portfolio: Portfolio, lang: Lang): string {
  const notes = readingNotes(portfolio, lang);
  if (notes.length === 0) return '';
  return section('reading', lang === 'zh' ? '读取说明' : 'Notes on reading the data', `<ul>${notes.map((n) => `<li>${datum(n)}</li>`).join('')}</ul>`);
}

/** Fill of each standing: colour for the screen, patterns and lightness apart for black-and-white print. */
const fills: Record<keyof FacilityCounts, { fill: string; text: string }> = {
  met: { fill: '#43a047', text: '#fff' },
  waived: { fill: 'url(#fill-waived)', text: '#000' },
  gap: { fill: '#b71c1c', text: '#fff' },
  unknown: { fill: 'url(#fill-unknown)', text: '#000' },
  'not-applicable': { fill: '#fff', text: '#000' },
};

/** Patterns the charts fill with, defined once for the whole document. */
const patterns = `<svg id="patterns" xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>
<pattern id="fill-waived" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c8e6c9"/><rect width="2" height="6" fill="#2e7d32"/></pattern>
<pattern id="fill-unknown" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#ffe082"/><circle cx="2.5" cy="2.5" r="0.9" fill="#5d4037"/></pattern>
</defs></svg>`;

function swatch(standing: keyof FacilityCounts, x: number, y: number, size = 12): string {
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${fills[standing].fill}" stroke="#333" stroke-width="0.8"/>`;
}

/** Horizontal stacked bars, one per standard, on one scale, each with its numbers written out. */
function standardsChart(standards: readonly StandardTally[], lang: Lang): string {
  const width = 720;
  const barX = 0;
  const barWidth = 600;
  const legendHeight = 30;
  const groupHeight = 74;
  const max = Math.max(1, ...standards.map((s) => totalOf(s.facilities)));
  const height = legendHeight + groupHeight * standards.length;
  let legendX = 0;
  const legend = standings
    .map((s) => {
      const text = standingWords(s, lang);
      const item = `<g class="legend-item" data-outcome="${s}">${swatch(s, legendX, 8)}<text x="${legendX + 17}" y="18.5" font-size="12">${esc(text)}</text></g>`;
      legendX += 17 + textWidth(text, 12) + 18;
      return item;
    })
    .join('');
  const groups = standards.map((s, i) => {
    const y = legendHeight + i * groupHeight;
    const total = totalOf(s.facilities);
    let x = barX;
    const segments = standings
      .filter((k) => s.facilities[k] > 0)
      .map((k) => {
        const n = s.facilities[k];
        const segment = (n / max) * barWidth;
        const fits = segment >= textWidth(String(n), 12) + 8;
        const label = fits
          ? `<text x="${fmt(x + segment / 2)}" y="${y + 38}" font-size="12" font-weight="700" text-anchor="middle" fill="${fills[k].text}"${
              fills[k].text === '#000' ? ' paint-order="stroke" stroke="#fff" stroke-width="3"' : ''
            }>${n}</text>`
          : '';
        const rect = `<rect data-outcome="${k}" data-count="${n}" x="${fmt(x)}" y="${y + 22}" width="${fmt(segment)}" height="22" fill="${fills[k].fill}" stroke="#333" stroke-width="0.8"><title>${esc(`${standingWords(k, lang)}: ${n}`)}</title></rect>${label}`;
        x += segment;
        return rect;
      })
      .join('');
    const breakdown = standings.map((k) => `${standingWords(k, lang)} ${s.facilities[k]}`).join(' · ');
    const unit = lang === 'zh' ? `${total} 家` : `${total} ${total === 1 ? 'facility' : 'facilities'}`;
    return `<g class="bar" data-standard="${esc(s.standard)}" data-total="${total}">
<text x="0" y="${y + 15}" font-size="13" font-weight="700">${isolated(s.title[lang])} <tspan font-size="11" font-weight="400" fill="#444">${isolated(s.standard)}</tspan></text>
${segments}<text x="${fmt(x + 6)}" y="${y + 38}" font-size="12">${esc(unit)}</text>
<text class="breakdown" x="0" y="${y + 62}" font-size="11.5">${esc(breakdown)}</text>
</g>`;
  });
  return `<svg id="standards-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="standards-chart-title">
<title id="standards-chart-title">${esc(word('chart', lang))}</title>
<g class="legend">${legend}</g>
${groups.join('\n')}
</svg>`;
}

/** About how wide a text is drawn: CJK characters a full em, others about 0.6 of one. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.6;
  return em * size;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

function standardsSection(portfolio: Portfolio, lang: Lang): string {
  const w = (key: Word) => word(key, lang);
  if (portfolio.standards.length === 0) return section('standards', w('standards'), `<p>${esc(w('noStandards'))}</p>`);
  const head = `<tr><th>${esc(w('standard'))}</th>${standings.map((s) => `<th class="num" data-outcome="${s}">${esc(standingWords(s, lang))}</th>`).join('')}<th class="num">${esc(w('total'))}</th></tr>`;
  const rows = portfolio.standards.map(
    (s) =>
      `<tr${attrs({ 'data-standard': s.standard })}><td>${datum(s.title[lang])}<br><span class="id">${datum(s.standard)}</span></td>${standings
        .map((k) => `<td class="num" data-outcome="${k}">${s.facilities[k]}</td>`)
        .join('')}<td class="num" data-outcome="total">${totalOf(s.facilities)}</td></tr>`,
  );
  return section(
    'standards',
    w('standards'),
    `<p class="note">${esc(w('standardsNote'))}</p>
<figure class="chart">${standardsChart(portfolio.standards, lang)}</figure>
<table id="standards-table"><thead>${head}</thead><tbody>
${rows.join('\n')}
</tbody></table>`,
  );
}

/**
 * A progress bar. A share target: the share (achieved over the population, by waiver hatched)
 * against the bound, drawn as a line at the bound. A count target: achieved against required.
 * Beside it, the figures in words.
 */
function progressBar(area: AreaProgress, target: TargetProgress, lang: Lang): string {
  const width = 84;
  const share = target.measure === 'share';
  const whole = share ? area.population : area.required;
  // Nothing known to take a share of fills nothing; a count of nothing asked for is reached.
  const filled = whole === 0 ? (share ? 0 : width) : Math.min(1, area.achieved / whole) * width;
  const hatched = whole === 0 ? 0 : Math.min(filled, (area.byWaiver / whole) * width);
  const text = progressText(area, target, lang);
  const figures = share
    ? attrs({ 'data-share': area.population === 0 ? undefined : shareOf(area.achieved, area.population) / 100, 'data-bound': target.bound?.value })
    : '';
  const boundX = 1 + Math.min(1, target.bound?.value ?? 0) * width;
  const boundLine = share && target.bound ? `<line class="bound" x1="${fmt(boundX)}" y1="0" x2="${fmt(boundX)}" y2="16" stroke="#000" stroke-width="2"/>` : '';
  return `<svg class="progress" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width + 2} 16" width="${width + 2}" height="16" role="img"${attrs({ 'aria-label': text })} data-achieved="${area.achieved}" data-required="${area.required}"${figures}><rect x="1" y="1" width="${width}" height="14" fill="#fff" stroke="#333"/><rect x="1" y="1" width="${fmt(filled - hatched)}" height="14" fill="#43a047"/><rect x="${fmt(1 + filled - hatched)}" y="1" width="${fmt(hatched)}" height="14" fill="url(#fill-waived)"/><rect x="1" y="1" width="${width}" height="14" fill="none" stroke="#333"/>${boundLine}</svg><br><span class="pct">${esc(text)}</span>`;
}

function programsSection(portfolio: Portfolio, lang: Lang): string {
  const w = (key: Word) => word(key, lang);
  if (portfolio.programs.length === 0) return section('programs', w('programs'), `<p>${esc(w('noPrograms'))}</p>`);
  return section('programs', w('programs'), portfolio.programs.map((p) => programBlock(p, lang)).join('\n'));
}

function programBlock(program: ProgramProgress, lang: Lang): string {
  const w = (key: Word) => word(key, lang);
  const sep = lang === 'zh' ? '：' : ': ';
  const src = program.source;
  const issued = lang === 'zh' ? `（${datum(src.issuer)}，${datum(src.date)}）` : ` (${datum(src.issuer)}, ${datum(src.date)})`;
  const head = `<tr><th>${esc(w('target'))}</th><th>${esc(w('by'))}</th><th>${esc(w('area'))}</th><th class="num">${esc(w('population'))}</th><th class="num">${esc(w('required'))}</th><th class="num">${esc(w('achieved'))}</th><th>${esc(w('progress'))}</th><th class="num">${esc(w('gap'))}</th><th>${esc(w('status'))}</th></tr>`;
  const rows: string[] = [];
  const closest: string[] = [];
  for (const target of program.targets) {
    target.areas.forEach((area, i) => {
      const where = areaName(area, lang, program.region, html);
      const first = i === 0;
      const span = target.areas.length;
      const targetCells = first
        ? `<td rowspan="${span}" class="target"><strong>${datum(target.title[lang])}</strong> <span class="id">${datum(target.clause)}</span><br><span class="small">${esc(boundText(target, lang))}${lang === 'zh' ? '；' : '; '}${esc(countsText(target, lang))}</span></td><td rowspan="${span}" class="nowrap">${datum(target.by)}</td>`
        : '';
      rows.push(
        `<tr${attrs({ 'data-program': program.program, 'data-target': target.target, 'data-county': area.county, 'data-township': area.township, 'data-status': isEmpty(area) ? 'empty' : area.status })}>${targetCells}<td>${where}</td><td class="num">${area.population} ${esc(unitWord(target, lang))}</td><td class="num" data-field="required">${area.required}</td><td class="num" data-field="achieved"><strong>${area.achieved}</strong>${achievedNotes(area, target, lang).map((n) => `<div class="small">${esc(n)}</div>`).join('')}</td><td>${isEmpty(area) ? '—' : progressBar(area, target, lang)}</td><td class="num" data-field="gap">${area.gap}</td><td data-field="status">${isEmpty(area) ? '' : `${statusMark(area.status)} `}${esc(statusWords(area, target, lang))}</td></tr>`,
      );
      if (area.closest.length > 0) closest.push(closestItem(target, area, where, lang));
    });
  }
  return `<section class="program"${attrs({ 'data-program': program.program })}>
<h3>${datum(program.title[lang])} <span class="id">${datum(program.program)}</span></h3>
<p class="note">${esc(w('source'))}${sep}${datum(src.title)}${issued}</p>
<table class="targets"><thead>${head}</thead><tbody>
${rows.join('\n')}
</tbody></table>
${closest.length > 0 ? `<h4>${esc(w('closest'))}</h4>\n<ul class="closest">\n${closest.join('\n')}\n</ul>` : ''}
</section>`;
}

const statusMark = (status: AreaProgress['status']): string =>
  `<span class="mark" data-outcome="${status}">${status === 'tracked' ? '–' : marks[status]}</span>`;

function closestItem(target: TargetProgress, area: AreaProgress, where: string, lang: Lang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  const names = area.closest
    .map((c) => `<a href="#row-${c.row}"${attrs({ 'data-row': c.row, 'data-facility-id': c.id })}>${closestText(c, lang, html)}</a>`)
    .join(lang === 'zh' ? '；' : '; ');
  return `<li${attrs({ 'data-target': target.target, 'data-county': area.county, 'data-township': area.township })}>${datum(target.title[lang])} · ${where}${sep}${names}</li>`;
}

function areasSection(portfolio: Portfolio, lang: Lang): string {
  const w = (key: Word) => word(key, lang);
  if (portfolio.areas.length === 0) return section('areas', w('areas'), `<p>${esc(w('noStandards'))}</p>`);
  const head = `<tr><th>${esc(w('county'))}</th><th>${esc(w('township'))}</th><th class="num">${esc(w('facilities'))}</th>${portfolio.standards
    .map((s) => `<th class="num"${attrs({ 'data-standard': s.standard })}>${datum(s.title[lang])}</th>`)
    .join('')}</tr>`;
  const rows = portfolio.areas.map(
    (a) =>
      `<tr${attrs({ 'data-county': a.county, 'data-township': a.township })}><td class="nowrap">${a.county === undefined ? '—' : datum(a.county)}</td><td class="nowrap">${a.township === undefined ? '—' : datum(a.township)}</td><td class="num" data-field="facilities">${a.facilities}</td>${portfolio.standards
        .map((s) => `<td class="num"${attrs({ 'data-standard': s.standard })}>${metOverApplicable(a.standards[s.standard])}</td>`)
        .join('')}</tr>`,
  );
  return section('areas', w('areas'), `<p class="note">${esc(w('areasNote'))}</p>\n<table><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
}

function rowErrorsSection(portfolio: Portfolio, lang: Lang): string {
  const w = (key: Word) => word(key, lang);
  if (portfolio.rowErrors.length === 0) return section('row-errors', w('rowErrors'), `<p>${esc(w('noRowErrors'))}</p>`);
  const rows = portfolio.rowErrors.map((e) => {
    const problems = (e.problems ?? []).map((p) => `<li>${p.where ? `<code>${datum(p.where)}</code>${lang === 'zh' ? '：' : ': '}` : ''}${lines(problemText(p, lang))}</li>`);
    return `<tr${attrs({ 'data-row': e.row, 'data-code': e.code })}><td class="num">${e.row}</td><td>${lines(e.message[lang])}</td><td>${problems.length > 0 ? `<ul>${problems.join('')}</ul>` : '—'}</td></tr>`;
  });
  return section(
    'row-errors',
    w('rowErrors'),
    `<table><thead><tr><th class="num">${esc(w('row'))}</th><th>${esc(w('error'))}</th><th>${esc(w('problems'))}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
  );
}

function waiversSection(portfolio: Portfolio, lang: Lang): string {
  const w = (key: Word) => word(key, lang);
  const table = (kind: 'expired' | 'unused', list: readonly Waiver[]) => {
    if (list.length === 0) return `<h3>${esc(w(kind))}</h3>\n<p data-waivers="${kind}">${esc(w('none'))}</p>`;
    const rows = list.map(
      (v) =>
        `<tr${attrs({ 'data-waiver': kind, 'data-facility-id': v.facility, 'data-requirement': v.requirement })}><td>${datum(v.facility)}</td><td>${v.standard === undefined ? esc(waiverStandard(v, lang)) : datum(v.standard)}</td><td>${datum(v.requirement)}</td><td class="nowrap">${datum(v.expires)}</td><td>${datum(v.approver)}</td><td>${lines(v.justification)}</td></tr>`,
    );
    return `<h3>${esc(w(kind))}</h3>
<table data-waivers="${kind}"><thead><tr><th>${esc(w('facility'))}</th><th>${esc(w('standard'))}</th><th>${esc(w('requirement'))}</th><th>${esc(w('expires'))}</th><th>${esc(w('approver'))}</th><th>${esc(w('justification'))}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  };
  return section(
    'waivers',
    w('waivers'),
    `<p data-count="waivers-applied" data-applied="${portfolio.waivers.applied}">${esc(appliedWaivers(portfolio.waivers.applied, lang))}</p>
${table('expired', portfolio.waivers.expired)}
${table('unused', portfolio.waivers.unused)}`,
  );
}

function facilityArticle(portfolio: Portfolio, f: PortfolioFacility, lang: Lang, showPaths: boolean): string {
  const place = placeOf(f.facility, lang, html);
  const verdicts = f.reports
    .map(
      (r) =>
        `<li${attrs({ 'data-standard': r.standard, 'data-outcome': r.outcome })}><span class="mark">${marks[r.outcome]}</span> ${datum(standardTitle(portfolio, r.standard, lang))}${lang === 'zh' ? '：' : ': '}${esc(outcomeWords[r.outcome][lang])}</li>`,
    )
    .join('');
  return `<article class="facility" id="row-${f.row}"${attrs({ 'data-row': f.row, 'data-facility-id': f.facility.id })}>
<details open>
<summary class="facility-head"><h3><span class="row">${esc(rowLabel(f.row, lang))}</span> · <span class="name">${facilityLabel(f.facility, lang, html)}</span></h3></summary>
<div class="facility-meta">${place ? `<p class="place">${place}</p>` : ''}<ul class="verdicts">${verdicts}</ul></div>
${f.reports.map((r) => reportSection(portfolio, r, lang, showPaths)).join('\n')}
</details>
</article>`;
}

function reportSection(portfolio: Portfolio, report: BatchReport, lang: Lang, showPaths: boolean): string {
  const sep = lang === 'zh' ? '：' : ': ';
  const head = `<div class="report-head"><h4>${datum(standardTitle(portfolio, report.standard, lang))} <span class="id">${datum(report.standard)}</span></h4><p class="outcome"><strong>${esc(word('outcome', lang))}${sep}<span class="mark">${marks[report.outcome]}</span> ${esc(outcomeWords[report.outcome][lang])}</strong> — ${esc(countsLine(report.counts, report.gaps, lang))}</p></div>`;
  let items = '';
  if (report.outcome !== 'not-applicable') {
    const { requirements, complete } = listedRequirements(report);
    items = `${complete ? '' : `<p class="partial">${esc(word('partial', lang))}</p>`}${
      requirements.length > 0 ? `<ul class="checklist">${requirements.map((r) => requirementItem(r, lang, showPaths)).join('')}</ul>` : ''
    }`;
  }
  return `<section class="report"${attrs({ 'data-standard': report.standard, 'data-outcome': report.outcome })}>${head}${items}</section>`;
}

function requirementItem(r: RequirementResult, lang: Lang, showPaths: boolean): string {
  const tag = advisoryTag(r, lang);
  const advisory = tag ? ` <span class="advisory">${esc(tag)}</span>` : '';
  const message = r.outcome === 'met' || r.outcome === 'not-applicable' ? '' : `<div class="message">${lines(requirementMessage(r, lang, showPaths))}</div>`;
  return `<li${attrs({ 'data-requirement': r.requirement, 'data-outcome': r.outcome, 'data-severity': r.severity })}><span class="mark" aria-label="${esc(requirementWords(r, lang))}">${esc(markOf(r))}</span> <span class="title">${datum(r.title[lang])}</span>${advisory} <span class="clause">${datum(r.clause)}</span>${message}</li>`;
}

const style = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #111; background: #fff; max-width: 190mm; margin: 0 auto; padding: 16px; }
h1 { font-size: 19pt; margin: 0 0 2px; }
h2 { font-size: 14pt; border-bottom: 2px solid #222; padding-bottom: 2px; margin: 22px 0 8px; break-after: avoid; }
h3 { font-size: 12pt; margin: 14px 0 4px; break-after: avoid; }
h4 { font-size: 11pt; margin: 10px 0 2px; break-after: avoid; }
.meta, .note, .place, .small { color: #333; }
.note { font-size: 9.5pt; }
.id, .clause { color: #555; font-size: 0.85em; font-weight: 400; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 9.5pt; }
th, td { border: 1px solid #777; padding: 3px 6px; text-align: left; vertical-align: top; }
th { font-weight: 700; border-bottom: 2px solid #333; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, .nowrap { white-space: nowrap; }
table.targets { font-size: 9pt; }
table.targets th { white-space: nowrap; }
table.targets td.target { overflow-wrap: anywhere; }
td.num .small { white-space: normal; font-size: 8.5pt; min-width: 6em; }
td[data-field="status"] { min-width: 5em; }
thead { display: table-header-group; }
tr, li, .facility-head, .report-head, figure { break-inside: avoid; }
td ul { margin: 0; padding-left: 1.1em; }
.counts { display: flex; gap: 12px; margin: 0; }
.counts div { border: 1.5px solid #333; padding: 4px 16px; min-width: 7em; }
.counts dt { font-size: 9.5pt; color: #333; }
.counts dd { margin: 0; font-size: 20pt; font-weight: 700; font-variant-numeric: tabular-nums; }
figure.chart { margin: 8px 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
svg.progress { vertical-align: middle; }
.pct { white-space: nowrap; font-variant-numeric: tabular-nums; }
.closest { font-size: 9.5pt; }
a { color: inherit; }
.mark { display: inline-block; min-width: 1.2em; text-align: center; font-weight: 700; }
[data-outcome="met"] > .mark, .mark[data-outcome="met"] { color: #2e7d32; }
[data-outcome="gap"] > .mark, .mark[data-outcome="gap"] { color: #b71c1c; }
[data-outcome="gap"][data-severity="advisory"] > .mark { color: #8d6e00; }
[data-outcome="unknown"] > .mark, .mark[data-outcome="unknown"] { color: #8d6e00; }
[data-outcome="waived"] > .mark { color: #1565c0; }
[data-outcome="not-applicable"] > .mark { color: #666; }
.facility { border-top: 2px solid #222; margin-top: 16px; padding-top: 2px; }
.facility-head { cursor: pointer; break-after: avoid; }
.facility-head h3 { display: inline; }
.facility-meta { break-after: avoid; break-inside: avoid; }
.facility-meta .place { margin: 0; font-size: 9.5pt; }
.verdicts { list-style: none; margin: 0; padding: 0; font-size: 9.5pt; }
.verdicts li { display: inline-block; margin-right: 1.2em; }
.report { margin-left: 0.4em; }
.report-head { break-after: avoid; }
.report .outcome { margin: 0 0 2px; }
.checklist { list-style: none; margin: 2px 0 8px; padding: 0; }
.checklist li { padding: 1px 0; }
.checklist .message, .checklist .waiver { margin-left: 1.6em; font-size: 9.5pt; }
.checklist li[data-outcome="gap"][data-severity="required"] .message { font-weight: 600; }
.partial { font-style: italic; font-size: 9.5pt; border-left: 3px solid #777; padding-left: 6px; }
.advisory { font-size: 0.85em; color: #555; }
code { font-size: 0.9em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  details::details-content { content-visibility: visible; display: contents; }
  .facility-head { list-style: none; cursor: auto; }
  .facility-head::-webkit-details-marker { display: none; }
  a { text-decoration: none; }
}
`;
