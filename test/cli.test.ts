import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const example = 'examples/xigou-dongzhuang.yaml';
const compliant = 'fixtures/changzhi/village-clinic/compliant.yaml';

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'facility-standards-')), name);
  writeFileSync(path, text);
  return path;
}

describe('facility-standards check', () => {
  it('writes the checklist as Markdown or as one self-contained HTML page', async () => {
    const markdown = await cli('check', example, '--standard', 'changzhi/village-clinic', '--format', 'markdown', '--lang', 'en');
    expect(markdown.code).toBe(1);
    // The example's clinic (examples/xigou-dongzhuang.yaml) has no public health room: one of the four rooms is missing.
    expect(markdown.stdout).toContain('| Changzhi standardized village clinic | changzhi/village-clinic@2026 | 0 | 0 | 1 | 0 | 0 | 1 |');
    expect(markdown.stdout).toMatch(/✗ .*Four separate rooms/);
    const html = await cli('check', example, '--standard', 'changzhi/village-clinic', '--format', 'html');
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(html.stdout).toContain('缺少：公共卫生室');
    expect(html.stdout).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    const ladder = await cli('check', example, '--ladder', 'changzhi/village-clinic', '--format', 'html');
    expect(ladder.code).toBe(2);
  });

  it('prints a Chinese checklist with the gaps and exits 1 when there are gaps', async () => {
    const { code, stdout, stderr } = await cli('check', example, '--standard', 'changzhi/village-clinic');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('西沟乡东庄村卫生室 (pingshun-xigou-dongzhuang)');
    expect(stdout).toContain('结论：未达标');
    expect(stdout).toContain('✗ 四室分开  附件1 二(一)\n      缺少：公共卫生室');
    expect(stdout).toContain('药品品种46种，要求不少于50种，还差4种');
    expect(stdout).toContain('✓ 集体产权房屋');
  });

  it('writes English with --lang en', async () => {
    const { stdout } = await cli('check', example, '--standard', 'changzhi/village-clinic', '--lang', 'en');
    expect(stdout).toContain('Outcome: gap');
    expect(stdout).toContain('missing: public health room');
  });

  it('applies every standard for the record type in force in its region without --standard', async () => {
    const { stdout } = await cli('check', example, '--format', 'json');
    const ids = JSON.parse(stdout).reports.map((r: { standard: { id: string } }) => r.standard.id);
    // A clinic of 平顺县, 长治市: the national measures, and Pingshun's overlays in place of the
    // Changzhi standards they adopt.
    expect(ids.sort()).toEqual(['national/village-clinic-2014', 'pingshun/village-clinic', 'pingshun/village-clinic-demonstration']);
  });

  it('writes the JSON contract with --format json', async () => {
    const { code, stdout } = await cli('check', example, '--standard', 'changzhi/village-clinic', '--format', 'json');
    expect(code).toBe(1);
    const { reports } = JSON.parse(stdout);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      facility: { id: 'pingshun-xigou-dongzhuang', name: '西沟乡东庄村卫生室' },
      standard: { id: 'changzhi/village-clinic', version: '2026' },
      outcome: 'gap',
    });
    const fourRooms = reports[0].requirements.find((r: { requirement: string }) => r.requirement === 'four-rooms');
    expect(fourRooms).toMatchObject({ clause: '附件1 二(一)', outcome: 'gap', missing: ['public-health-room'] });
  });

  it('exits 0 for a compliant clinic', async () => {
    const { code, stdout } = await cli('check', compliant, '--standard', 'changzhi/village-clinic', '--standard', 'changzhi/village-clinic-demonstration');
    expect(code).toBe(0);
    expect(stdout).toContain('结论：达标');
    expect(stdout).toContain('结论：不适用');
  });

  it('exits 1 when a required requirement is unknown', async () => {
    const path = tempFile('partial.yaml', 'id: partial\ntype: village-clinic\npremises: { ownership: collective }\n');
    const { code, stdout } = await cli('check', path, '--standard', 'changzhi/village-clinic');
    expect(code).toBe(1);
    expect(stdout).toContain('结论：数据不全，无法判定');
  });

  it('exits 2 for an invalid record, naming file, line, column and field; other files are still checked', async () => {
    const bad = tempFile('bad.yaml', 'id: bad\ntype: village-clinic\npremises:\n  buildingArea: 八十\n');
    const { code, stdout, stderr } = await cli('check', bad, example, '--standard', 'changzhi/village-clinic');
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}:4:17: 应为数字，实为 "八十"（位置：premises.buildingArea）`);
    expect(stdout).toContain('pingshun-xigou-dongzhuang');
  });

  it('exits 2 for a record without a type and no --standard', async () => {
    const path = tempFile('untyped.yaml', 'id: untyped\n');
    const { code, stderr } = await cli('check', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/没有可用的标准；请给记录填写机构类型/);
    expect((await cli('check', path, '--lang', 'en')).stderr).toMatch(/no standard to apply/);
  });

  it('exits 2 for usage errors', async () => {
    expect((await cli('check', example, '--standard', 'changzhi/nowhere')).stderr).toMatch(/没有标准“changzhi\/nowhere”/);
    expect((await cli('check', example, '--format', 'xml')).code).toBe(2);
    expect((await cli('check', example, '--colour')).code).toBe(2);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', 'no/such/file.yaml')).stderr).toBe('找不到 no/such/file.yaml：请检查路径和文件名\n');
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('uses rule files given with --rules, which may extend a bundled standard', async () => {
    const rules = tempFile(
      'county.yaml',
      `id: county/village-clinic
version: "2027"
title: { zh: 某县村卫生室, en: County village clinic }
facilityType: village-clinic
source: { title: 某县实施方案, issuer: 某县卫健局, date: 2027-01-01, file: sources/county.txt }
extends: changzhi/village-clinic
requirements:
  - id: tcm-corner
    clause: 二(一)
    quote: 配建中医阁
    severity: required
    title: { zh: 中医阁, en: TCM corner }
    check: { fact: rooms, operator: contains, value: tcm-corner }
`,
    );
    const { code, stdout } = await cli('check', compliant, '--rules', rules, '--standard', 'county/village-clinic');
    expect(code).toBe(1);
    expect(stdout).toContain('✗ 中医阁  二(一)\n      缺少：中医阁');
  });
});

describe('facility-standards check --ladder', () => {
  it('names the highest level reached and lists every gap to the next', async () => {
    const { code, stdout } = await cli('check', example, '--ladder', 'changzhi/village-clinic');
    expect(code).toBe(1);
    expect(stdout).toContain('已达到：（无）');
    expect(stdout).toContain('距下一级 标准化村卫生室 (changzhi/village-clinic): 4 项未达到，另有 2 项建议项未落实');
    expect(stdout).toContain('缺少：公共卫生室');
  });

  it('exits 0 at the top of the ladder', async () => {
    const { code, stdout } = await cli('check', 'fixtures/changzhi/village-clinic-demonstration/compliant.yaml', '--ladder', 'changzhi/village-clinic', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('Reached: comprehensive demonstration clinic (changzhi/village-clinic-demonstration)');
    expect(stdout).toContain('The top level is reached.');
  });

  it('says when the next level does not apply to the facility', async () => {
    const { code, stdout } = await cli('check', compliant, '--ladder', 'changzhi/village-clinic', '--format', 'json');
    expect(code).toBe(0);
    const [assessment] = JSON.parse(stdout).ladders;
    expect(assessment.achieved.standard).toBe('changzhi/village-clinic');
    expect(assessment.next).toMatchObject({ standard: 'changzhi/village-clinic-demonstration', outcome: 'not-applicable' });
    expect(assessment.gapsToNext).toEqual([]);
  });

  it('refuses --standard and --ladder together, and an unknown ladder', async () => {
    expect((await cli('check', example, '--ladder', 'changzhi/village-clinic', '--standard', 'changzhi/village-clinic')).code).toBe(2);
    expect((await cli('check', example, '--ladder', 'changzhi/nowhere')).stderr).toMatch(/没有等级阶梯“changzhi\/nowhere”/);
  });
});

describe('facility-standards schema', () => {
  it('prints the JSON Schema of a rule file', async () => {
    const { code, stdout } = await cli('schema', 'rule-file');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).title).toBe('facility-standards rule file (a standard)');
  });
});

describe('facility-standards list and validate', () => {
  it('lists the bundled standards with their sources', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    expect(stdout).toContain('changzhi/village-clinic@2026  长治市标准化村卫生室');
    expect(stdout).toContain('继承 changzhi/village-clinic');
    expect((await cli('list', '--lang', 'en')).stdout).toContain('extends changzhi/village-clinic');
    expect(stdout).toContain('长治市人民政府办公室 2025-12-18');
    expect(stdout).toContain('changzhi/village-clinic → changzhi/village-clinic-demonstration');
  });

  it('validates the bundled rule files', async () => {
    const { code, stdout } = await cli('validate', 'rules');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ 个规则文件有效：.*changzhi\/village-clinic-demonstration/);
    expect((await cli('validate', 'rules', '--lang', 'en')).stdout).toMatch(/^\d+ rule files valid: .*changzhi\/village-clinic-demonstration/);
  });

  it('reports a broken rule file at file:line:column and exits 2', async () => {
    const path = tempFile('broken.yaml', 'id: county/x\nversion: 1\ntitle: { zh: 测试, en: Test }\nfacilityType: clinic\n');
    const { code, stderr } = await cli('validate', path, '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toContain(`${path}:4:15: Invalid option: expected one of "village-clinic"|"township-health-center" (at facilityType)`);
    expect(stderr).toContain(`${path}:1:1: "source" is required`);
  });
});

describe('the built command', () => {
  it('runs from dist with the documented exit codes', () => {
    expect(existsSync('dist/cli.js'), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
    const gaps = spawnSync(process.execPath, ['dist/cli.js', 'check', example], { encoding: 'utf8' });
    expect(gaps.status).toBe(1);
    expect(gaps.stdout).toContain('缺少：公共卫生室');
    expect(execFileSync(process.execPath, ['dist/cli.js', 'check', compliant, '--standard', 'changzhi/village-clinic'], { encoding: 'utf8' })).toContain('结论：达标');
  });
});
