// The reports a county assessor hands on for a batch: the portfolio as Markdown and as HTML,
// built from a real batch (fixtures/changzhi records, one sparse record named with markup, one
// invalid row, waivers, programmes). Every expected figure below is worked out by hand from the
// records and the rule files (rules/national/village-clinic-2014.yaml, rules/shanxi/changzhi/**,
// rules/programs/changzhi-2028.yaml and the programme in test/support/portfolio.ts).
import { describe, expect, it } from 'vitest';
import { portfolioBuilder } from '../src/batch/portfolio.js';
import { renderPortfolioHtml, renderPortfolioMarkdown, bundledStandards } from '../src/index.js';
import { asOf, buildPortfolio, bundledProgram, hostileName } from './support/portfolio.js';

const { portfolio, output } = buildPortfolio();
const zh = renderPortfolioMarkdown(portfolio);
const en = renderPortfolioMarkdown(portfolio, { lang: 'en' });
const htmlZh = renderPortfolioHtml(portfolio);
const htmlEn = renderPortfolioHtml(portfolio, { lang: 'en' });

type Counts = [met: number, waived: number, gap: number, unknown: number, notApplicable: number];

/**
 * Facilities by standard, by hand. Rows 1–5 are in 平顺县, where the county overlays replace the
 * city standards; rows 7–9 in 壶关县. The national standard applies to every village clinic.
 * - national/village-clinic-2014 (building ≥ 60 m², four rooms, an observation room where
 *   infusions are given — unknown when services.ivInfusion is not given): row 1 met (given
 *   ivInfusion, has an observation room); row 2 gap (no public-health room); rows 3, 4, 7, 8, 9
 *   unknown (no ivInfusion); row 5 unknown (no rooms).
 * - pingshun/village-clinic = changzhi/village-clinic: row 1 met; row 2 gap (four-rooms); row 3
 *   gap (naming: 东庄卫生所); row 4 met with a waiver (utilities: no heating, waived until
 *   2027-06-30); row 5 unknown (only a building area).
 * - pingshun/village-clinic-demonstration (≥ 1000 people): rows 1–5 serve 820, 610, 700, 410,
 *   300 — not applicable.
 * - changzhi/village-clinic: row 7 gap (rented premises), row 8 gap (no cooling; its waiver
 *   expired 2026-09-30), row 9 met.
 * - changzhi/village-clinic-demonstration: rows 7 and 8 serve 690 and 520, not applicable; row 9
 *   (2350 people) met.
 */
const byStandard: Record<string, Counts> = {
  'national/village-clinic-2014@2014': [1, 0, 1, 6, 0],
  'pingshun/village-clinic@2026': [1, 1, 2, 1, 0],
  'pingshun/village-clinic-demonstration@2026': [0, 0, 0, 0, 5],
  'changzhi/village-clinic@2026': [1, 0, 2, 0, 0],
  'changzhi/village-clinic-demonstration@2026': [1, 0, 0, 0, 2],
};

/** The GitHub tables of a Markdown text: rows of cells, the delimiter row left out. */
function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (!current) found.push((current = []));
    // Cells are split at pipes that are not escaped.
    current.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return found.map((t) => [t[0]!, ...t.slice(2)]);
}

/** The table whose header starts with these cells. */
function tableStarting(markdown: string, ...head: string[]): string[][] {
  const table = tables(markdown).find((t) => head.every((h, i) => t[0]![i] === h));
  expect(table, `a table headed ${head.join(' | ')}`).toBeDefined();
  return table!;
}

/** The lines under a heading, up to the next heading of the same or a higher level. */
function sectionOf(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('the batch behind the reports', () => {
  it('is the batch the expectations were worked out for', () => {
    expect(output.map((r) => ('error' in r ? `${r.row}: error` : `${r.row}: ${r.reports.length}`))).toEqual([
      '1: 3', '2: 3', '3: 3', '4: 3', '5: 3', '6: error', '7: 3', '8: 3', '9: 3',
    ]);
    expect(portfolio).toMatchObject({ rows: 9, evaluated: 8, errors: 1, asOf, input: 'changzhi-village-clinics.ndjson' });
    expect(bundledProgram(), 'rules/programs/changzhi-2028.yaml').toBeDefined();
  });
});

describe('renderPortfolioMarkdown', () => {
  it('titles the report with the input file and gives the summary counts', () => {
    expect(zh.split('\n')[0]).toBe('# 设施达标评估报告 — changzhi-village-clinics.ndjson');
    expect(zh).toContain('评估基准日：2026-11-23');
    expect(tableStarting(zh, '项目', '数量').slice(1)).toEqual([
      ['行数', '9'],
      ['已评估', '8'],
      ['无法评估', '1'],
    ]);
    expect(en.split('\n')[0]).toBe('# Facility standards assessment — changzhi-village-clinics.ndjson');
    expect(tableStarting(en, 'Item', 'Count').slice(1)).toEqual([
      ['Rows', '9'],
      ['Evaluated', '8'],
      ['Not evaluated', '1'],
    ]);
  });

  it('writes well-formed tables: every row has as many cells as its header', () => {
    for (const markdown of [zh, en]) {
      const all = tables(markdown);
      expect(all.length).toBeGreaterThanOrEqual(8);
      for (const table of all) {
        for (const row of table) expect(row, table[0]!.join(' | ')).toHaveLength(table[0]!.length);
      }
      // The delimiter row under each header matches it too.
      const lines = markdown.split('\n');
      lines.forEach((line, i) => {
        if (line.startsWith('|') && !lines[i - 1]?.startsWith('|')) {
          expect(lines[i + 1]).toMatch(/^\|( -{3}:? \|)+$/);
          expect(lines[i + 1]!.split('|').length).toBe(line.split(/(?<!\\)\|/).length);
        }
      });
    }
  });

  it('counts facilities by standard and outcome as worked out by hand', () => {
    const table = tableStarting(zh, '标准', '编号');
    expect(table[0]).toEqual(['标准', '编号', '达标', '豁免后达标', '未达标', '数据不全，无法判定', '不适用', '合计']);
    const rows = Object.fromEntries(table.slice(1).map((r) => [r[1]!, r.slice(2).map(Number)]));
    expect(rows).toEqual(
      Object.fromEntries(Object.entries(byStandard).map(([id, counts]) => [id, [...counts, counts.reduce((a, b) => a + b, 0)]])),
    );
    expect(table.slice(1).map((r) => r[0])).toEqual(['村卫生室管理办法（试行）', '平顺县标准化村卫生室', '平顺县综合示范卫生室', '长治市标准化村卫生室', '长治市综合示范卫生室']);
    expect(tableStarting(en, 'Standard', 'Id')[0]).toEqual(['Standard', 'Id', 'met', 'met with waivers', 'gap', 'unknown (data missing)', 'not applicable', 'Total']);
  });

  it('gives each township its facilities and, per standard, met/applicable', () => {
    const table = tableStarting(zh, '县（区）', '乡镇', '机构数');
    expect(table[0]!.slice(3)).toEqual(['村卫生室管理办法（试行）', '平顺县标准化村卫生室', '平顺县综合示范卫生室', '长治市标准化村卫生室', '长治市综合示范卫生室']);
    expect(table.slice(1)).toEqual([
      ['平顺县', '青羊镇', '1', '1/1', '1/1', '—', '—', '—'],
      ['平顺县', '龙溪镇', '1', '0/1', '0/1', '—', '—', '—'],
      // The naming break and the sparse record.
      ['平顺县', '西沟乡', '2', '0/2', '0/2', '—', '—', '—'],
      // Met with a waiver counts as met.
      ['平顺县', '石城镇', '1', '0/1', '1/1', '—', '—', '—'],
      ['壶关县', '店上镇', '1', '0/1', '—', '—', '0/1', '—'],
      ['壶关县', '树掌镇', '1', '0/1', '—', '—', '0/1', '—'],
      ['壶关县', '百尺镇', '1', '0/1', '—', '—', '1/1', '1/1'],
    ]);
  });

  it('measures the programme targets per county where the target says so, naming the closest facilities', () => {
    const table = tableStarting(zh, '目标', '期限', '地区');
    expect(table[0]).toEqual(['目标', '期限', '地区', '基数', '要求', '已达到', '进度', '尚差', '状态']);
    const row = (title: string, area: string) => {
      const found = table.find((r) => r[0]!.startsWith(title) && r[2] === area);
      expect(found, `${title} · ${area}`).toBeDefined();
      return found!.slice(1);
    };
    // Every village clinic meeting changzhi/village-clinic, per county. 平顺县: rows 1 (met) and 4
    // (met by waiver) of 5; row 5 is undecided. 壶关县: row 9 of rows 7–9.
    // A share target gives the share itself (2 of 5 is 40 %; 1 of 3 is 33.3 %, rounded down) next to its bound.
    expect(row('村卫生室标准化全覆盖', '平顺县')).toEqual(['2028-12-31', '平顺县', '5 家', '5', '2（含豁免 1，另有 1 家数据不全）', '40%（2/5家），要求不少于100%（至少5家）', '3', '未达标']);
    expect(row('村卫生室标准化全覆盖', '壶关县')).toEqual(['2028-12-31', '壶关县', '3 家', '3', '1', '33.3%（1/3家），要求不少于100%（至少3家）', '2', '未达标']);
    // At least 2 demonstration clinics city-wide: row 9 only.
    expect(row('综合示范卫生室', '长治市')).toEqual(['2028-12-31', '长治市', '8 家', '2', '1', '1/2家', '1', '未达标']);
    // More than 50 % licensed physicians among physicians and village doctors: 1 of 2+1+1+1+1+1+2 = 9
    // (row 5 gives no staff), 11.1 %; more than 4.5 → 5.
    expect(row('执业（助理）医师占比', '长治市')).toEqual(['2028-12-31', '长治市', '9 人', '5', '1（另有 1 家机构人员数据缺失）', '11.1%（1/9人），要求超过50%（至少5人）', '4', '数据不全，无法判定']);
    // Closest in 平顺县: rows 2 and 3 with one requirement open each, then the sparse row 5 (all 14 required unknown).
    const closest = zh.split('\n').find((l) => l.startsWith('- 村卫生室标准化全覆盖 · 平顺县：'));
    expect(closest).toContain('龙溪镇井底村卫生室 (changzhi-pingshun-longxi-jingdi)（第 2 行，尚有 1 项未满足）；东庄卫生所 (changzhi-pingshun-xigou-dongzhuang)（第 3 行，尚有 1 项未满足）；');
    expect(closest).toContain('(pingshun-xigou-test)（第 5 行，尚有 14 项未满足）');
  });

  it('measures the bundled city programme too', () => {
    const program = bundledProgram()!;
    const section = sectionOf(zh, `### ${program.title.zh}`);
    const table = tableStarting(section, '目标', '期限', '地区');
    const target = program.targets.find((t) => t.kind === 'facilities' && 'standard' in t.achieve && t.achieve.standard === 'changzhi/village-clinic')!;
    // The whole city: rows 1, 4 (by waiver) and 9 of the 8 clinics; row 5 undecided.
    expect(table.find((r) => r[0]!.startsWith(target.title.zh))!.slice(2)).toEqual(['长治市', '8 家', '8', '3（含豁免 1，另有 1 家数据不全）', '37.5%（3/8家），要求不少于100%（至少8家）', '5', '未达标']);
    // Township targets with no township health center in the batch are not reported as met.
    const township = program.targets.find((t) => t.facilityType === 'township-health-center')!;
    expect(table.find((r) => r[0]!.startsWith(township.title.zh))!.at(-1)).toBe('本批次无乡镇卫生院');
  });

  it('lists the rows not evaluated with their problems, in the report’s language', () => {
    expect(tableStarting(zh, '行', '错误', '问题').slice(1)).toEqual([['6', '不是有效的机构记录', 'premises.buildingArea：应为数字，实为 "80\\|㎡"']]);
    expect(tableStarting(en, 'Row', 'Error', 'Problems').slice(1)).toEqual([['6', 'not a valid facility record', 'premises.buildingArea: expected a number, got "80\\|㎡"']]);
  });

  it('lists the waivers applied, expired and unused', () => {
    expect(zh).toContain('已适用豁免 1 项要求。');
    expect(tableStarting(sectionOf(zh, '### 已过期的豁免'), '机构编号').slice(1)).toEqual([
      ['changzhi-huguan-shuzhang-dahe', '（所有标准）', 'cooling-equipment', '2026-09-30', '壶关县卫生健康局', '空调采购中'],
    ]);
    // The justification's pipe is escaped and its line break kept inside the cell.
    expect(tableStarting(sectionOf(zh, '### 未使用的豁免'), '机构编号').slice(1)).toEqual([
      ['changzhi-huguan-baichi-baichi', 'changzhi/village-clinic', 'drugs', '2027-12-31', '壶关县卫生健康局', '药房改造期间 \\| 临时减少品种<br>（已完成）'],
    ]);
    expect(en).toContain('1 requirement waived.');
  });

  it("puts each facility's gaps under that facility, with their messages", () => {
    // Row 2 has no public-health room: a gap of four-rooms in the national and the Pingshun standard.
    const row2 = sectionOf(zh, '### 第 2 行 · 龙溪镇井底村卫生室');
    expect(row2).toContain('#### 平顺县标准化村卫生室 · pingshun/village-clinic@2026\n\n**结论：未达标** — 达标 16 · 差距 1 · 未知 0 · 不适用 0');
    expect(row2).toContain('- ✗ 四室分开 · 附件1 二(一)\\\n  缺少：公共卫生室');
    expect(row2).toContain('- ✗ 诊室、治疗室、公共卫生室和药房 · translation, housing paragraph\\\n  缺少：公共卫生室');
    expect(row2).toContain('- ✓ 集体产权房屋 · 附件1 二(一)');
    // The not-applicable demonstration standard gives its verdict, no checklist.
    expect(sectionOf(row2, '#### 平顺县综合示范卫生室')).not.toContain('- ');
    // The other facilities have all four rooms.
    for (const other of ['### 第 1 行', '### 第 3 行', '### 第 9 行']) expect(sectionOf(zh, other)).not.toContain('缺少：公共卫生室');
    // Row 3's name is not 乡镇名+行政村名+卫生室.
    expect(sectionOf(zh, '### 第 3 行 · 东庄卫生所')).toContain('- ✗ 规范命名 · 附件1 二(二)\\\n  机构名称为“东庄卫生所”，应为“西沟乡东庄村卫生室”');
    // Row 4's missing heating is waived, and the message says by whom.
    const row4 = sectionOf(zh, '### 第 4 行 · 石城镇岳家寨村卫生室');
    expect(row4).toMatch(/- ~ 水、电、暖配套保障 · 附件1 二\(一\)\\\n {2}已豁免.*整村搬迁已批复.*未落实：采暖/);
    // Row 8's waiver expired: a gap again.
    expect(sectionOf(zh, '### 第 8 行 · 树掌镇大河村卫生室')).toContain('- ✗ 制冷设施设备 · 附件1 二(二)\\\n  未落实：制冷设施设备');
    // Row 5: a not-applicable requirement's "-" mark is escaped, an unknown gets "?", an advisory
    // requirement not met is not called a gap.
    const row5 = sectionOf(zh, '### 第 5 行');
    expect(row5).toContain('- △ 建筑面积不低于80平方米 [建议项未落实] · 附件1 二(一)\\\n  建筑面积65平方米，要求不少于80平方米，还差15平方米');
    expect(row5).toContain('- ? 集体产权房屋 · 附件1 二(一)\\\n  数据缺失：房屋产权');
    expect(sectionOf(en, '### row 2 · 龙溪镇井底村卫生室')).toContain('- ✗ Four separate rooms · 附件1 二(一)\\\n  missing: public health room');
  });

  it('escapes text from the data so that it cannot become markup', () => {
    expect(zh).not.toContain('<script>');
    expect(zh).not.toContain(hostileName);
    expect(zh).toContain('### 第 5 行 · \\<script\\>alert("x")\\</script\\> \\| \\*西沟乡\\*测试卫生室 (pingshun-xigou-test)');
    expect(en).not.toContain('<script>');
    // No line of the report is raw HTML.
    for (const markdown of [zh, en]) expect(markdown.split('\n').filter((l) => l.startsWith('<'))).toEqual([]);
  });

  it('says when the batch gave only the requirements not met', () => {
    const gapsOnly = renderPortfolioMarkdown(buildPortfolio({ detail: 'gaps' }).portfolio);
    const row8 = sectionOf(gapsOnly, '### 第 8 行 · 树掌镇大河村卫生室');
    expect(row8).toContain('*本批次未输出完整清单：仅列出未达标、数据不全和已豁免的要求，其余要求未逐条列出。*');
    expect(row8).toContain('- ✗ 制冷设施设备 · 附件1 二(二)\\\n  未落实：制冷设施设备');
    expect(row8).not.toContain('- ✓');
    // Waived requirements are still shown.
    expect(sectionOf(gapsOnly, '### 第 4 行')).toMatch(/- ~ 水、电、暖配套保障/);
    // The figures do not depend on the detail.
    expect(tableStarting(gapsOnly, '标准', '编号')).toEqual(tableStarting(zh, '标准', '编号'));
  });

  it('renders an empty batch', () => {
    const empty = portfolioBuilder({ standards: bundledStandards().values(), asOf }).finish();
    const markdown = renderPortfolioMarkdown(empty);
    expect(markdown.split('\n')[0]).toBe(`# 设施达标评估报告 — ${asOf}`);
    expect(markdown).toContain('本批次没有评估任何机构。');
    expect(renderPortfolioHtml(empty, { lang: 'en' })).toContain('No facility was evaluated in this batch.');
  });
});

describe('renderPortfolioHtml', () => {
  it('is one self-contained document in the language asked for, titled with what it is', () => {
    expect(htmlZh.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(htmlZh).toContain('<title>设施达标评估报告 — \u2068changzhi-village-clinics.ndjson\u2069</title>');
    expect(htmlEn.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(htmlEn).toContain('<title>Facility standards assessment — \u2068changzhi-village-clinics.ndjson\u2069</title>');
    for (const html of [htmlZh, htmlEn]) {
      // Nothing fetched: no external style, script, font or image; links stay in the page.
      expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|\bsrc=|url\((?!#)/i);
      expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('#'))).toEqual([]);
      expect(html).toContain('@page { size: A4; margin: 15mm; }');
      expect(html).toContain('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"');
    }
  });

  it('gives the summary counts and the counts by standard', () => {
    expect(htmlZh).toContain('<div data-count="rows"><dt>行数</dt><dd>9</dd></div><div data-count="evaluated"><dt>已评估</dt><dd>8</dd></div><div data-count="errors"><dt>无法评估</dt><dd>1</dd></div>');
    for (const [standard, [met, waived, gap, unknown, na]] of Object.entries(byStandard)) {
      const row = htmlZh.match(new RegExp(`<tr data-standard="${standard}">.*?</tr>`))?.[0];
      expect(row, standard).toBeDefined();
      const cells = Object.fromEntries([...row!.matchAll(/<td class="num" data-outcome="([^"]+)">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]));
      expect(cells).toEqual({ met, waived, gap, unknown, 'not-applicable': na, total: met + waived + gap + unknown + na });
      // One bar per standard, a segment per outcome with facilities.
      const bar = htmlZh.match(new RegExp(`<g class="bar" data-standard="${standard}"[\\s\\S]*?</g>`))?.[0];
      const segments = Object.fromEntries([...bar!.matchAll(/<rect data-outcome="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
      expect(segments).toEqual(Object.fromEntries(Object.entries({ met, waived, gap, unknown, 'not-applicable': na }).filter(([, n]) => n > 0)));
    }
  });

  it('escapes every text from the data', () => {
    for (const html of [htmlZh, htmlEn]) {
      expect(html).not.toContain('<script>alert');
      // The one script is the page's own, opening the checklists for printing.
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html).toContain('<span class="name"><bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | *西沟乡*测试卫生室</bdi> (<bdi>pingshun-xigou-test</bdi>)</span>');
      expect(html).toContain('药房改造期间 | 临时减少品种<br>（已完成）');
    }
    expect(htmlZh).toContain('应为数字，实为 &quot;80|㎡&quot;');
    expect(htmlEn).toContain('expected a number, got &quot;80|㎡&quot;');
  });

  it("marks each facility's checklist for tools: row, facility id, standard, requirement, outcome", () => {
    const article = htmlZh.match(/<article class="facility" id="row-2" data-row="2" data-facility-id="changzhi-pingshun-longxi-jingdi">[\s\S]*?<\/article>/)?.[0];
    expect(article).toBeDefined();
    expect(article).toContain('<section class="report" data-standard="pingshun/village-clinic@2026" data-outcome="gap">');
    expect(article).toContain('<li data-requirement="four-rooms" data-outcome="gap" data-severity="required"><span class="mark" aria-label="未达标">✗</span> <span class="title"><bdi>四室分开</bdi></span> <span class="clause"><bdi>附件1 二(一)</bdi></span><div class="message"><bdi>缺少：公共卫生室</bdi></div></li>');
    expect(htmlZh).toContain('<tr data-row="6" data-code="row.invalid-record">');
    expect(htmlZh).toContain('<tr data-waiver="expired" data-facility-id="changzhi-huguan-shuzhang-dahe" data-requirement="cooling-equipment">');
    expect(htmlZh).toContain('<tr data-county="平顺县" data-township="西沟乡"><td class="nowrap"><bdi>平顺县</bdi></td><td class="nowrap"><bdi>西沟乡</bdi></td><td class="num" data-field="facilities">2</td>');
    expect(htmlZh).toMatch(/<tr data-program="changzhi\/assessment-2028" data-target="standardized-clinics" data-county="平顺县" data-status="gap">.*<td class="num" data-field="required">5<\/td><td class="num" data-field="achieved"><strong>2<\/strong>/);
    // Every facility's checklist is open, and a print stylesheet shows a collapsed one anyway.
    expect(htmlZh.match(/<details open>/g)).toHaveLength(8);
    expect(htmlZh).toContain('details::details-content { content-visibility: visible; display: contents; }');
  });
});
