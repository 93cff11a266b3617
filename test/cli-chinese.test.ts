import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { englishIn } from './support/english.js';

/**
 * What the CLI prints in Chinese (its default) about bad input has no English sentence but the
 * input it quotes and the paths it names: records, rule files, sheets, waivers, files that do
 * not exist, unknown ids and flags.
 */

const dir = mkdtempSync(join(tmpdir(), 'facility-standards-zh-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function stderrOf(...argv: string[]) {
  let stderr = '';
  const code = await run(argv, { stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr: stderr.split(dir).join('') };
}

const cases: Record<string, () => string[]> = {
  'a record with a unit in a number': () => ['check', file('bad.yaml', 'type: village-clinic\npremises:\n  buildingArea: 80㎡\n')],
  'a record file that does not exist': () => ['check', join(dir, 'nosuch.yaml')],
  'a folder given as a record file': () => ['check', dir],
  'a broken rule file': () => ['validate', file('rule.yaml', 'id: county/x\nversion: "1"\ntitle: { zh: 测试, en: Test }\nfacilityType: clinic\n')],
  'an unknown standard': () => ['check', file('ok.yaml', 'type: village-clinic\n'), '--standard', 'changzhi/vilage-clinic'],
  'an unknown flag': () => ['check', file('ok2.yaml', 'type: village-clinic\n'), '--standrd', 'x'],
  'a sheet with no header': () => ['batch', file('noheader.csv', 'a,b\n1,2\n'), '--standard', 'changzhi/village-clinic'],
  'a batch file that does not exist': () => ['batch', join(dir, 'nosuch.csv')],
  'an Excel 97–2003 workbook': () => ['batch', file('old.xls', 'x'), '--standard', 'changzhi/village-clinic'],
  'a WPS workbook': () => ['batch', file('wps.et', 'x'), '--standard', 'changzhi/village-clinic'],
  'a batch file of unknown format': () => ['batch', file('clinics.pdf', 'x'), '--standard', 'changzhi/village-clinic'],
  'a waiver naming no requirement': () => [
    'batch',
    file('one.csv', 'id,name,type\na,甲村卫生室,village-clinic\n'),
    '--waivers',
    file('w.yaml', '- facility: a\n  requirement: four-room\n  justification: x\n  approver: y\n  expires: 2027-01-01\n'),
  ],
  'a date not on the calendar': () => ['batch', file('two.csv', 'id,type\na,village-clinic\n'), '--as-of', '2026-02-30'],
};

describe('the CLI in Chinese', () => {
  it.each(Object.keys(cases))('%s: exit 2, and no English sentence', async (name) => {
    const { code, stderr } = await stderrOf(...cases[name]!());
    expect(code).toBe(2);
    expect(stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(englishIn(stderr), stderr).toBeUndefined();
  });
});

describe('check --format json', () => {
  it('gives the problems as data beside the sentences: code, place, values, both languages', async () => {
    let stdout = '';
    const bad = file('json-bad.yaml', 'type: village-clinic\npremises:\n  buildingArea: 80㎡\n');
    const code = await run(['check', bad, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => undefined });
    expect(code).toBe(2);
    const output = JSON.parse(stdout) as { errors: string[]; diagnostics: { code: string; line: number; column: number; path: string; values: Record<string, unknown>; text: { zh: string; en: string } }[] };
    expect(output.errors).toHaveLength(1);
    expect(output.diagnostics).toEqual([
      expect.objectContaining({
        code: 'schema.expected',
        line: 3,
        column: 17,
        path: 'premises.buildingArea',
        values: expect.objectContaining({ got: '"80㎡"' }),
        text: { zh: '应为数字，实为 "80㎡"', en: 'expected a number, got "80㎡"' },
      }),
    ]);
  });
});
