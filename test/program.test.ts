import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio } from '../src/batch/portfolio.js';
import { run } from '../src/cli/main.js';
import { requiredOf, type AreaProgress, type TargetProgress } from '../src/program/measure.js';
import { loadRules, RuleFileError } from '../src/index.js';
import { bundledPrograms } from '../src/standard/registry.js';

/**
 * The bundled programmes measured over fixtures/programs/forty-facilities.yaml. Every expected
 * figure below is worked out by hand from the fixture (each record says what it meets and where
 * it comes from) and the programme files; rows are the records' positions in the file.
 *
 * Changzhi township health centers, rows 1–10: 1 meets the sub-center standard (and so the other
 * two), 2 the recommended one, 3 and 4 the basic one (4 is one requirement short of recommended),
 * 5 meets none (5 required requirements open), 6–10 each break the basic standard (8 breaks two
 * requirements, the others one).
 * Changzhi village clinics, rows 11–22: 11, 12, 15 meet the standardized clinic standard (15 misses
 * only an advisory item), 13 and 14 the demonstration standard too, 20 and 21 the standardized one
 * but each one requirement of the demonstration one; 16–19 each break one requirement; 22 leaves
 * its drug count blank. Capability assessed: 11, 13, 14, 20 yes; 22 blank; the rest no.
 * Licensed (assistant) physicians / village doctors: 13, 14, 21 have 1/1; 11, 12, 17, 22 have 0/2;
 * the other five 0/1 — 3 physicians among 19.
 */

const fixture = 'fixtures/programs/forty-facilities.yaml';
const allPrograms = ['changzhi/2028', 'yanggu/2026', 'zibo/2026', 'wenshui/2025'];

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'facility-standards-program-'));

let portfolio: Portfolio;
let stderr: string;

beforeAll(async () => {
  const out = join(tempDir(), 'portfolio.json');
  const result = await cli('batch', fixture, ...allPrograms.flatMap((p) => ['--program', p]), '--as-of', '2026-11-23', '--report', out);
  stderr = result.stderr;
  expect(result.code, result.stderr).toBe(1);
  portfolio = JSON.parse(readFileSync(out, 'utf8')) as Portfolio;
});

function target(program: string, id: string): TargetProgress {
  const found = portfolio.programs.find((p) => p.program === program)?.targets.find((t) => t.target === id);
  if (!found) throw new Error(`no ${program} ${id}`);
  return found;
}

/** The figures of a target's only area. */
function figures(program: string, id: string): Omit<AreaProgress, 'closest'> & { closest: number[] } {
  const { areas } = target(program, id);
  expect(areas).toHaveLength(1);
  const { closest, ...rest } = areas[0]!;
  return { ...rest, closest: closest.map((f) => f.row) };
}

describe('programme targets over forty facilities', () => {
  it('reads every row', () => {
    expect(portfolio.rows).toBe(40);
    expect(portfolio.evaluated).toBe(40);
  });

  it('Changzhi: every township center at the basic standard', () => {
    expect(figures('changzhi/2028', 'township-basic')).toEqual({
      population: 10, required: 10, achieved: 4, byWaiver: 0, unknown: 0, unplaced: 0, gap: 6, status: 'gap',
      // One open requirement each (by row), then row 8 (two), then row 5 (five).
      closest: [6, 7, 9, 10, 8, 5],
    });
    const closest = target('changzhi/2028', 'township-basic').areas[0]!.closest;
    expect(closest.map((f) => f.open)).toEqual([1, 1, 1, 1, 2, 5]);
  });

  it('Changzhi: 30 % at the recommended standard, 15 % sub-centers (shares of 10 round up)', () => {
    expect(figures('changzhi/2028', 'township-recommended')).toEqual({
      population: 10, required: 3, achieved: 2, byWaiver: 0, unknown: 0, unplaced: 0, gap: 1, status: 'gap', closest: [4],
    });
    const subcenters = figures('changzhi/2028', 'county-subcenters');
    expect(subcenters).toMatchObject({ population: 10, required: 2, achieved: 1, gap: 1, status: 'gap' });
    // The recommended-level center is nearer the sub-center standard than row 4, which lacks a recommended item besides.
    expect(subcenters.closest).toEqual([2]);
  });

  it('Changzhi: standardized clinics, with a Pingshun clinic counted under its county overlay and a blank field unknown', () => {
    expect(figures('changzhi/2028', 'standardized-village-clinics')).toEqual({
      population: 12, required: 12, achieved: 7, byWaiver: 0, unknown: 1, unplaced: 0, gap: 5, status: 'gap', closest: [16, 17, 18, 19, 22],
    });
  });

  it('Changzhi: 100 demonstration clinics, a count; clinics too small to be one are not the closest', () => {
    expect(figures('changzhi/2028', 'demonstration-village-clinics')).toEqual({
      population: 12, required: 100, achieved: 2, byWaiver: 0, unknown: 0, unplaced: 0, gap: 98, status: 'gap', closest: [20, 21],
    });
  });

  it('Changzhi: more than 50 % of village doctors licensed, counted in people', () => {
    const licensed = target('changzhi/2028', 'licensed-village-doctors');
    expect(licensed.unit).toBe('people');
    // More than half of 19 is 10.
    expect(figures('changzhi/2028', 'licensed-village-doctors')).toEqual({
      population: 19, required: 10, achieved: 3, byWaiver: 0, unknown: 0, unplaced: 0, gap: 7, status: 'gap', closest: [],
    });
  });

  it('Changzhi: every clinic at the capability standard, by the county assessment', () => {
    expect(figures('changzhi/2028', 'village-clinics-capability-standard')).toMatchObject({
      population: 12, required: 12, achieved: 4, unknown: 1, unplaced: 0, gap: 8, status: 'gap',
    });
  });

  it('Yanggu: public property 100 %, integrated management 80 % (one clinic not recorded keeps it open)', () => {
    // Rows 23–30: 24 is government property, 26 private, 29 rented, the rest collective.
    expect(figures('yanggu/2026', 'public-property')).toMatchObject({ population: 8, required: 8, achieved: 6, gap: 2, status: 'gap' });
    // 80 % of 8 is 6.4, so 7; six are integrated, 26 is not, 29 is not recorded: 7 is still reachable.
    expect(figures('yanggu/2026', 'integrated-management')).toMatchObject({
      population: 8, required: 7, achieved: 6, unknown: 1, unplaced: 0, gap: 1, status: 'unknown',
    });
  });

  it('Yanggu: 40 % at the capability standard in each township', () => {
    const { areas } = target('yanggu/2026', 'capability-standard-by-township');
    expect(areas.map(({ county, township, population, required, achieved, gap, status }) => ({ county, township, population, required, achieved, gap, status }))).toEqual([
      { county: '阳谷县', township: '阿城镇', population: 4, required: 2, achieved: 2, gap: 0, status: 'met' },
      { county: '阳谷县', township: '七级镇', population: 4, required: 2, achieved: 1, gap: 1, status: 'gap' },
    ]);
  });

  it('Zibo: public property, integrated management, half the village doctors licensed', () => {
    expect(figures('zibo/2026', 'public-property')).toMatchObject({ population: 5, required: 5, achieved: 4, gap: 1, status: 'gap' });
    expect(figures('zibo/2026', 'integrated-management')).toMatchObject({ population: 5, required: 4, achieved: 4, gap: 0, status: 'met' });
    // 1+0+1+0+1 physicians among 3 + 5 village doctors: 8 people, half is 4.
    expect(figures('zibo/2026', 'licensed-village-doctors')).toMatchObject({ population: 8, required: 4, achieved: 3, gap: 1, status: 'gap' });
  });

  it('Wenshui: 40 % of village clinics at the capability standard', () => {
    expect(figures('wenshui/2025', 'village-clinics-capability-standard')).toMatchObject({
      population: 5, required: 2, achieved: 2, gap: 0, status: 'met',
    });
  });

  it('counts only the facilities in a programme’s region', () => {
    // Changzhi's clinic targets count its 12 clinics, not Yanggu's, Zibo's or Wenshui's 18.
    expect(target('changzhi/2028', 'standardized-village-clinics').areas[0]!.population).toBe(12);
  });

  it('prints each target on standard error', () => {
    expect(stderr).toContain('30%的乡镇卫生院达到推荐标准');
    // A share gives the share itself next to its bound: 2 of the 10 centers are 20 %, 30 % of 10 is 3.
    expect(stderr).toMatch(/✗ 20%（2\/10家），要求不少于30%（至少3家） · 差 1家\n\s+最接近达标（尚缺项数）: 屯留区渔泽镇卫生院 \(1\)/);
    // 2 of 阿城镇's 4 clinics are 50 %; 40 % of 4 rounds up to 2.
    expect(stderr).toContain('✓ 阳谷县 阿城镇: 50%（2/4家），要求不少于40%（至少2家） · 差 0家');
    // A count target still says what it asks and what is reached.
    expect(stderr).toContain('✗ 要求 100家 · 达到 2家（共 12家）· 差 98家');
  });
});

describe('how many a bound asks for', () => {
  it.each([
    [{ operator: 'atLeast', value: 0.3 } as const, 10, 3],
    [{ operator: 'atLeast', value: 0.3 } as const, 11, 4],
    [{ operator: 'atLeast', value: 0.15 } as const, 20, 3],
    [{ operator: 'atLeast', value: 0.8 } as const, 5, 4],
    [{ operator: 'moreThan', value: 0.5 } as const, 10, 6],
    [{ operator: 'moreThan', value: 0.5 } as const, 19, 10],
    [{ operator: 'atLeast', value: 1 } as const, 0, 0],
  ])('%o of %i → %i', (bound, population, required) => {
    expect(requiredOf(bound, population, 'share')).toBe(required);
  });

  it('a count is the number itself, or the next one for "more than"', () => {
    expect(requiredOf({ operator: 'atLeast', value: 100 }, 12, 'count')).toBe(100);
    expect(requiredOf({ operator: 'moreThan', value: 100 }, 12, 'count')).toBe(101);
  });
});

describe('programme files', () => {
  it('bundles the four programmes', () => {
    expect([...bundledPrograms().keys()].sort()).toEqual([...allPrograms].sort());
  });

  const program = (targets: string) => `id: test/programme
title: { zh: 测试, en: Test }
region: { province: 山西省, city: 长治市 }
source: { title: 长治市医疗卫生强基三年行动实施方案, issuer: 长治市人民政府办公室, date: 2025-12-18, file: sources/001_f3c695a624cdce2f.txt }
targets:
${targets}`;

  function problems(text: string): string[] {
    try {
      loadRules([{ file: 'programs/test.yaml', text }], { base: new Map() });
    } catch (error) {
      if (error instanceof RuleFileError) return error.diagnostics.map(String);
      throw error;
    }
    return [];
  }

  it('names an unknown standard, a share written as a percentage and a fact that is not a staff count, at line:column', () => {
    const text = program(`  - id: basic
    clause: 二(一)2
    quote: 所有乡镇卫生院均达到
    title: { zh: 基本标准, en: Basic }
    by: 2028-12-31
    facilityType: township-health-center
    standard: changzhi/township-basics
    share: { atLeast: 1 }
  - id: recommended
    clause: 附件2 二
    quote: 30%的乡镇卫生院
    title: { zh: 推荐标准, en: Recommended }
    by: 2028-12-31
    facilityType: township-health-center
    condition: { fact: staff.onPost, operator: greaterThanInclusive, value: 30 }
    share: { atLeast: 30 }
  - id: doctors
    clause: 附件1 二
    quote: 占比超过50%
    title: { zh: 执业医师, en: Licensed }
    by: 2028-12-31
    facilityType: village-clinic
    staffShare: { numerator: [premises.buildingArea], denominator: [staff.villageDoctors] }
    share: { moreThan: 0.5 }
`);
    expect(problems(text)).toEqual([
      'programs/test.yaml:21:5: a share is written between 0 and 1 (0.3 for 30%), not 30 (at targets[1].share)',
    ]);
    const fixed = text.replace('atLeast: 30', 'atLeast: 0.3');
    expect(problems(fixed)).toEqual([
      'programs/test.yaml:12:15: unknown standard "changzhi/township-basics" (at targets[0].standard)',
      'programs/test.yaml:28:31: "premises.buildingArea" is not a staff count; a staff share sums record fields such as staff.physicians (at targets[2].staffShare.numerator[0])',
      'programs/test.yaml:28:68: the denominator includes the numerator\'s fields; add premises.buildingArea (at targets[2].staffShare.denominator)',
    ]);
  });

  const both = program(`  - id: both
    clause: 二(一)2
    quote: 所有乡镇卫生院均达到
    title: { zh: 基本标准, en: Basic }
    by: 2028-12-31
    facilityType: township-health-center
    standard: changzhi/township-basic
    condition: { fact: staff.onPost, operator: greaterThanInclusive, value: 15 }
`);

  it('asks for one measure and one bound', () => {
    expect(problems(both)).toEqual([
      'programs/test.yaml:6:5: a target measures one thing: `standard` (facilities meeting it), `condition` (facilities for which it holds) or `staffShare` (at targets[0])',
      'programs/test.yaml:6:5: a target sets one bound: `share` (0–1, 0.3 for 30%) or `count`, or is `tracked: true` (a share reported, no figure set) (at targets[0])',
    ]);
  });

  it('asks for a deadline written as a date, not a bare year', () => {
    expect(problems(both.replace('by: 2028-12-31', 'by: 2028'))).toEqual([
      'programs/test.yaml:10:9: a deadline is written YYYY-MM-DD, e.g. 2028-12-31 (the end of the year the text names) (at targets[0].by)',
    ]);
  });
});

describe('waivers', () => {
  const dir = tempDir();
  // Row 16 of the fixture, 龙溪镇井底村卫生室, lacks the public-health room (four-rooms); row 17 stocks 45 drugs.
  const waivers = join(dir, 'waivers.yaml');
  writeFileSync(
    waivers,
    `- facility: changzhi-pingshun-longxi-jingdi
  standard: changzhi/village-clinic
  requirement: four-rooms
  justification: 村委会旧址改建中，公共卫生室2027年6月前完工
  approver: 平顺县卫健体局 李华
  expires: 2027-06-30
- facility: changzhi-tunliu-yuwu-wuzhai
  requirement: drugs
  justification: 药品目录调整过渡期
  approver: 屯留区卫健局 王明
  expires: 2026-06-30
- facility: no-such-clinic
  requirement: drugs
  justification: 示例
  approver: 示例
  expires: 2027-01-01
`,
  );

  it('turn a covered gap into waived, count the facility apart, and ignore expired waivers', async () => {
    const out = join(dir, 'portfolio.json');
    const result = await cli('batch', fixture, '--program', 'changzhi/2028', '--waivers', waivers, '--as-of', '2026-11-23', '--report', out);
    expect(result.code).toBe(1);
    const waived = JSON.parse(readFileSync(out, 'utf8')) as Portfolio;
    const row16 = waived.facilities.find((f) => f.row === 16)!;
    const report = row16.reports.find((r) => r.standard === 'pingshun/village-clinic@2026')!;
    expect(report.outcome).toBe('met');
    expect(report.counts.waived).toBe(1);
    const item = report.requirements!.find((r) => r.requirement === 'four-rooms')!;
    expect(item.outcome).toBe('waived');
    expect(item.waiver).toMatchObject({ approver: '平顺县卫健体局 李华', expires: '2027-06-30' });
    expect(item.missing).toEqual(['public-health-room']);
    expect(item.message.zh).toMatch(/^已豁免（村委会旧址改建中.*有效期至2027-06-30）：缺少：公共卫生室$/);
    // Row 17's waiver expired on 2026-06-30: its drug gap stands.
    const row17 = waived.facilities.find((f) => f.row === 17)!;
    expect(row17.reports.find((r) => r.standard === 'changzhi/village-clinic@2026')!.outcome).toBe('gap');
    expect(waived.waivers.applied).toBe(1);
    expect(waived.waivers.expired.map((w) => w.facility)).toEqual(['changzhi-tunliu-yuwu-wuzhai']);
    expect(waived.waivers.unused.map((w) => w.facility)).toEqual(['no-such-clinic']);
    // Counted apart: Pingshun's standard is met by two clinics outright and one with a waiver.
    const pingshun = waived.standards.find((s) => s.standard === 'pingshun/village-clinic@2026')!;
    expect(pingshun.facilities).toMatchObject({ met: 2, waived: 1, gap: 0, unknown: 1 });
    // The standardized-clinic target now counts row 16, by waiver.
    const standardized = waived.programs[0]!.targets.find((t) => t.target === 'standardized-village-clinics')!.areas[0]!;
    expect(standardized).toMatchObject({ achieved: 8, byWaiver: 1, gap: 4 });
    expect(result.stderr).toContain('豁免：已适用 1 项 · 已过期 1 条 · 未用到 1 条');
  });

  it('the same waivers as CSV, with Chinese headers', async () => {
    const csv = join(dir, 'waivers.csv');
    writeFileSync(csv, '\uFEFF机构编码,标准,要求,理由,批准人,有效期至\nchangzhi-pingshun-longxi-jingdi,changzhi/village-clinic,four-rooms,公共卫生室在建,李华,2027-06-30\n');
    const out = join(dir, 'csv.json');
    await cli('batch', fixture, '--waivers', csv, '--as-of', '2026-11-23', '--report', out);
    const waived = JSON.parse(readFileSync(out, 'utf8')) as Portfolio;
    expect(waived.waivers.applied).toBe(1);
  });

  it('a waiver file naming a requirement no standard has is refused at its line and column', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, '- facility: a\n  standard: changzhi/village-clinic\n  requirement: four-room\n  justification: x\n  approver: y\n  expires: 2027-13-01\n');
    const result = await cli('batch', fixture, '--waivers', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:6:3: 2027-13-01 的月份 13 不存在：月份为 01 至 12（位置：[0].expires）`);
    writeFileSync(bad, '- facility: a\n  standard: changzhi/village-clinic\n  requirement: four-room\n  justification: x\n  approver: y\n  expires: 2027-12-01\n');
    const again = await cli('batch', fixture, '--waivers', bad);
    expect(again.stderr).toContain(`${bad}:3:16: changzhi/village-clinic 中没有要求“four-room”（是否为“four-rooms”？）`);
    const inEnglish = await cli('batch', fixture, '--waivers', bad, '--lang', 'en');
    expect(inEnglish.stderr).toContain(`${bad}:3:16: changzhi/village-clinic has no requirement "four-room" (did you mean "four-rooms"?)`);
  });
});
