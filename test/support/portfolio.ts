import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { portfolioBuilder, type Portfolio } from '../../src/batch/portfolio.js';
import { evaluateRows, type InputRow, type OutputRow, type RowContext, type Tally } from '../../src/batch/rows.js';
import type { Program } from '../../src/program/types.js';
import { loadRules } from '../../src/standard/load.js';
import { bundledPrograms, bundledStandards } from '../../src/standard/registry.js';
import type { Waiver } from '../../src/waiver/schema.js';

/**
 * A county assessor's batch for the portfolio reports: village clinics of 平顺县 and 壶关县 (长治市)
 * from fixtures/, one sparse record whose name is markup, one invalid row, three waivers (one
 * applied, one expired, one unused) and a programme with three targets.
 */

const fixture = (path: string): Record<string, unknown> =>
  parseYaml(readFileSync(fileURLToPath(new URL(`../../fixtures/changzhi/${path}`, import.meta.url)), 'utf8')) as Record<string, unknown>;

/** The name of the sparse record: markup, a table separator and Markdown emphasis. */
export const hostileName = '<script>alert("x")</script> | *西沟乡*测试卫生室';

/** Rows 1–9, in input order; row 6 is invalid. */
export function records(): { row: number; record: unknown }[] {
  const compliant = fixture('village-clinic/compliant.yaml');
  // Offers intravenous infusion and has an observation room: meets the national standard too.
  (compliant.services as Record<string, unknown>).ivInfusion = true;
  return [
    { row: 1, record: compliant }, // 平顺县 青羊镇
    { row: 2, record: fixture('village-clinic/breaks/four-rooms.yaml') }, // 平顺县 龙溪镇
    { row: 3, record: fixture('village-clinic/breaks/naming.yaml') }, // 平顺县 西沟乡, 东庄卫生所
    { row: 4, record: fixture('village-clinic/breaks/utilities.yaml') }, // 平顺县 石城镇, no heating (waived)
    {
      row: 5,
      record: {
        id: 'pingshun-xigou-test',
        name: hostileName,
        type: 'village-clinic',
        region: { province: '山西省', city: '长治市', county: '平顺县', township: '西沟乡' },
        servicePopulation: 300,
        premises: { buildingArea: 65 },
      },
    },
    { row: 6, record: { id: 'pingshun-bad', type: 'village-clinic', premises: { buildingArea: '80|㎡' } } },
    { row: 7, record: fixture('village-clinic/breaks/collective-property.yaml') }, // 壶关县 店上镇, rented
    { row: 8, record: fixture('village-clinic/breaks/cooling-equipment.yaml') }, // 壶关县 树掌镇, no cooling
    { row: 9, record: fixture('village-clinic-demonstration/compliant.yaml') }, // 壶关县 百尺镇, 2350 people
  ];
}

export const asOf = '2026-11-23';

export const waivers: Waiver[] = [
  {
    facility: 'changzhi-pingshun-shicheng-yuejiazhai',
    standard: 'changzhi/village-clinic',
    requirement: 'utilities',
    justification: '整村搬迁已批复，2027年新址建成后通暖',
    approver: '平顺县卫生健康和体育局',
    expires: '2027-06-30',
  },
  {
    facility: 'changzhi-huguan-shuzhang-dahe',
    requirement: 'cooling-equipment',
    justification: '空调采购中',
    approver: '壶关县卫生健康局',
    expires: '2026-09-30',
  },
  {
    facility: 'changzhi-huguan-baichi-baichi',
    standard: 'changzhi/village-clinic',
    requirement: 'drugs',
    justification: '药房改造期间 | 临时减少品种\n（已完成）',
    approver: '壶关县卫生健康局',
    expires: '2027-12-31',
  },
];

export const programYaml = `id: changzhi/assessment-2028
title: { zh: 长治市村卫生室建设目标（评估用）, en: Changzhi village clinic targets (assessment) }
region: { province: 山西省, city: 长治市 }
source:
  title: 长治市医疗卫生强基三年行动实施方案(2026—2028年) 附件1 长治市标准化村卫生室建设行动方案
  issuer: 长治市人民政府办公室
  date: 2025-12-18
  file: sources/001_f3c695a624cdce2f.txt
targets:
  - id: standardized-clinics
    clause: 附件1 一
    quote: 到2028年底，全市村卫生室全部达到标准化建设要求
    title: { zh: 村卫生室标准化全覆盖, en: Every village clinic standardized }
    by: 2028-12-31
    facilityType: village-clinic
    standard: changzhi/village-clinic
    share: { atLeast: 1 }
    per: county
  - id: demonstration-clinics
    clause: 附件1 二(三)
    quote: 遴选100所服务人口1000人以上的行政村卫生室建设综合示范卫生室
    title: { zh: 综合示范卫生室, en: Demonstration clinics }
    by: 2028-12-31
    facilityType: village-clinic
    standard: changzhi/village-clinic-demonstration
    count: { atLeast: 2 }
  - id: licensed-physicians
    clause: 附件1 一
    quote: 执业（助理）医师占比超过50%
    title: { zh: 执业（助理）医师占比, en: Share of licensed physicians }
    by: 2028-12-31
    facilityType: village-clinic
    staffShare: { numerator: [staff.physicians], denominator: [staff.physicians, staff.villageDoctors] }
    share: { moreThan: 0.5 }
`;

export function program(): Program {
  const { programs } = loadRules([{ file: 'programs/assessment-2028.yaml', text: programYaml }], { base: bundledStandards() });
  return programs.get('changzhi/assessment-2028')!;
}

/** The bundled programme of the batch's city, when rules/programs/ has it. */
export const bundledProgram = (): Program | undefined => bundledPrograms().get('changzhi/2028');

/** The programmes measured: the one above, and the city's bundled one. */
export function programs(): Program[] {
  const bundled = bundledProgram();
  return bundled ? [program(), bundled] : [program()];
}

/**
 * Runs the rows (those of `records()` unless given) through a batch (one NDJSON line each) and
 * builds the portfolio from its output lines.
 */
export function buildPortfolio(
  options: { detail?: 'gaps' | 'all'; input?: string; rows?: { row: number; record: unknown }[] } = {},
): { portfolio: Portfolio; output: OutputRow[]; tally: Tally } {
  const available = [...bundledStandards().values()];
  const measured = programs();
  const context: RowContext = { chosen: [], available, waivers, asOf, programs: measured, detail: options.detail ?? 'all' };
  const rows: InputRow[] = (options.rows ?? records()).map(({ row, record }) => ({ row, line: JSON.stringify(record) }));
  const { text, tally } = evaluateRows(rows, context);
  const output = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OutputRow);
  const builder = portfolioBuilder({ standards: available, programs: measured, waivers, asOf, input: options.input ?? 'changzhi-village-clinics.ndjson' });
  for (const row of output) builder.add(row);
  return { portfolio: builder.finish(), output, tally };
}
