import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { evaluateRecordSync } from '../src/evaluate/evaluate.js';
import { contributions, measureProgram, type AreaProgress, type ContributingFacility } from '../src/program/measure.js';
import { parseRecord, type FacilityRecordInput } from '../src/index.js';
import { bundledPrograms, bundledStandard, bundledStandards } from '../src/standard/registry.js';
import { loadFixture, patch } from './support/fixtures.js';

/**
 * Programme targets the sources set and the programmes did not yet carry: tracked shares with no
 * verdict (Wenshui 二(八)), targets counted among a group (Yanggu 二(三), 三(一)5), a count (Changzhi
 * 中医阁 800) and the city's technicians (Changzhi 二(四)12). Every figure is worked out by hand
 * from the records written here.
 */

function measure(programId: string, inputs: readonly FacilityRecordInput[]) {
  const program = bundledPrograms().get(programId)!;
  const facilities: ContributingFacility[] = inputs.map((input, i) => {
    const record = parseRecord(input);
    return {
      row: i + 1,
      ...(record.id !== undefined && { id: record.id }),
      contributions: contributions(program, record, (standard) => evaluateRecordSync(record, bundledStandards().get(standard)!)),
    };
  });
  return { program, progress: measureProgram(program, facilities) };
}

function area(progress: ReturnType<typeof measure>['progress'], target: string): AreaProgress {
  const found = progress.targets.find((t) => t.target === target);
  expect(found, target).toBeDefined();
  expect(found!.areas).toHaveLength(1);
  return found!.areas[0]!;
}

const wenshui = { province: '山西省', city: '吕梁市', county: '文水县', township: '刘胡兰镇' };

describe('Wenshui 二(八): township centers tracked by service population, with no verdict', () => {
  const thc = (id: string, servicePopulation: number | undefined, onPost: number, reached: boolean): FacilityRecordInput => ({
    id,
    type: 'township-health-center',
    region: wenshui,
    ...(servicePopulation !== undefined && { servicePopulation }),
    staff: { onPost },
    assessment: { capabilityStandard: reached },
  });
  // A: 10,001 people, 12 staff, reached — large group, counts.
  // B: exactly 10,000 — neither 超过 nor 不足 1万: in neither group.
  // C: 25,000 people but 8 staff (少于10人) — the other group; not reached.
  // D: 8,000 people, 15 staff, reached — the other group, counts.
  // E: 30,000 people, 20 staff, not reached — large group.
  // F: population not recorded, 20 staff — neither group can be settled: unknown in both.
  const batch = [
    thc('A', 10001, 12, true),
    thc('B', 10000, 12, true),
    thc('C', 25000, 8, false),
    thc('D', 8000, 15, true),
    thc('E', 30000, 20, false),
    thc('F', undefined, 20, true),
  ];
  const { progress } = measure('wenshui/2025', batch);

  it('服务人口超过1万人: A, E and F (unsettled); 1 of 3 at the standard; no verdict', () => {
    const large = area(progress, 'township-capability-large');
    expect(large).toMatchObject({ population: 3, achieved: 1, unknown: 1, required: 0, gap: 0, status: 'tracked' });
    expect(large.share).toBeCloseTo(1 / 3, 12);
    const target = progress.targets.find((t) => t.target === 'township-capability-large')!;
    expect(target.measure).toBe('tracked');
    expect(target.bound).toBeUndefined();
  });

  it('不足1万人或机构人员少于10人: C, D and F; 1 of 3; no verdict', () => {
    const others = area(progress, 'township-capability-others');
    expect(others).toMatchObject({ population: 3, achieved: 1, unknown: 1, status: 'tracked' });
    expect(others.share).toBeCloseTo(1 / 3, 12);
  });

  it('the batch summary says tracked, with the share, and no requirement or gap', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'facility-standards-tracked-')), 'wenshui.yaml');
    writeFileSync(file, JSON.stringify(batch));
    let stdout = '';
    let stderr = '';
    await run(['batch', file, '--program', 'wenshui/2025', '--as-of', '2025-06-30'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    const lines = (stdout + stderr).split('\n');
    const after = (title: string) => lines[lines.findIndex((l) => l.includes(title)) + 1];
    expect(after('服务人口超过1万人的乡镇卫生院达到能力标准（跟踪）')).toBe('    – 跟踪，不作判定：占比33.3% · 达到 1家（共 3家） · 数据不全 1 家');
    expect(after('服务人口不足1万人或人员少于10人的乡镇卫生院持续提升（跟踪）')).toBe('    – 跟踪，不作判定：占比33.3% · 达到 1家（共 3家） · 数据不全 1 家');
  });

  it('at exactly 10,000 people a center is in neither group; at 10,001 it is in the large one', () => {
    const at = measure('wenshui/2025', [thc('B', 10000, 12, true)]).progress;
    expect(area(at, 'township-capability-large').population).toBe(0);
    expect(area(at, 'township-capability-others').population).toBe(0);
    const above = measure('wenshui/2025', [thc('A', 10001, 12, true)]).progress;
    expect(area(above, 'township-capability-large')).toMatchObject({ population: 1, achieved: 1, share: 1 });
  });
});

const yanggu = { province: '山东省', city: '聊城市', county: '阳谷县', township: '大布乡' };

describe('Yanggu 二(三), 三(一)5: targets counted among the clinics under integrated management', () => {
  const clinic = (id: string, integrated: boolean | undefined, ownership: 'collective' | 'private', designated: boolean): FacilityRecordInput => ({
    id,
    type: 'village-clinic',
    region: yanggu,
    premises: { ownership },
    management: { ...(integrated !== undefined && { integrated }), medicalInsuranceDesignated: designated },
    systems: ['medical-insurance-payment'],
  });
  // P: integrated, collective, designated — counts for both.
  // Q: integrated, private, not designated — counts for neither.
  // R: not integrated, private — not in either group.
  // S: integration not recorded — unknown in both.
  const { progress } = measure('yanggu/2026', [
    clinic('P', true, 'collective', true),
    clinic('Q', true, 'private', false),
    clinic('R', false, 'private', false),
    clinic('S', undefined, 'collective', true),
  ]);

  it('产权公有 by 2025 among integrated clinics: 1 of P, Q, S; Q makes it a gap whatever S turns out to be', () => {
    expect(area(progress, 'integrated-clinics-public-property')).toMatchObject({
      population: 3, achieved: 1, unknown: 1, required: 3, gap: 2, status: 'gap',
    });
  });

  it('医保定点 and 联网结算 by 2024 among integrated clinics: the same three, 1 achieved', () => {
    expect(area(progress, 'integrated-clinics-medical-insurance')).toMatchObject({ population: 3, achieved: 1, unknown: 1, gap: 2, status: 'gap' });
  });

  it('without Q, what S turns out to be decides it: unknown', () => {
    const { progress: two } = measure('yanggu/2026', [clinic('P', true, 'collective', true), clinic('S', undefined, 'collective', true)]);
    expect(area(two, 'integrated-clinics-public-property')).toMatchObject({ population: 2, achieved: 1, unknown: 1, status: 'unknown' });
  });
});

describe('Changzhi: 800 TCM corners, and the technicians of 二(四)12 counted apart from the basic standard', () => {
  const clinic = loadFixture('changzhi/village-clinic/compliant.yaml');
  const withCorner = patch(clinic, (r) => void (r.rooms = [...r.rooms!, 'tcm-corner']));

  it('中医阁 2028年底达到800家: a count of clinics with a TCM corner', () => {
    // Three clinics, each its own id: one facility listed twice would count once.
    const { progress } = measure('changzhi/2028', [{ ...withCorner, id: 'a' }, { ...clinic, id: 'b' }, { ...withCorner, id: 'c' }]);
    expect(area(progress, 'tcm-corners')).toMatchObject({ population: 3, achieved: 2, required: 800, gap: 798, status: 'gap' });
  });

  it('a center at the basic standard without trained technicians counts for township-basic, not township-technicians', () => {
    const noEcg = loadFixture('changzhi/township-technicians/breaks/ecg-technician.yaml');
    const both = loadFixture('changzhi/township-technicians/compliant.yaml');
    const { progress } = measure('changzhi/2028', [noEcg, both]);
    expect(area(progress, 'township-basic')).toMatchObject({ population: 2, achieved: 2, status: 'met' });
    expect(area(progress, 'township-technicians')).toMatchObject({ population: 2, achieved: 1, gap: 1, status: 'gap' });
  });
});
