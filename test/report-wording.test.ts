// What the reports say, where the words used to mislead an assessor: a share target shown as
// achieved over required, an advisory requirement called a gap, record paths in Chinese
// messages, a shortfall printed as 0. Every figure below is worked out by hand.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { summaryText } from '../src/cli/assessment.js';
import { findingMessage } from '../src/report/messages.js';
import { evaluateSync, facts, renderPortfolioHtml, renderPortfolioMarkdown, renderText } from '../src/index.js';
import { buildPortfolio } from './support/portfolio.js';

const compliant = (): Record<string, any> => parseYaml(readFileSync('fixtures/changzhi/village-clinic/compliant.yaml', 'utf8'));

describe('a staff share target', () => {
  // Seven village clinics of 平顺县, each with 4 licensed physicians and 6 village doctors: 28 of
  // 70 people, 40 %. "More than 50 %" of 70 is more than 35: at least 36; 8 short.
  const rows = Array.from({ length: 7 }, (_, i) => {
    const record = compliant();
    record.id = `pingshun-clinic-${i + 1}`;
    record.staff = { ...record.staff, onPost: 10, healthTechnicians: 4, physicians: 4, villageDoctors: 6 };
    return { row: i + 1, record };
  });
  const { portfolio, tally } = buildPortfolio({ rows });
  const target = portfolio.programs[0]!.targets.find((t) => t.target === 'licensed-physicians')!;

  it('is measured as worked out by hand', () => {
    expect(target.areas).toMatchObject([{ population: 70, achieved: 28, required: 36, gap: 8, status: 'gap' }]);
  });

  it('shows the share itself, next to the bound, in the HTML bar', () => {
    const html = renderPortfolioHtml(portfolio);
    const row = html.match(/<tr data-program="changzhi\/assessment-2028" data-target="licensed-physicians"[^>]*>.*?<\/tr>/)![0];
    expect(row).toContain('<span class="pct">40%（28/70人），要求超过50%（至少36人）</span>');
    // The bar: 40 % of its 84 units filled, the bound drawn at 50 % (1 + 42).
    expect(row).toContain('data-share="0.4" data-bound="0.5"');
    expect(row).toContain('<rect x="1" y="1" width="33.6" height="14" fill="#43a047"/>');
    expect(row).toContain('<line class="bound" x1="43" y1="0" x2="43" y2="16"');
    // Achieved over required (28/36, 77 %) is not a share of anything.
    expect(row).not.toContain('77%');
    expect(renderPortfolioHtml(portfolio, { lang: 'en' })).toContain('<span class="pct">40% (28 of 70 people); more than 50% required (at least 36)</span>');
  });

  it('shows the share in the Markdown report and the batch summary', () => {
    const line = renderPortfolioMarkdown(portfolio).split('\n').find((l) => l.startsWith('| 执业（助理）医师占比'))!;
    expect(line).toContain('| 40%（28/70人），要求超过50%（至少36人） | 8 |');
    expect(summaryText(tally, portfolio, 'zh')).toContain('✗ 40%（28/70人），要求超过50%（至少36人） · 差 8人');
  });

  it('rounds a share down, so that it never reads as reaching a bound it misses', () => {
    // 2 of 3 is 66.67 %: shown as 66.6 %.
    const [first, ...others] = rows;
    const three = buildPortfolio({ rows: [first!, ...others.slice(0, 2)].map((r, i) => (i === 0 ? r : { ...r, record: { ...r.record, staff: { ...r.record.staff, physicians: 0 } } })) });
    const area = three.portfolio.programs[0]!.targets.find((t) => t.target === 'licensed-physicians')!.areas[0]!;
    expect(area).toMatchObject({ population: 22, achieved: 4 });
    // 4 of 22 is 18.18 %.
    expect(renderPortfolioHtml(three.portfolio)).toContain('18.1%（4/22人），要求超过50%（至少12人）');
  });

  it('says so when no facility gives its staff, and fills no bar', () => {
    const bare = rows.map((r) => ({ ...r, record: { ...r.record, staff: undefined } }));
    const html = renderPortfolioHtml(buildPortfolio({ rows: bare }).portfolio);
    const row = html.match(/<tr data-program="changzhi\/assessment-2028" data-target="licensed-physicians"[^>]*>.*?<\/tr>/)![0];
    expect(row).toContain('<span class="pct">—（0/0人），要求超过50%</span>');
    expect(row).toContain('<rect x="1" y="1" width="0" height="14" fill="#43a047"/>');
    expect(row).toContain('数据不全，无法判定');
  });
});

describe('an advisory requirement not met', () => {
  // The compliant clinic with 72 m²: only the advisory "at least 80 m²" is not met; it meets the standard.
  const record = { ...compliant(), premises: { ...compliant().premises, buildingArea: 72 } };
  const report = evaluateSync(record, 'changzhi/village-clinic');

  it('does not decide the verdict', () => {
    expect(report.outcome).toBe('met');
    expect(report.requirements.filter((r) => r.outcome !== 'met').map((r) => [r.requirement, r.severity, r.outcome])).toEqual([['building-area', 'advisory', 'gap']]);
  });

  it('is called 建议项未落实, not a gap, and counted apart in the checklist', () => {
    const total = report.requirements.length;
    const zh = renderText([report]);
    expect(zh).toContain(`结论：达标 — 达标 ${total - 1} · 差距 0 · 建议项未落实 1 · 未知 0 · 不适用 0`);
    expect(zh).toContain('  △ 建筑面积不低于80平方米 [建议项未落实]  附件1 二(一)\n      建筑面积72平方米，要求不少于80平方米，还差8平方米');
    const en = renderText([report], { lang: 'en' });
    expect(en).toContain(`Outcome: met — met ${total - 1} · gap 0 · advisory, not in place 1 · unknown 0`);
    expect(en).toContain('[advisory, not in place]');
  });

  it('is said so in the Markdown and HTML reports too, and the facility counts as met', () => {
    const { portfolio, tally } = buildPortfolio({ rows: [{ row: 1, record }] });
    const markdown = renderPortfolioMarkdown(portfolio);
    expect(markdown).toContain('- △ 建筑面积不低于80平方米 [建议项未落实] · 附件1 二(一)\\\n  建筑面积72平方米');
    expect(markdown).toMatch(/\*\*结论：达标\*\* — 达标 \d+ · 差距 0 · 建议项未落实 1 · /);
    const html = renderPortfolioHtml(portfolio);
    expect(html).toMatch(/<li data-requirement="building-area" data-outcome="gap" data-severity="advisory"><span class="mark" aria-label="建议项未落实">△<\/span>/);
    expect(html).toMatch(/— 达标 \d+ · 差距 0 · 建议项未落实 1 · /);
    expect(html).not.toContain('aria-label="未达标"');
    // The summary counts facilities: this one (in 平顺县, judged by the county's standard) meets it.
    expect(summaryText(tally, portfolio, 'zh')).toContain('pingshun/village-clinic@2026: 达标 1 · 未达标 0');
  });
});

describe('a message about missing data', () => {
  const record = compliant();
  delete record.premises.ownership;
  delete record.disclosures;
  const report = evaluateSync(record, 'changzhi/village-clinic');
  const unknown = (id: string) => report.requirements.find((r) => r.requirement === id)!;

  it('names the fields by their labels in Chinese, by label and path in English', () => {
    const messages = report.requirements.filter((r) => r.outcome === 'unknown').map((r) => r.message);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const message of messages) {
      expect(message.zh).toMatch(/^数据缺失：/);
      expect(message.zh).not.toMatch(/[（(][a-zA-Z]/);
    }
    expect(renderText([report])).toContain('数据缺失：房屋产权\n');
    expect(renderText([report])).toContain('数据缺失：公示内容\n');
    expect(unknown('collective-property').message.en).toMatch(/\(premises\.ownership\)$/);
  });

  it('gives the paths in Chinese when asked', () => {
    expect(renderText([report], { showPaths: true })).toContain('数据缺失：房屋产权（premises.ownership）\n');
    const { portfolio } = buildPortfolio({ rows: [{ row: 1, record }] });
    expect(renderPortfolioMarkdown(portfolio, { showPaths: true })).toContain('数据缺失：公示内容（disclosures）');
    expect(renderPortfolioMarkdown(portfolio)).not.toContain('（disclosures）');
    expect(renderPortfolioHtml(portfolio, { showPaths: true })).toContain('数据缺失：房屋产权（premises.ownership）');
    expect(renderPortfolioHtml(portfolio)).not.toContain('（premises.ownership）');
  });
});

describe('a shortfall', () => {
  const area = facts.get('premises.buildingArea')!;
  const message = (actual: number, shortfall: number) =>
    findingMessage({ fact: area, operator: 'greaterThanInclusive', expected: 80, actual, shortfall });

  it('is never printed as 0: a floating-point area just under the minimum', () => {
    // 79.99999999999999 m²: the evaluator's difference, rounded to 1e-9, is 0.
    const m = message(79.99999999999999, 0);
    expect(m.zh).toBe('建筑面积79.99999999999999平方米，要求不少于80平方米，还差不足0.01平方米');
    expect(m.en).toBe('building area 79.99999999999999 m²; at least 80 m² required, less than 0.01 m² short');
    expect(message(79.99999999999999, 1.4210854715202004e-14).zh).toContain('还差不足0.01平方米');
  });

  it('is written as it is from a hundredth up, rounded to six decimals as before', () => {
    expect(message(79.99, 0.01).zh).toBe('建筑面积79.99平方米，要求不少于80平方米，还差0.01平方米');
    expect(message(79.996, 0.004).zh).toContain('还差不足0.01平方米');
    expect(message(65, 15).zh).toBe('建筑面积65平方米，要求不少于80平方米，还差15平方米');
    expect(message(79.5, 0.5).en).toBe('building area 79.5 m²; at least 80 m² required, 0.5 m² short');
  });

  it('of a share is in percentage points, never 0 either', () => {
    const ratio = facts.get('healthTechRatio')!;
    const m = findingMessage({ fact: ratio, operator: 'greaterThanInclusive', expected: 0.7, actual: 0.6999999999999, shortfall: 1e-13 });
    expect(m.zh).toBe('卫生技术人员占比69.99999999999%，要求不少于70%，还差不足0.01个百分点');
    expect(m.en).toContain('less than 0.01 percentage points short');
  });

  it('never reads 还差0 for any shortfall a failed minimum can have', () => {
    for (let i = 0; i <= 2000; i++) {
      const shortfall = i === 0 ? 0 : 10 ** (-15 + (i / 2000) * 17);
      const text = message(80 - shortfall, shortfall);
      expect(text.zh, String(shortfall)).not.toMatch(/还差0(?![.\d])/);
      expect(text.en, String(shortfall)).not.toMatch(/(?<![.\d])0 m² short/);
    }
  });
});
