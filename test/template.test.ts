import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import {
  bundledStandard,
  bundledStandards,
  runBatch,
  sheetColumns,
  templateColumns,
  templateCsv,
  templateXlsx,
  vocabulary,
  type OutputRow,
} from '../src/node.js';

const { catalog, vocabularies } = vocabulary;

type Evaluated = Extract<OutputRow, { reports: unknown }>;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function batchFile(input: string, standard: string) {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const result = await runBatch({ input, output, standards: [standard] });
  return { rows: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutputRow), result };
}

const temp = mkdtempSync(join(tmpdir(), 'facility-standards-template-'));
const village = bundledStandard('changzhi/village-clinic');
const basic = catalog('village-clinic-basic');
const equipmentLabel = (code: string) => (vocabularies.equipment as Record<string, { zh: string }>)[code]!.zh;

describe('the columns of a template', () => {
  it('changzhi/village-clinic: identity, then the fields its requirements read, in catalogue order, equipment item by item', () => {
    // rules/shanxi/changzhi/village-clinic.yaml reads premises.ownership and buildingArea, rooms,
    // roomsPartitioned, privacyProtection, the four utilities, villageEquipmentKinds and
    // equipment (the 38 items of the village-clinic basic catalogue), drugs.varieties, systems,
    // name against township + village, green sign, whereabouts board, TCM techniques, TCM
    // health management and disclosures.
    const headers = templateColumns(village).map((c) => c.header);
    expect(basic).toHaveLength(38);
    expect(headers).toEqual([
      '机构编码', '机构名称', '省', '市', '县（市、区）', '乡镇', '行政村',
      '房屋产权', '建筑面积（平方米）', '功能用房', '规范化隔断', '诊断室、治疗室私密性保护措施',
      '供水', '供电', '采暖', '制冷设施设备',
      ...basic.map((code) => `${equipmentLabel(code)}（数量）`),
      // The assessor's count against the county's list, which comes first; the items are the fallback.
      '按县级清单核定的基本医疗器械和办公设备种类（种）',
      '药品品种（种）', '信息系统', '公示内容', '中医适宜技术（种）', '中医药健康管理服务', '标识牌以绿色为主', '村医去向指示牌',
    ]);
    expect(headers[16]).toBe('诊察床（数量）');
    expect(headers.at(-9)).toBe('电话（数量）');
  });

  it('in English, headed by record paths', () => {
    const paths = templateColumns(village, { lang: 'en' }).map((c) => c.header);
    expect(paths.slice(0, 10)).toEqual(['id', 'name', 'region.province', 'region.city', 'region.county', 'region.township', 'region.village', 'premises.ownership', 'premises.buildingArea', 'rooms']);
    expect(paths).toContain('equipment.stethoscope');
  });

  it('a standard that names equipment items gets a column for each item named, a variant included', () => {
    // rules/shandong/yanggu/village-clinic.yaml names an examination couch or (adjustable)
    // observation bed, the smart follow-up device, rehab equipment, the remote-diagnosis ECG
    // machine, a hematology analyzer, the air conditioner and the health education board.
    const items = templateColumns(bundledStandard('yanggu/village-clinic'))
      .filter((c) => c.path.startsWith('equipment.'))
      .map((c) => c.path.slice('equipment.'.length));
    expect(items).toEqual([
      'examination-couch', 'health-education-board', 'observation-bed', 'backrest-observation-bed', 'remote-ecg-machine',
      'hematology-analyzer', 'smart-follow-up-device', 'rehab-physio-equipment', 'air-conditioner',
    ]);
  });

  it('a township health center has no village column; derived facts are asked for by their inputs', () => {
    const columns = templateColumns(bundledStandard('changzhi/township-basic'));
    expect(columns.slice(0, 6).map((c) => c.path)).toEqual(['id', 'name', 'region.province', 'region.city', 'region.county', 'region.township']);
    expect(columns.map((c) => c.path)).not.toContain('region.village');
    // healthTechRatio ≥ 80 %: health technicians over staff on post.
    expect(columns.map((c) => c.path)).toEqual(expect.arrayContaining(['staff.healthTechnicians', 'staff.onPost']));
    expect(columns.map((c) => c.path)).not.toContain('healthTechRatio');
  });

  it('say what goes in each column', () => {
    const byPath = new Map(templateColumns(village).map((c) => [c.path, c]));
    expect(byPath.get('premises.buildingArea')).toMatchObject({ kind: 'number', hint: '建筑面积：数字，可有小数，不小于0，单位：平方米；只填数字，不写单位' });
    expect(byPath.get('premises.ownership')).toMatchObject({ kind: 'code', choices: ['集体产权', '政府产权', '私人产权', '租赁', '其他'] });
    expect(byPath.get('roomsPartitioned')).toMatchObject({ kind: 'boolean', choices: ['是', '否'], hint: '规范化隔断：填“是”或“否”' });
    expect(byPath.get('rooms')!.hint).toMatch(/^功能用房：可填多项，用、分隔，如 诊断室、综合诊断室；可填：诊断室、/);
    expect(byPath.get('drugs.varieties')).toMatchObject({ kind: 'count', hint: '药品品种：整数，不小于0，单位：种' });
    expect(byPath.get('equipment.stethoscope')).toMatchObject({ kind: 'count', hint: '听诊器：能正常使用的台（件）数，整数；没有填0' });
  });

  it('read back as the fields they were made for, for every bundled standard in both languages', () => {
    for (const standard of bundledStandards().values()) {
      for (const lang of ['zh', 'en'] as const) {
        const columns = templateColumns(standard, { lang });
        expect(new Set(columns.map((c) => c.header)).size, `${standard.id} ${lang}`).toBe(columns.length);
        expect(sheetColumns(columns.map((c) => c.header)).map((c) => c.path.join('.')), `${standard.id} ${lang}`).toEqual(columns.map((c) => c.path));
      }
    }
  });
});

describe('a CSV template', () => {
  it('is UTF-8 with a BOM, the header, and a hint row the batch skips', async () => {
    const text = templateCsv(templateColumns(village));
    const [header, hints, rest] = text.split('\r\n');
    expect(header).toMatch(/^\uFEFF机构编码,机构名称,省,市,县（市、区）,乡镇,行政村,房屋产权,建筑面积（平方米）,/);
    expect(hints).toMatch(/^说明：机构编码：/);
    expect(rest).toBe('');
    let out = '';
    const output = new Writable({ write: (chunk, _e, done) => ((out += chunk.toString()), done()) });
    const result = await runBatch({ input: Readable.from([Buffer.from(text)]), format: 'csv', output, standards: ['changzhi/village-clinic'] });
    expect(out).toBe('');
    expect(result.rows).toBe(0);
  });

  it('filled in: facilities from row 3, numbered as the spreadsheet numbers them', async () => {
    const columns = templateColumns(village, { lang: 'en' });
    const row = (values: Record<string, string>) => columns.map((c) => values[c.path] ?? '').join(',');
    const text =
      templateCsv(columns, 'en') +
      `${row({ id: 'x', name: '西沟乡东庄村卫生室', 'region.township': '西沟乡', 'region.village': '东庄村', 'drugs.varieties': '48' })}\r\n`;
    let out = '';
    const output = new Writable({ write: (chunk, _e, done) => ((out += chunk.toString()), done()) });
    await runBatch({ input: Readable.from([Buffer.from(text)]), format: 'csv', output, standards: ['changzhi/village-clinic'] });
    const [only] = out.trim().split('\n').map((line) => JSON.parse(line) as Evaluated);
    expect(only!.row).toBe(3);
    expect(only!.reports[0]!.gaps.find((g) => g.requirement === 'drugs')).toMatchObject({ outcome: 'gap', shortfall: 2 });
    expect(only!.reports[0]!.gaps.find((g) => g.requirement === 'naming')).toBeUndefined();
  });
});

describe('an xlsx template', () => {
  it('has Excel data validation, an input message and a note for each column, and an instructions sheet', async () => {
    const columns = templateColumns(village);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await templateXlsx(village, columns)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['数据', '填表说明']);
    const sheet = workbook.getWorksheet('数据')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
    const cell = (header: string, row = 2) => sheet.getRow(row).getCell(columns.findIndex((c) => c.header === header) + 1);
    expect(cell('建筑面积（平方米）').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], prompt: expect.stringContaining('平方米') });
    expect(cell('药品品种（种）', 500).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(cell('听诊器（数量）').dataValidation).toMatchObject({ type: 'whole', formulae: [0] });
    expect(cell('规范化隔断').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(cell('房屋产权').dataValidation).toMatchObject({ type: 'list', formulae: ['"集体产权,政府产权,私人产权,租赁,其他"'] });
    expect(cell('功能用房').dataValidation).toMatchObject({ prompt: expect.stringContaining('用、分隔，如 诊断室、综合诊断室') });
    expect(cell('建筑面积（平方米）', 1).note).toBe('建筑面积：数字，可有小数，不小于0，单位：平方米；只填数字，不写单位');
    const notes = workbook.getWorksheet('填表说明')!;
    expect(String(notes.getCell('A1').value)).toBe('长治市标准化村卫生室（changzhi/village-clinic@2026）数据采集表');
  });

  /**
   * The template filled in with exceljs for four clinics of 平顺县, against
   * rules/shanxi/changzhi/village-clinic.yaml:
   * - row 2, 西沟乡东庄村卫生室: everything the standard asks for, the first 22 items of the
   *   basic catalogue one each: met;
   * - row 3, 石城镇岳家寨村卫生室: the same, but its ECG machine is broken (0) and it has 45
   *   drugs: 21 kinds, 1 short, the ECG machine and the 16 items after the 22nd still missing;
   *   5 drugs short;
   * - row 4, 青羊镇南坡村卫生室: 78 m² (advisory, 2 short), no public health room and no living
   *   area, no heating, 25 kinds of equipment;
   * - row 5, 龙溪镇龙镇村卫生室: only collective ownership and 52 drugs filled in: those and the
   *   name are met, the other 14 requirements unknown.
   */
  it('filled in by an assessor gives each clinic its gaps', async () => {
    const path = join(temp, 'pingshun.xlsx');
    expect(await cli('template', '--standard', 'changzhi/village-clinic', '--output', path)).toMatchObject({ code: 0 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('数据')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const fill = (row: number, values: Record<string, string | number>) => {
      for (const [header, value] of Object.entries(values)) {
        const index = headers.indexOf(header);
        expect(index, header).toBeGreaterThanOrEqual(0);
        sheet.getRow(row).getCell(index + 1).value = value;
      }
    };
    const equipment = (kinds: number, overrides: Record<string, number> = {}) =>
      Object.fromEntries(basic.map((code, i) => [`${equipmentLabel(code)}（数量）`, overrides[code] ?? (i < kinds ? 1 : 0)]));
    const compliant = {
      房屋产权: '集体产权',
      '建筑面积（平方米）': 92,
      功能用房: '诊断室、治疗室、药房、公共卫生室、生活功能区',
      规范化隔断: '是',
      '诊断室、治疗室私密性保护措施': '是',
      供水: '是',
      供电: '是',
      采暖: '是',
      制冷设施设备: '是',
      '药品品种（种）': 60,
      信息系统: '国家基本公共卫生服务信息系统、医保支付系统',
      公示内容: '医疗机构执业许可证、医务人员执业资格证、药品目录及价格',
      '中医适宜技术（种）': 8,
      中医药健康管理服务: '是',
      标识牌以绿色为主: '是',
      村医去向指示牌: '是',
    };
    const place = (id: string, township: string, village: string) => ({
      机构编码: id,
      机构名称: `${township}${village}卫生室`,
      '县（市、区）': '平顺县',
      乡镇: township,
      行政村: village,
    });
    fill(2, { ...place('pingshun-xigou-dongzhuang', '西沟乡', '东庄村'), ...compliant, ...equipment(22) });
    fill(3, { ...place('pingshun-shicheng-yuejiazhai', '石城镇', '岳家寨村'), ...compliant, '药品品种（种）': 45, ...equipment(22, { 'ecg-machine': 0 }) });
    fill(4, {
      ...place('pingshun-qingyang-nanpo', '青羊镇', '南坡村'),
      ...compliant,
      '建筑面积（平方米）': 78,
      功能用房: '诊断室、治疗室、药房',
      采暖: '否',
      ...equipment(25),
    });
    fill(5, { ...place('pingshun-longxi-longzhen', '龙溪镇', '龙镇村'), 房屋产权: '集体产权', '药品品种（种）': 52 });
    await workbook.xlsx.writeFile(path);

    const { rows, result } = await batchFile(path, 'changzhi/village-clinic');
    expect(result.input).toMatchObject({ format: 'xlsx', worksheet: '数据', emptyRows: 0 });
    expect(result.input.notes?.map((n) => n.code)).toEqual(['worksheet.not-read']);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    const [dongzhuang, yuejiazhai, nanpo, longzhen] = rows.map((r) => (r as Evaluated).reports[0]!);

    expect(dongzhuang).toMatchObject({ outcome: 'met', gaps: [], counts: { met: 17 } });

    expect(yuejiazhai!.gaps.map((g) => g.requirement)).toEqual(['basic-equipment', 'drugs']);
    const [kinds, drugs] = yuejiazhai!.gaps;
    expect(kinds).toMatchObject({ outcome: 'gap', actual: 21, shortfall: 1 });
    // No count against the county's list in the sheet: the recorded items are counted, the result
    // says so, and nothing is listed as missing (the catalogue is not the county's list).
    expect(kinds!.missing).toBeUndefined();
    expect(kinds!.counted).toMatchObject({ from: 'recorded-equipment' });
    expect(kinds!.counted!.items).toHaveLength(21);
    expect(drugs).toMatchObject({ outcome: 'gap', actual: 45, shortfall: 5 });

    expect(nanpo!.gaps.map((g) => [g.requirement, g.outcome])).toEqual([
      ['building-area', 'gap'],
      ['four-rooms', 'gap'],
      ['utilities', 'gap'],
      ['living-area', 'gap'],
    ]);
    expect(nanpo!.gaps[0]).toMatchObject({ shortfall: 2 });
    expect(nanpo!.gaps[1]!.missing).toEqual(['public-health-room']);

    expect(longzhen!.outcome).toBe('unknown');
    expect(longzhen!.counts).toMatchObject({ met: 3, gap: 0, unknown: 14 });
    expect(longzhen!.gaps.every((g) => g.outcome === 'unknown')).toBe(true);
  });
});

describe('facility-standards template', () => {
  it('writes the CSV template to standard output', async () => {
    const { code, stdout } = await cli('template', '--standard', 'changzhi/village-clinic');
    expect(code).toBe(0);
    expect(stdout).toBe(templateCsv(templateColumns(village)));
  });

  it('writes English headers with --lang en, and the format its --output name says', async () => {
    const path = join(temp, 'township.csv');
    const { code, stderr } = await cli('template', '--standard', 'changzhi/township-basic', '--lang', 'en', '--output', path);
    expect(code).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^\uFEFFid,name,region.province,region.city,region.county,region.township,/);
    expect(stderr).toMatch(/township\.csv: \d+ columns for changzhi\/township-basic@/);
  });

  it('refuses an unknown standard, a missing one, and an xlsx with nowhere to go', async () => {
    const unknown = await cli('template', '--standard', 'changzhi/nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有标准“changzhi/nope”');
    expect((await cli('template', '--standard', 'changzhi/nope', '--lang', 'en')).stderr).toContain('unknown standard "changzhi/nope"');
    expect((await cli('template')).stderr).toContain('template 需要 --standard ID');
    const xlsx = await cli('template', '--standard', 'changzhi/village-clinic', '--format', 'xlsx');
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('请给出 --output FILE.xlsx');
  });

  it('is listed in the usage', async () => {
    expect((await cli('--help')).stdout).toContain('template --standard ID   生成某一标准的空白数据采集表');
    expect((await cli('--help', '--lang', 'en')).stdout).toContain('template --standard ID   Write an empty data-collection sheet');
    expect((await cli('batch', '--help', '--lang', 'en')).stdout).toContain('.xlsx (first sheet with a header row), .csv (UTF-8 or');
  });
});
