// The HTML portfolio report in headless Chromium, opened from a file with every network request
// blocked: the title, the summary counts, a facility's gaps, the chart, the checklists in print
// (even one collapsed on screen), a full-page screenshot in test/e2e/__screenshots__/ and an A4 PDF.
//
// Needs Chromium: see test/support/chromium.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPortfolioHtml } from '../../src/index.js';
import { hasChromium, launchChromium, requireChromium, screenshots } from '../support/chromium.js';
import { buildPortfolio, hostileName } from '../support/portfolio.js';

requireChromium('the portfolio report test');

describe.skipIf(!hasChromium)('the HTML portfolio report in headless Chromium', () => {
  const { portfolio } = buildPortfolio();
  let dir: string;
  let file: string;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;
  /** Every request the page made, and those that were not for the report's own file. */
  const requests: string[] = [];
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portfolio-report-'));
    file = join(dir, 'report.html');
    writeFileSync(file, renderPortfolioHtml(portfolio));
    // A4 at 96 dpi.
    browser = await launchChromium({ viewport: { width: 794, height: 1123 }, locale: 'zh-CN', offline: true });
    ({ page } = browser);
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads from its file alone: no request to the network was even attempted', () => {
    expect(blocked).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('is titled with what it is and the input file', async () => {
    // The file name is isolated (U+2068 … U+2069): a bidi control in it cannot reorder the title.
    expect(await page.title()).toBe('设施达标评估报告 — \u2068changzhi-village-clinics.ndjson\u2069');
    expect(await page.textContent('h1')).toBe('设施达标评估报告');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('shows the summary counts', async () => {
    const counts = await page.$$eval('#summary [data-count]', (items) =>
      items.map((i) => [(i as HTMLElement).dataset.count, i.querySelector('dt')?.textContent, i.querySelector('dd')?.textContent]),
    );
    // 9 rows: 8 facilities and the invalid row 6.
    expect(counts).toEqual([
      ['rows', '行数', '9'],
      ['evaluated', '已评估', '8'],
      ['errors', '无法评估', '1'],
    ]);
    expect(await page.isVisible('#row-errors tr[data-row="6"]')).toBe(true);
  });

  it('draws one bar per standard, each segment with its count', async () => {
    expect(await page.isVisible('#standards-chart')).toBe(true);
    const bars = await page.$$eval('#standards-chart g.bar', (groups) =>
      groups.map((g) => ({
        standard: (g as SVGGElement).dataset.standard,
        segments: [...g.querySelectorAll('rect[data-outcome]')].map((r) => `${(r as SVGRectElement).dataset.outcome}:${(r as SVGRectElement).dataset.count}`),
        breakdown: g.querySelector('.breakdown')?.textContent,
      })),
    );
    expect(bars.map((b) => b.standard)).toEqual(portfolio.standards.map((s) => s.standard));
    // pingshun/village-clinic: rows 1 (met), 4 (met with a waiver), 2 and 3 (gaps), 5 (unknown).
    expect(bars.find((b) => b.standard === 'pingshun/village-clinic@2026')).toEqual({
      standard: 'pingshun/village-clinic@2026',
      segments: ['met:1', 'waived:1', 'gap:2', 'unknown:1'],
      breakdown: '达标 1 · 豁免后达标 1 · 未达标 2 · 数据不全，无法判定 1 · 不适用 0',
    });
    // The bars have a size: drawn, not just present.
    const box = await page.locator('#standards-chart g.bar[data-standard="national/village-clinic-2014@2014"] rect[data-outcome="unknown"]').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(await page.$$eval('#standards-chart .legend-item', (items) => items.map((i) => i.textContent))).toEqual(['达标', '豁免后达标', '未达标', '数据不全，无法判定', '不适用']);
  });

  it("shows a facility's gaps under that facility, found by its data attributes", async () => {
    const facility = page.locator('article.facility[data-facility-id="changzhi-pingshun-longxi-jingdi"]');
    expect(await facility.getAttribute('data-row')).toBe('2');
    const gaps = await facility.locator('section.report li[data-outcome="gap"]').evaluateAll((items) =>
      items.map((li) => [li.closest('section.report')!.getAttribute('data-standard'), li.getAttribute('data-requirement'), li.querySelector('.message')?.textContent]),
    );
    expect(gaps).toEqual([
      ['national/village-clinic-2014@2014', 'four-rooms', '缺少：公共卫生室'],
      ['pingshun/village-clinic@2026', 'four-rooms', '缺少：公共卫生室'],
    ]);
    expect(await facility.locator('section.report[data-standard="pingshun/village-clinic@2026"]').getAttribute('data-outcome')).toBe('gap');
    // The facility named with markup reads as text, and no script of its ran.
    expect(await page.textContent('#row-5 .name')).toBe(`${hostileName} (pingshun-xigou-test)`);
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('shows the programme targets with progress against what is required', async () => {
    const row = page.locator('#programs tr[data-target="standardized-clinics"][data-county="平顺县"]');
    expect(await row.locator('[data-field="required"]').textContent()).toBe('5');
    expect(await row.locator('svg.progress').getAttribute('data-achieved')).toBe('2');
    // Every clinic of 平顺县 is the target: 2 of its 5 are 40%.
    expect(await row.locator('.pct').textContent()).toBe('40%（2/5家），要求不少于100%（至少5家）');
  });

  it('prints every checklist, even one collapsed on screen', async () => {
    await page.click('#row-3 summary');
    expect(await page.isVisible('#row-3 li[data-requirement="naming"]')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#row-3 li[data-requirement="naming"]')).toBe(true);
    const hidden = await page.$$eval('article.facility', (articles) =>
      articles.filter((a) => [...a.querySelectorAll('section.report')].some((s) => (s as HTMLElement).offsetHeight === 0)).map((a) => a.id),
    );
    expect(hidden).toEqual([]);
    // Each facility's name heads its checklist.
    expect(await page.isVisible('#row-3 h3 .name')).toBe(true);
  });

  it('takes a full-page screenshot as printed', async () => {
    mkdirSync(screenshots, { recursive: true });
    const shot = join(screenshots, 'portfolio-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
  });

  it('prints to an A4 PDF of several pages', async () => {
    const pdf = join(dir, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = readFileSync(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
    // A4 is 595 × 842 points.
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
    expect(blocked).toEqual([]);
  });
});
