import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openInput } from '../src/batch/input.js';
import type { OutputRow } from '../src/batch/rows.js';
import { runBatch } from '../src/batch/run.js';
import { run } from '../src/cli/main.js';
import { recordFromRow, type CellProblem } from '../src/input/cells.js';
import { sheetColumns } from '../src/input/columns.js';
import { sheetNotesText } from '../src/input/messages.js';

/**
 * The corpus of county-shaped sheets in fixtures/sheets/, made by scripts/make-sheet-fixtures.mjs
 * (what each holds is described there). The figures below are worked out by hand from the rows
 * the script writes, against changzhi/village-clinic (rules/shanxi/changzhi/village-clinic.yaml:
 * collective property, at least 80 m², the four rooms, partitions, at least 50 drugs, both
 * information systems, at least 6 TCM techniques, and requirements on fields these sheets do not
 * have, which stay unknown).
 */
const dir = 'fixtures/sheets';
const standard = 'changzhi/village-clinic';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Every data row of a sheet as the batch reads it: its record, or its problems. */
async function records(file: string) {
  const opened = await openInput(join(dir, file));
  const columns = sheetColumns(opened.header!);
  const byRow = new Map<number, { record: Record<string, unknown>; problems: readonly CellProblem[] }>();
  for await (const row of opened.rows) {
    if (!('cells' in row)) throw new Error(`row ${row.row} is not cells`);
    byRow.set(row.row, recordFromRow(row.cells, columns));
  }
  const info = opened.info();
  return { byRow, info, notes: info.notes ?? [] };
}

async function batch(file: string) {
  const rows: OutputRow[] = [];
  const result = await runBatch({
    input: join(dir, file),
    standards: [standard],
    output: new Writable({ write: (_c, _e, done) => done() }),
    onRow: (row) => rows.push(row),
  });
  const outcome = (row: number) => {
    const found = rows.find((r) => r.row === row)!;
    return 'error' in found ? 'error' : found.reports[0]!.outcome;
  };
  const gaps = (row: number) => {
    const found = rows.find((r) => r.row === row)!;
    return 'error' in found ? [] : found.reports[0]!.gaps.filter((g) => g.outcome === 'gap').map((g) => g.requirement);
  };
  return { rows, result, outcome, gaps };
}

const cellsOf = async (path: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows, merges: Object.keys((sheet as unknown as { _merges: object })._merges).sort() };
  });
};

describe('the sheet corpus', () => {
  it('is what scripts/make-sheet-fixtures.mjs makes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sheet-fixtures-'));
    execFileSync(process.execPath, ['scripts/make-sheet-fixtures.mjs', out]);
    const files = readdirSync(dir).sort();
    expect(readdirSync(out).sort()).toEqual(files);
    for (const file of files) {
      if (file.endsWith('.xlsx')) expect(await cellsOf(join(out, file)), file).toEqual(await cellsOf(join(dir, file)));
      else expect(readFileSync(join(out, file)), file).toEqual(readFileSync(join(dir, file)));
    }
  });
});

describe('pingshun-2026.xlsx: a cover sheet, a title, who filled it in, a two-row header, 合计 and a signature', () => {
  const file = 'pingshun-2026.xlsx';

  it('has twelve clinics in rows 5–16, a 合计 row 17, an empty row 18 and the signature line 19', async () => {
    const { byRow, info } = await records(file);
    expect([...byRow.keys()]).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19]);
    expect(info).toMatchObject({ worksheet: '村卫生室', emptyRows: 1 });
    const clinics = [...byRow.values()].filter((r) => r.problems.length === 0);
    expect(clinics).toHaveLength(11);
    // Row 7, 池底村: "80 平方米", "980人", 集体产权, 诊室 治疗室 药房 公卫室 split on spaces, 对.
    expect(byRow.get(7)!.record).toEqual({
      name: '西沟乡池底村卫生室',
      id: '140425100203',
      region: { township: '西沟乡', village: '池底村' },
      servicePopulation: 980,
      premises: { ownership: 'collective', buildingArea: 80 },
      rooms: ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room'],
      roomsPartitioned: true,
      staff: { onPost: 1, healthTechnicians: 1 },
      drugs: { varieties: 50 },
      services: { tcmTechniques: 6 },
      systems: ['public-health-information'],
    });
    // Row 5: "1,200", "86㎡", 集体, ✓, "64种"; row 6: the id a number cell, the township from the merge, 96.5 m².
    expect(byRow.get(5)!.record).toMatchObject({ servicePopulation: 1200, premises: { ownership: 'collective', buildingArea: 86 }, roomsPartitioned: true, drugs: { varieties: 64 } });
    expect(byRow.get(6)!.record).toMatchObject({ id: '140425100202', region: { township: '西沟乡' }, premises: { ownership: 'collective', buildingArea: 96.5 } });
    expect(byRow.get(6)!.record.systems).toEqual(['public-health-information', 'medical-insurance-payment']);
    // Row 12, 牛岭村: area and partitions left empty: absent, not 0 or false.
    expect(byRow.get(12)!.record.premises).toEqual({ ownership: 'collective' });
    expect(byRow.get(12)!.record).not.toHaveProperty('roomsPartitioned');
    expect(byRow.get(13)!.record).toMatchObject({ premises: { ownership: 'collective', buildingArea: 82 }, roomsPartitioned: true, drugs: { varieties: 60 } });
    expect(byRow.get(14)!.record).toMatchObject({ premises: { ownership: 'private' }, roomsPartitioned: false, staff: { healthTechnicians: 0 } });
    expect(byRow.get(16)!.record.systems).toEqual(['public-health-information', 'medical-insurance-payment']);
    // Row 10: "约80" and two rooms not known, each reported; 17 and 19 are not facilities.
    expect(byRow.get(10)!.problems.map((p) => [p.column, p.code])).toEqual([
      ['房屋面积（㎡）', 'cell.not-number'],
      ['功能用房（多项用、分隔）', 'cell.not-code'],
    ]);
    expect(byRow.get(10)!.problems[1]!.values).toMatchObject({ items: ['诊所', '化验室'] });
    expect(byRow.get(17)!.problems.map((p) => p.code)).toEqual(['row.total']);
    expect(byRow.get(19)!.problems.map((p) => p.code)).toEqual(['row.merged']);
  });

  it('is assessed: six clinics with gaps, five unknown for what the sheet does not say, two rows in error, the 合计 row apart', async () => {
    const { result, outcome, gaps } = await batch(file);
    expect(result).toMatchObject({ rows: 13, evaluated: 11, errors: 2 });
    expect(result.summaryRows.map((r) => r.row)).toEqual([17]);
    expect(result.outcomes[`${standard}@2026`]).toMatchObject({ met: 0, gap: 6, unknown: 5 });
    expect([5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16].map(outcome)).toEqual(['unknown', 'unknown', 'gap', 'gap', 'gap', 'gap', 'gap', 'unknown', 'gap', 'unknown', 'unknown']);
    // Row 7's 80 m² meets "不低于80㎡"; it lacks a living area (its rooms are listed) and the insurance payment system.
    expect(gaps(7)).toEqual(['living-area', 'information-systems']);
    expect(gaps(8)).toEqual(['collective-property', 'building-area', 'four-rooms', 'room-partitions', 'living-area', 'drugs', 'information-systems', 'tcm-techniques']);
    // Row 11, 恼河村: government property; no sheet row lists a living area (生活功能区) among its rooms.
    expect(gaps(11)).toEqual(['collective-property', 'living-area']);
  });

  it('says in Chinese what was skipped, combined, read by synonym, ignored and assumed', async () => {
    const { code, stderr } = await cli('batch', join(dir, file), '--standard', standard);
    expect(code).toBe(2);
    const at = `${join(dir, file)}: `;
    expect(stderr).toContain(
      [
        '工作表“填表说明”中没有表头，已跳过',
        '第1行为表头标题，已跳过（“平顺县2026年村卫生室标准化建设情况统计表”）',
        '第2行不是表头，已跳过（“填报单位（盖章）：平顺县卫生健康局”、“填报日期：2026年3月10日”）',
        '第3、4行为两行表头，已合并为一行：“人员情况/在岗人员”、“人员情况/卫生技术人员”',
        '工作表“汇总”未读取：只读第一个有表头的工作表“村卫生室”',
        '按同义列名读取：“乡（镇）”→乡镇、“村”→行政村、“村卫生室名称”→机构名称、“服务人口数”→服务人口、“房屋面积（㎡）”→建筑面积、“药品品种数”→药品品种、“中医适宜技术种类”→中医适宜技术',
        '已忽略（不是数据）：“序号”（A列）、“村医姓名”（P列）、“联系电话”（Q列）、“备注”（R列）',
        '第I列“功能用房（多项用、分隔）”按“功能用房”读取，括号中的“多项用、分隔”未采用',
      ]
        .map((line) => `${at}${line}\n`)
        .join(''),
    );
    const english = await cli('batch', join(dir, file), '--standard', standard, '--lang', 'en');
    expect(english.stderr).toContain(`${at}rows 3 and 4 are a two-row header, combined: "人员情况/在岗人员", "人员情况/卫生技术人员"\n`);
  });
});

describe('yanggu-libreoffice.csv: a title, an empty row and a two-row header as LibreOffice exports them', () => {
  const file = 'yanggu-libreoffice.csv';

  it('has eight clinics in rows 5–12', async () => {
    const { byRow, notes } = await records(file);
    expect([...byRow.keys()]).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect([...byRow.values()].every((r) => r.problems.length === 0)).toBe(true);
    expect(notes.map((n) => n.code)).toEqual(['header.title', 'header.empty-row', 'header.two-rows']);
    expect(byRow.get(9)!.record).toEqual({
      name: '七级镇苏庄村卫生室',
      region: { township: '七级镇', village: '苏庄村' },
      premises: { buildingArea: 65 },
      staff: { onPost: 1, healthTechnicians: 1, villageDoctors: 1 },
      drugs: { varieties: 45 },
      services: { tcmService: false },
    });
    expect(byRow.get(10)!.record.name).toBe('"王营村"卫生室（七级镇）');
    // Row 12: 中医药服务 left empty.
    expect(byRow.get(12)!.record).not.toHaveProperty('services');
  });

  it('is assessed: rows 7 and 9 under 50 drugs, row 10 not named as the rule asks, the others unknown', async () => {
    const { result, outcome, gaps } = await batch(file);
    expect(result).toMatchObject({ rows: 8, evaluated: 8, errors: 0 });
    expect([5, 6, 7, 8, 9, 10, 11, 12].map(outcome)).toEqual(['unknown', 'unknown', 'gap', 'unknown', 'gap', 'gap', 'unknown', 'unknown']);
    expect(gaps(7)).toEqual(['building-area', 'drugs']);
    expect(gaps(10)).toEqual(['naming']);
    // Row 12's 75 m² falls short of an advisory requirement: reported, and the verdict stays unknown.
    expect(gaps(12)).toEqual(['building-area']);
    expect(sheetNotesText(result.notes, 'zh')).toBe(
      [
        '第1行为表头标题，已跳过（“阳谷县2026年村卫生室基本情况表”）',
        '第2行为空行，已跳过',
        '第3、4行为两行表头，已合并为一行：“人员情况/在岗人员”、“人员情况/卫生技术人员”、“人员情况/乡村医生”',
        '已忽略（不是数据）：“序号”（A列）、“备注”（K列）',
        '',
      ].join('\n'),
    );
  });
});

describe('wenshui-synonyms.csv: a header as a county typed it, cells with units and variants', () => {
  const file = 'wenshui-synonyms.csv';

  it('has six clinics in rows 2–7, row 6 holding seven cells that cannot be read', async () => {
    const { byRow } = await records(file);
    expect([...byRow.keys()]).toEqual([2, 3, 4, 5, 6, 7]);
    expect(byRow.get(3)!.record).toEqual({
      name: '凤城镇西街村卫生室',
      region: { township: '凤城镇', village: '西街村' },
      servicePopulation: 2400,
      premises: { ownership: 'collective', buildingArea: 95 },
      rooms: ['diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room', 'observation-room'],
      utilities: { water: true, electricity: true },
      drugs: { varieties: 70 },
      services: { tcmTechniques: 8 },
      disclosures: ['practice-license', 'staff-qualifications', 'drug-list-prices'],
    });
    expect(byRow.get(5)!.record).toMatchObject({ premises: { ownership: 'government', buildingArea: 1000 } });
    expect(byRow.get(4)!.record).toMatchObject({ rooms: ['diagnosis-room', 'pharmacy'], utilities: { water: false, electricity: true } });
    expect(byRow.get(6)!.problems.map((p) => p.column)).toEqual(['服务人口', '房屋产权', '房屋面积', '功能用房', '供电', '药品品种数', '公示内容']);
    expect(byRow.get(6)!.problems.find((p) => p.column === '公示内容')!.zh).toBe(
      '“价目表”不是公示内容的代码或名称；可填：医疗机构执业许可证、医务人员执业资格证、药品目录及价格',
    );
  });

  it('is assessed: rows 4, 5 and 7 with gaps, 2 and 3 unknown; the unknown columns named once', async () => {
    const { result, outcome } = await batch(file);
    expect(result).toMatchObject({ rows: 6, evaluated: 5, errors: 1 });
    expect([2, 3, 4, 5, 6, 7].map(outcome)).toEqual(['unknown', 'unknown', 'gap', 'gap', 'error', 'gap']);
    expect(result.notes.map((n) => n.zh)).toEqual([
      '按同义列名读取：“乡（镇）”→乡镇、“村”→行政村、“房屋面积”→建筑面积、“药品品种数”→药品品种、“中医适宜技术种类”→中医适宜技术',
      '已忽略（不是数据）：“序号”（A列）、“备注”（P列）',
      '第H列“占地面积（亩）”不是已知的列，未读取，其数据按未知处理',
      '第I列“房屋结构”不是已知的列，未读取，其数据按未知处理',
    ]);
  });
});

describe('excel-ids.csv: 12-digit ids Excel turned into 1.40425E+11', () => {
  it('refuses every row, saying the digits are lost and how to export the column as text', async () => {
    const { result, rows } = await batch('excel-ids.csv');
    expect(result).toMatchObject({ rows: 4, evaluated: 0, errors: 4 });
    for (const row of rows) {
      expect(row).toMatchObject({ error: 'cells that cannot be read', problems: [{ where: '机构编码', code: 'cell.id-scientific' }] });
    }
    const { code, stdout } = await cli('batch', join(dir, 'excel-ids.csv'), '--standard', standard);
    expect(code).toBe(2);
    expect(JSON.parse(stdout.split('\n')[0]!).problems[0].zh).toMatch(/^“1\.40425E\+11”是科学计数法：机构编码的原始数字已丢失/);
  });
});

describe('a column map, from template to batch', () => {
  it('maps a county’s renamed headers once, and says where a map is wrong', async () => {
    const work = mkdtempSync(join(tmpdir(), 'column-map-'));
    const map = join(work, 'map.yaml');
    expect((await cli('template', '--standard', standard, '--output', join(work, 't.csv'), '--columns', map)).code).toBe(0);
    const written = readFileSync(map, 'utf8');
    expect(written).toContain('"建筑面积（平方米）": premises.buildingArea\n');
    // The county renamed two headers in its copy, and its map with them.
    writeFileSync(map, written.replace('"建筑面积（平方米）"', '"房子多大（㎡）"').replace('"药品品种（种）"', '"药有几种"'));
    const sheet = join(work, 'county.csv');
    writeFileSync(sheet, '机构名称,房子多大（㎡）,药有几种\n西沟乡东庄村卫生室,86㎡,64\n');
    const without = await cli('batch', sheet, '--standard', standard);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('前20行中没有表头');
    const mapped = await cli('batch', sheet, '--standard', standard, '--columns', map);
    expect(mapped.code).toBe(1);
    expect(mapped.stderr).toContain(`按列对照表（${map}）读取：“房子多大（㎡）”→建筑面积、“药有几种”→药品品种`);
    const [row] = mapped.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(row.reports[0].gaps.map((g: { requirement: string }) => g.requirement)).not.toContain('building-area');

    writeFileSync(map, '房子多大: premises.buildingAera\n');
    const wrong = await cli('batch', sheet, '--standard', standard, '--columns', map);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`${map}:1:7: “premises.buildingAera”不是记录字段；是否为 建筑面积 (premises.buildingArea)`);
  });
});
