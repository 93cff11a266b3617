// The assessment page (examples/assessment-page) in headless Chromium: built with Vite from the
// published core (dist/index.js), served from 127.0.0.1, filled in like an assessor would, with
// the checklist and gap list checked in Chinese and English, no page errors, and a screenshot in
// test/e2e/__screenshots__/.
//
// Needs Chromium: see test/support/chromium.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, requireChromium, screenshots } from '../support/chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pageDir = join(root, 'examples/assessment-page');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Serves a directory on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Records every Node built-in the page's bundle asks for: there must be none. */
function noNodeBuiltins(found: string[]): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'no-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('node:') || builtins.has(source)) found.push(`${source} (from ${importer})`);
      return null;
    },
  };
}

requireChromium('the assessment page test');

describe.skipIf(!hasChromium)('the assessment page in headless Chromium', () => {
  let out: string;
  let server: Server | undefined;
  let url: string;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;
  const builtinsRequested: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first (npm test does)');
    out = mkdtempSync(join(tmpdir(), 'assessment-page-'));
    await build({
      configFile: join(pageDir, 'vite.config.ts'),
      logLevel: 'error',
      plugins: [noNodeBuiltins(builtinsRequested)],
      build: { outDir: out, emptyOutDir: true },
    });
    ({ server, url } = await serve(out));
    browser = await launchChromium({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    ({ page } = browser);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const gaps = () =>
    page.$$eval('#gaps li[data-requirement]', (items) =>
      items.map((li) => ({ requirement: (li as HTMLElement).dataset.requirement, message: li.querySelector('.message')?.textContent })),
    );
  const row = (requirement: string) =>
    page.$eval(`#checklist li[data-requirement="${requirement}"]`, (li) => ({
      mark: li.querySelector('.mark')?.textContent,
      outcome: (li as HTMLElement).dataset.outcome,
      message: li.querySelector('.message')?.textContent ?? null,
    }));
  const outcome = () => page.$eval('#outcome strong', (e) => e.textContent);
  const fields = () => page.$$eval('#facility-form [data-field]', (items) => items.map((e) => (e as HTMLElement).dataset.field));

  it('was bundled by Vite without any Node built-in', () => {
    expect(builtinsRequested).toEqual([]);
  });

  it('generates the form from the facts the standard names, derived facts by their inputs', async () => {
    await page.selectOption('#standard', 'changzhi/village-clinic');
    const names = await fields();
    expect(names).toEqual(
      expect.arrayContaining(['premises.ownership', 'premises.buildingArea', 'rooms', 'roomsPartitioned', 'equipment', 'drugs.varieties', 'name', 'region.township', 'region.village']),
    );
    // Derived facts are not fields; their inputs are (villageEquipmentKinds → equipment,
    // standardVillageClinicName → region.township and region.village).
    expect(names).not.toContain('villageEquipmentKinds');
    expect(names).not.toContain('standardVillageClinicName');
    expect(names).not.toContain('type');
    expect(await page.textContent('[data-field="premises.buildingArea"] label')).toContain('建筑面积 (平方米)');
    // Equipment: the village-clinic catalogue the 22 kinds are counted from, variants included.
    const equipment = await page.$$eval('[data-field="equipment"] input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(equipment).toEqual(expect.arrayContaining(['stethoscope', 'aed', 'remote-ecg-machine', '']));
    expect(equipment).not.toContain('ct-scanner');
    expect(await page.$$eval('[data-field="roomsPartitioned"] input', (inputs) => inputs.map((i) => (i.parentElement?.textContent ?? '').trim()))).toEqual(['未填写', '是', '否']);
    // Nothing filled: every requirement is unknown, never a pass or a fail.
    expect(await outcome()).toBe('结论：数据不全，无法判定');
    expect(await gaps()).toEqual([]);
    expect(await row('four-rooms')).toEqual({ mark: '?', outcome: 'unknown', message: '数据缺失：功能用房' });
  });

  it('updates the checklist and the gap list as the assessor types', async () => {
    await page.fill('[data-field="premises.buildingArea"] input', '64');
    expect(await gaps()).toEqual([{ requirement: 'building-area', message: '建筑面积64平方米，要求不少于80平方米，还差16平方米' }]);
    expect(await row('building-area')).toMatchObject({ mark: '✗', outcome: 'gap' });

    await page.check('[data-field="rooms"] input[value="diagnosis-room"]');
    await page.check('[data-field="rooms"] input[value="treatment-room"]');
    await page.check('[data-field="roomsPartitioned"] input[value="true"]');
    await page.selectOption('[data-field="premises.ownership"] select', 'collective');
    await page.check('[data-field="utilities.water"] input[value="true"]');
    await page.check('[data-field="utilities.electricity"] input[value="true"]');
    await page.check('[data-field="utilities.heating"] input[value="false"]');
    await page.fill('[data-field="drugs.varieties"] input', '46');

    expect(await gaps()).toEqual([
      { requirement: 'building-area', message: '建筑面积64平方米，要求不少于80平方米，还差16平方米' },
      { requirement: 'four-rooms', message: '缺少：药房、公共卫生室' },
      { requirement: 'utilities', message: '未落实：采暖' },
      { requirement: 'living-area', message: '缺少：生活功能区' },
      { requirement: 'drugs', message: '药品品种46种，要求不少于50种，还差4种' },
    ]);
    expect(await row('collective-property')).toEqual({ mark: '✓', outcome: 'met', message: null });
    expect(await row('room-partitions')).toEqual({ mark: '✓', outcome: 'met', message: null });
    // Not filled stays unknown.
    expect(await row('privacy-protection')).toMatchObject({ mark: '?', outcome: 'unknown' });
    expect(await outcome()).toBe('结论：未达标');

    // Back to "not filled": unknown again, not a gap.
    await page.check('[data-field="utilities.heating"] input[value=""]');
    expect(await row('utilities')).toMatchObject({ mark: '?', outcome: 'unknown' });
    await page.check('[data-field="utilities.heating"] input[value="false"]');
  });

  it('shows what is wrong with an invalid entry, naming the field', async () => {
    await page.fill('[data-field="drugs.varieties"] input', '46.5');
    await expect.poll(() => page.isVisible('#errors')).toBe(true);
    expect(await page.textContent('#errors')).toContain('drugs.varieties');
    await page.fill('[data-field="drugs.varieties"] input', '46');
    expect(await page.isVisible('#errors')).toBe(false);
  });

  it('takes a screenshot of the filled form, the gap list and the checklist', async () => {
    mkdirSync(screenshots, { recursive: true });
    const file = join(screenshots, 'assessment-page.png');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('switches to English, keeping what was filled', async () => {
    await page.click('#lang');
    expect(await page.inputValue('[data-field="premises.buildingArea"] input')).toBe('64');
    expect(await page.textContent('[data-field="premises.buildingArea"] label')).toContain('building area (m²)');
    expect(await page.textContent('#gaps-heading')).toBe('Gaps');
    expect(await gaps()).toEqual([
      { requirement: 'building-area', message: 'building area 64 m²; at least 80 m² required, 16 m² short' },
      { requirement: 'four-rooms', message: 'missing: pharmacy, public health room' },
      { requirement: 'utilities', message: 'not in place: heating' },
      { requirement: 'living-area', message: 'missing: living area' },
      { requirement: 'drugs', message: 'drug varieties 46 kinds; at least 50 kinds required, 4 kinds short' },
    ]);
    expect(await outcome()).toBe('Outcome: gap');
    expect(await row('privacy-protection')).toMatchObject({ mark: '?', message: 'data missing: privacy protection in diagnosis and treatment rooms (privacyProtection)' });
    await page.screenshot({ path: join(screenshots, 'assessment-page.en.png') });
  });

  it('switches the standard, keeping shared fields and adding the new ones', async () => {
    await page.selectOption('#standard', 'changzhi/village-clinic-demonstration');
    expect(await fields()).toContain('servicePopulation');
    expect(await page.inputValue('[data-field="premises.buildingArea"] input')).toBe('64');
    await page.fill('[data-field="servicePopulation"] input', '800');
    expect(await outcome()).toBe('Outcome: not applicable');
    expect(await row('four-rooms')).toMatchObject({ mark: '–', outcome: 'not-applicable' });
    await page.click('#lang');
    await page.selectOption('#standard', 'changzhi/village-clinic');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
