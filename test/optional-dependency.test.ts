// exceljs is an optional dependency: installed with the CLI by default, but a browser or library
// user may go without it. Simulated here by an install of the built package whose node_modules
// has everything but exceljs: workbooks fail saying, in Chinese and English, how to get it;
// everything else works.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const workbook = join(root, 'fixtures/batches/libreoffice-pingshun.xlsx');
const howTo = {
  zh: '写 Excel 数据采集表（.xlsx）需要 exceljs，但未安装：请运行 npm install exceljs',
  en: 'Writing Excel data-collection sheets (.xlsx) needs exceljs, which is not installed: run npm install exceljs',
};

let install: string;

beforeAll(() => {
  expect(existsSync(join(root, 'dist/cli.js')), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
  install = mkdtempSync(join(tmpdir(), 'fs-no-exceljs-'));
  cpSync(join(root, 'dist'), join(install, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(install, 'package.json'));
  mkdirSync(join(install, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== 'exceljs' && !name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(install, 'node_modules', name));
  }
});

afterAll(() => {
  if (install) rmSync(install, { recursive: true, force: true });
});

const cli = (...args: string[]) => spawnSync(process.execPath, [join(install, 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: install, timeout: 60_000 });

describe('without exceljs installed', () => {
  it('batch still reads a workbook: .xlsx files are read by the library’s own reader', () => {
    const run = cli('batch', workbook, '--standard', 'changzhi/village-clinic');
    expect(run.stderr).not.toContain('exceljs');
    expect([0, 1]).toContain(run.status);
    expect(run.stdout.trim().split('\n').length).toBeGreaterThan(0);
  });

  it('template --format xlsx exits 2 the same way, writing no file', () => {
    const output = join(install, 'template.xlsx');
    const run = cli('template', '--standard', 'changzhi/village-clinic', '--format', 'xlsx', '--output', output);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(howTo.zh);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(output)).toBe(false);
  });

  it('everything else works: a CSV batch, check', () => {
    const csv = join(install, 'clinics.csv');
    writeFileSync(csv, 'id,type,premises.buildingArea\nc1,village-clinic,96\n');
    const batch = cli('batch', csv, '--standard', 'changzhi/village-clinic');
    expect(batch.stderr).not.toContain('exceljs');
    expect([0, 1]).toContain(batch.status);
    const check = cli('check', join(root, 'examples/xigou-dongzhuang.yaml'));
    expect(check.status).toBe(1);
  });

  it('the library throws OptionalDependencyError with its code', () => {
    // In a Node process of its own: vitest would resolve the package's imports its own way.
    const script = `
            const { PassThrough } = await import('node:stream');
      const lib = await import(${JSON.stringify(pathToFileURL(join(install, 'dist/node.js')).href)});
      const output = new PassThrough();
      output.resume();
      try {
        const standard = lib.bundledStandard('changzhi/village-clinic');
        await lib.templateXlsx(standard, lib.templateColumns(standard));
        console.log(JSON.stringify({ threw: false }));
      } catch (e) {
        console.log(JSON.stringify({ threw: true, isClass: e instanceof lib.OptionalDependencyError, code: e.code, dependency: e.dependency, text: e.text }));
      }`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: install, timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ threw: true, isClass: true, code: 'optional-dependency-missing', dependency: 'exceljs', text: howTo });
  });
});
