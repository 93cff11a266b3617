import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { formatOf, runBatch, SheetError, type BatchFormat, type OutputRow } from '../src/node.js';

type Evaluated = Extract<OutputRow, { reports: unknown }>;
type Failed = Extract<OutputRow, { error: string }>;

const dir = 'fixtures/batches';
const village = 'changzhi/village-clinic';

/** Runs a batch over a file or a stream; returns the output rows and the result. */
async function batch(input: string | Readable, format?: BatchFormat, chunkSize = 3) {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const options =
    typeof input === 'string' ? { input, ...(format && { format }) } : { input, format: format! };
  const result = await runBatch({ ...options, output, standards: [village], chunkSize });
  const rows = out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutputRow);
  return { rows, result };
}

/** A stream of the bytes in chunks of `size`, to cut characters, CRLFs and quotes in two. */
const chunks = (bytes: Uint8Array, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => Buffer.from(bytes.subarray(i * size, (i + 1) * size))));

const gapsOf = (row: OutputRow | undefined) => (row as Evaluated).reports[0]!.gaps.map((g) => [g.requirement, g.outcome]);

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('the format of a batch file', () => {
  it('is told by its name', () => {
    expect(['a.xlsx', 'b.XLSX', 'c.csv', 'd.ndjson', 'e.jsonl', 'f.yaml', 'g.yml', 'h.json', 'i.xls', 'j.txt', 'k.tsv', 'l.et'].map(formatOf)).toEqual([
      'xlsx', 'xlsx', 'csv', 'ndjson', 'ndjson', 'records', 'records', 'records', undefined, 'csv', 'csv', undefined,
    ]);
  });

  it('refuses an .xls workbook, saying to save it as .xlsx', async () => {
    const { code, stderr } = await cli('batch', 'clinics.xls', '--standard', village);
    expect(code).toBe(2);
    expect(stderr).toContain('clinics.xls 是 Excel 97–2003 工作簿（.xls），无法读取：请另存为 .xlsx');
    const english = await cli('batch', 'clinics.xls', '--standard', village, '--lang', 'en');
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('clinics.xls is an Excel 97–2003 workbook (.xls), which cannot be read: save it as .xlsx');
  });
});

/**
 * fixtures/batches/pingshun.csv and the same sheet as UTF-8 with a BOM, as GBK, and as an
 * .xlsx LibreOffice wrote: four facilities (rows 2, 3, 5, 6) and an empty row 4. Against
 * changzhi/village-clinic (rules/shanxi/changzhi/village-clinic.yaml):
 * - row 2, 西沟乡西沟村卫生室: collective premises of 96.5 m², the four rooms and a living area,
 *   partitions and privacy, water, power, heating, cooling, the 22 kinds of equipment, 62
 *   drugs, both systems, the standard name, green sign and whereabouts board, 8 TCM techniques
 *   and TCM health management, all three disclosures: every requirement met;
 * - row 3, 石城镇岳家寨村卫生室: rented, 72 m² (8 short), no public health room and no living
 *   area, no partitions, no heating, no cooling, 10 kinds of equipment (12 short), 45 drugs
 *   (5 short), no insurance payment system, no green sign, 4 TCM techniques (2 short), no TCM
 *   health management, staff qualifications not displayed: 14 gaps, privacy, name and board met;
 * - row 5, 南坡村卫生所 in 青羊镇南坡村: water not filled in (utilities unknown), no living area,
 *   no equipment column filled (unknown), named otherwise than 青羊镇南坡村卫生室;
 * - row 6, 北耽车乡实会村卫生室: 80㎡ in the area column (a number in the column's own unit) and
 *   公卫室 (a synonym of 公共卫生室): the four rooms and 80 m² met, no living area, no equipment
 *   column filled (unknown).
 */
describe('the Pingshun sheet in every encoding and as a workbook', () => {
  const expectPingshun = (rows: OutputRow[]) => {
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    const [xigou, yuejiazhai, nanpo, shihui] = rows;
    expect(xigou).toMatchObject({ row: 2, facility: { id: 'pingshun-xigou-xigou', name: '西沟乡西沟村卫生室' } });
    expect((xigou as Evaluated).reports[0]).toMatchObject({ outcome: 'met', counts: { met: 17, gap: 0, unknown: 0 }, gaps: [] });

    const report = (yuejiazhai as Evaluated).reports[0]!;
    expect(report.outcome).toBe('gap');
    expect(report.counts).toMatchObject({ met: 3, gap: 14, unknown: 0 });
    expect(report.gaps.map((g) => g.requirement)).toEqual([
      'collective-property', 'building-area', 'four-rooms', 'room-partitions', 'utilities', 'cooling-equipment', 'living-area',
      'basic-equipment', 'drugs', 'information-systems', 'green-sign', 'tcm-techniques', 'tcm-health-management', 'public-disclosure',
    ]);
    const gap = (id: string) => report.gaps.find((g) => g.requirement === id)!;
    expect(gap('building-area')).toMatchObject({ actual: 72, shortfall: 8 });
    expect(gap('four-rooms').missing).toEqual(['public-health-room']);
    expect(gap('basic-equipment')).toMatchObject({ actual: 10, shortfall: 12 });
    expect(gap('drugs')).toMatchObject({ actual: 45, shortfall: 5 });
    expect(gap('information-systems').missing).toEqual(['medical-insurance-payment']);
    expect(gap('tcm-techniques')).toMatchObject({ actual: 4, shortfall: 2 });
    expect(gap('public-disclosure').missing).toEqual(['staff-qualifications']);

    expect((nanpo as Evaluated).reports[0]!.outcome).toBe('gap');
    expect(gapsOf(nanpo)).toEqual([
      ['utilities', 'unknown'],
      ['living-area', 'gap'],
      ['basic-equipment', 'unknown'],
      ['naming', 'gap'],
    ]);
    expect(shihui).toMatchObject({ row: 6, facility: { id: 'pingshun-beidanche-shihui' } });
    expect(gapsOf(shihui)).toEqual([
      ['living-area', 'gap'],
      ['basic-equipment', 'unknown'],
    ]);
  };

  it('UTF-8 without a BOM', async () => {
    const { rows, result } = await batch(join(dir, 'pingshun.csv'));
    expectPingshun(rows);
    expect(result.input).toEqual({ format: 'csv', encoding: 'utf-8', emptyRows: 1 });
    expect(result).toMatchObject({ rows: 4, evaluated: 4, errors: 0 });
  });

  it('UTF-8 with a BOM', async () => {
    const { rows, result } = await batch(join(dir, 'pingshun-bom.csv'));
    expectPingshun(rows);
    expect(result.input.encoding).toBe('utf-8');
  });

  it('GBK, as Excel on Chinese Windows saves "CSV", fed in pieces that cut characters in two', async () => {
    const bytes = readFileSync(join(dir, 'pingshun-gbk.csv'));
    expect(bytes.includes(Buffer.from('西沟', 'utf8'))).toBe(false);
    const whole = await batch(join(dir, 'pingshun-gbk.csv'));
    expectPingshun(whole.rows);
    expect(whole.result.input).toEqual({ format: 'csv', encoding: 'gb18030', emptyRows: 1 });
    const pieces = await batch(chunks(bytes, 5), 'csv');
    expect(pieces.rows).toEqual(whole.rows);
  });

  it('an .xlsx written by LibreOffice (numbers as numbers, 80㎡ as rich text)', async () => {
    const { rows, result } = await batch(join(dir, 'libreoffice-pingshun.xlsx'));
    expectPingshun(rows);
    expect(result.input).toEqual({ format: 'xlsx', worksheet: 'pingshun', emptyRows: 1 });
  });

  it('the command says which encoding it read when it was not UTF-8', async () => {
    const gbk = await cli('batch', join(dir, 'pingshun-gbk.csv'), '--standard', village);
    expect(gbk.code).toBe(1);
    expect(gbk.stderr).toContain(`${join(dir, 'pingshun-gbk.csv')}: 按 GBK（GB18030）编码读取，不是 UTF-8\n`);
    expect(gbk.stderr).toContain('跳过空行 1 行\n');
    const english = await cli('batch', join(dir, 'pingshun-gbk.csv'), '--standard', village, '--lang', 'en');
    expect(english.stderr).toContain(`${join(dir, 'pingshun-gbk.csv')}: read as GBK (GB18030), not UTF-8\n`);
    expect(gbk.stdout.trim().split('\n')).toHaveLength(4);
    const utf8 = await cli('batch', join(dir, 'pingshun.csv'), '--standard', village);
    expect(utf8.stderr).not.toContain('GBK');
    expect(utf8.stdout).toBe(gbk.stdout);
  });
});

describe('CSV encodings decided past the first 64 KB', () => {
  // 西沟乡东庄村卫生室 in GBK, as iconv -t GBK writes it.
  const gbkName = Buffer.from('cef7b9b5cfe7b6abd7afb4e5cec0c9facad2', 'hex');
  const ascii = (rows: number) =>
    Buffer.from(['id,name,type,drugs.varieties', ...Array.from({ length: rows }, (_, i) => `c${i},clinic ${i},village-clinic,60`)].join('\r\n') + '\r\n');

  it('reads a GBK file whose first 100 KB are ASCII as GBK', async () => {
    const head = ascii(3000);
    expect(head.length).toBeGreaterThan(100_000);
    const bytes = Buffer.concat([head, Buffer.from('late,'), gbkName, Buffer.from(',village-clinic,61\r\nlast,after,village-clinic,62\r\n')]);
    const { rows, result } = await batch(chunks(bytes, 16 * 1024), 'csv', 1000);
    expect(rows).toHaveLength(3002);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 3002 }, (_, i) => i + 2));
    expect(rows[3000]).toMatchObject({ row: 3002, facility: { id: 'late', name: '西沟乡东庄村卫生室' } });
    expect(rows[3001]).toMatchObject({ row: 3003, facility: { id: 'last', name: 'after' } });
    expect(result.input.encoding).toBe('gb18030');
  });

  it('reads the same file in UTF-8 as UTF-8', async () => {
    const bytes = Buffer.concat([ascii(3000), Buffer.from('late,西沟乡东庄村卫生室,village-clinic,61\r\n')]);
    const { rows, result } = await batch(chunks(bytes, 16 * 1024), 'csv', 1000);
    expect(rows[3000]).toMatchObject({ row: 3002, facility: { name: '西沟乡东庄村卫生室' } });
    expect(result.input.encoding).toBe('utf-8');
  });

  it('stops at bytes in another encoding than the text before them, rather than guess', async () => {
    const utf8 = Buffer.from(`id,name,type\r\nc1,西沟乡东庄村卫生室,village-clinic\r\n${'c2,x,village-clinic\r\n'.repeat(5000)}`);
    const bytes = Buffer.concat([utf8, Buffer.from('c3,'), gbkName, Buffer.from(',village-clinic\r\n')]);
    await expect(batch(chunks(bytes, 8192), 'csv', 1000)).rejects.toThrow(SheetError);
    await expect(batch(chunks(bytes, 8192), 'csv', 1000)).rejects.toThrow(/not UTF-8, though the text before them was read as UTF-8: the file mixes encodings/);
  });

  it('reads UTF-16 ("Unicode text"), tab-separated, as Excel exports it', async () => {
    const text = 'id\tname\ttype\r\nc1\t西沟乡东庄村卫生室\tvillage-clinic\r\n';
    for (const [bom, encoding] of [[[0xff, 0xfe], 'utf16le'], [[0xfe, 0xff], 'utf-16be']] as const) {
      const body = encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
      const { rows, result } = await batch(chunks(Buffer.concat([Buffer.from(bom), body]), 1), 'csv');
      expect(rows).toMatchObject([{ row: 2, facility: { id: 'c1', name: '西沟乡东庄村卫生室' } }]);
      expect(result.input.encoding).toBe(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
    }
  });
});

/**
 * fixtures/batches/broken.csv, row by row: 2 a valid clinic; 3 八十 for the area; 4 化验室, not a
 * room label; 5 empty; 6 "阳高乡"奥治村卫生室, text after the closing quote; 7 a quote opened in
 * the name and never closed on its line (the next quote, in row 9, is followed by text); 8 a
 * tenth cell, 新建, under no header; 9 a valid clinic with a quoted name; 10 only commas; 11 a
 * quote opened on the last line and never closed.
 */
describe('a CSV with broken rows', () => {
  const file = join(dir, 'broken.csv');
  const expected = (rows: OutputRow[]) => {
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 6, 7, 8, 9, 11]);
    const byRow = new Map(rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ facility: { id: 'pingshun-xigou-dongzhuang', name: '西沟乡东庄村卫生室' } });
    expect(byRow.get(3)).toEqual({
      row: 3,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [{ where: '建筑面积（平方米）', message: '"八十" is not a number', code: 'cell.not-number', zh: '“八十”不是数字：只填数字，可带单位 平方米、㎡、m²、m2、平米' }],
    });
    expect(byRow.get(4)).toEqual({
      row: 4,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [
        {
          where: '功能用房',
          message: '"化验室" is not a code or label of rooms; nearest to "化验室": 检查（检验）室',
          code: 'cell.not-code',
          zh: '“化验室”不是功能用房的代码或名称；“化验室”最接近：检查（检验）室',
        },
      ],
    });
    expect(byRow.get(6)).toEqual({ row: 6, error: 'cannot be read as CSV: text after the closing quote in column B', code: 'row.not-csv', message: { en: 'cannot be read as CSV: text after the closing quote in column B', zh: '无法按 CSV 读取：第 B 列的右引号后还有文字' } });
    expect(byRow.get(7)).toEqual({ row: 7, error: 'cannot be read as CSV: the quote that opens column B is not closed', code: 'row.not-csv', message: { en: 'cannot be read as CSV: the quote that opens column B is not closed', zh: '无法按 CSV 读取：第 B 列开头的引号没有闭合' } });
    expect(byRow.get(8)).toEqual({
      row: 8,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [
        {
          where: 'column J',
          message: '"新建" is past the last column of the header (I, "药品品种（种）"); the row has 10 cells, the header 9',
          code: 'cell.past-header',
          zh: '“新建”在表头最后一列（I列“药品品种（种）”）之后；该行有 10 格，表头 9 列',
        },
      ],
    });
    // 龙溪镇龙镇村卫生室: 81 m², the four rooms, 50 drugs, named as the rule asks; what the
    // sheet does not give is unknown.
    const longzhen = byRow.get(9) as Evaluated;
    expect(longzhen.facility).toMatchObject({ id: 'pingshun-longxi-longzhen', name: '龙溪镇龙镇村卫生室' });
    const gaps = gapsOf(longzhen);
    for (const met of ['building-area', 'four-rooms', 'drugs', 'naming']) expect(gaps.map(([id]) => id)).not.toContain(met);
    expect(gaps).toContainEqual(['collective-property', 'unknown']);
    expect(byRow.get(11)).toEqual({ row: 11, error: 'cannot be read as CSV: the quote that opens column B is not closed', code: 'row.not-csv', message: { en: 'cannot be read as CSV: the quote that opens column B is not closed', zh: '无法按 CSV 读取：第 B 列开头的引号没有闭合' } });
  };

  it('keep every row: one output row per data row, each error naming its row, column and problem', async () => {
    const { rows, result } = await batch(file);
    expected(rows);
    expect(result).toMatchObject({ rows: 8, evaluated: 2, errors: 6 });
    expect(result.input.emptyRows).toBe(2);
  });

  it('keep a cell of several lines (Alt+Enter in Excel) as one cell, and number the rows after it as records', async () => {
    const text = 'id,name,drugs.varieties\r\na,"西沟乡\r\n东庄村卫生室",55\r\nb,"他说""好""",60\r\n';
    const { rows } = await batch(chunks(Buffer.from(text), 4), 'csv');
    expect(rows.map((r) => [r.row, (r as Evaluated).facility.name])).toEqual([
      [2, '西沟乡\r\n东庄村卫生室'],
      [3, '他说"好"'],
    ]);
  });

  it('read the same whatever the pieces the file arrives in', async () => {
    const bytes = readFileSync(file);
    for (const size of [1, 2, 3, 7, 64]) expected((await batch(chunks(bytes, size), 'csv')).rows);
  });
});

describe('xlsx cells', () => {
  const temp = mkdtempSync(join(tmpdir(), 'facility-standards-xlsx-'));
  const save = async (workbook: ExcelJS.Workbook, name: string) => {
    const path = join(temp, name);
    await workbook.xlsx.writeFile(path);
    return path;
  };

  it('read formulas by their saved result, rich text by its text; dates, error values and formulas without a result are problems', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('村卫生室');
    sheet.addRow(['机构编码', '机构名称', '建筑面积（平方米）', '药品品种（种）', '供水', '房屋产权']);
    sheet.addRow(['a', { richText: [{ text: '西沟乡' }, { text: '东庄村卫生室', font: { bold: true } }] }, 86, { formula: '30+32', result: 62 }, true, '集体产权']);
    sheet.addRow(['b', '石城镇恶岭村卫生室', new Date(Date.UTC(2024, 2, 1)), 40]);
    sheet.addRow(['c', '石城镇豆口村卫生室', 75, { formula: 'D2/0', result: { error: '#DIV/0!' } }]);
    sheet.addRow(['d', '阳高乡奥治村卫生室', { formula: 'C2*2' }]);
    // Row 6 left empty; row 8 only formatted, as Excel leaves rows below the data.
    sheet.getCell('A7').value = 'e';
    sheet.getCell('C7').value = ' 81 ';
    sheet.getCell('B8').numFmt = '0.00';
    const path = await save(workbook, 'cells.xlsx');

    const { rows, result } = await batch(path);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 7]);
    expect(rows[0]).toMatchObject({ facility: { id: 'a', name: '西沟乡东庄村卫生室' } });
    const gaps = gapsOf(rows[0]);
    expect(gaps.map(([id]) => id)).not.toContain('drugs');
    expect(gaps.map(([id]) => id)).not.toContain('collective-property');
    expect(gaps).toContainEqual(['utilities', 'unknown']);
    expect(rows[1]).toEqual({
      row: 3,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [{ where: '建筑面积（平方米）', message: '2024-03-01 is a date; the column takes a number', code: 'cell.date', zh: '2024-03-01 是日期；该列应填数字' }],
    });
    expect(rows[2]).toEqual({
      row: 4,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [{ where: '药品品种（种）', message: 'the cell shows the error #DIV/0!', code: 'cell.error-value', zh: '该格显示错误值 #DIV/0!' }],
    });
    expect(rows[3]).toEqual({
      row: 5,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [
        {
          where: '建筑面积（平方米）',
          message: 'the formula =C2*2 has no saved result: open the file in Excel or WPS and save it',
          code: 'cell.formula-no-result',
          zh: '公式 =C2*2 没有保存计算结果：请用 Excel 或 WPS 打开该文件并保存',
        },
      ],
    });
    expect(rows[4]).toMatchObject({ row: 7, facility: { id: 'e' } });
    expect(result.input).toEqual({ format: 'xlsx', worksheet: '村卫生室', emptyRows: 1 });
  });

  it('come from the first worksheet whose first row names record fields', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['平顺县村卫生室基本情况调查表']);
    const data = workbook.addWorksheet('数据');
    data.addRow(['机构编码', '机构名称', '药品品种（种）']);
    data.addRow(['说明：每行一个村卫生室', '机构名称', '整数']);
    data.addRow(['x', '西沟乡东庄村卫生室', 55]);
    const { rows, result } = await batch(await save(workbook, 'cover.xlsx'));
    // Row 2 is a template's hint row: not a facility.
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(result.input.worksheet).toBe('数据');
  });

  it('refuse a workbook with no header, naming the first worksheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['平顺县村卫生室基本情况调查表']);
    await expect(batch(await save(workbook, 'none.xlsx'))).rejects.toThrow('worksheet "封面": no header in the first 20 rows');
  });

  it('refuse a file that is not a workbook', async () => {
    const path = join(temp, 'text.xlsx');
    writeFileSync(path, 'id,name\n1,a\n');
    await expect(batch(path)).rejects.toThrow(/^not an \.xlsx workbook/);
  });

  it('a cell in a column with no header is a problem, not lost', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['机构编码', '药品品种（种）']);
    sheet.addRow(['x', 55, null, '备注']);
    const { rows } = await batch(await save(workbook, 'extra.xlsx'));
    expect(rows).toEqual([
      {
        row: 2,
        error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
        problems: [
          {
            where: 'column D',
            message: '"备注" is past the last column of the header (B, "药品品种（种）"); the row has 4 cells, the header 2',
            code: 'cell.past-header',
            zh: '“备注”在表头最后一列（B列“药品品种（种）”）之后；该行有 4 格，表头 2 列',
          },
        ],
      },
    ]);
  });
});

describe('YAML and JSON lists of records', () => {
  it('evaluate each element as a row; an invalid one is an error row with its line and column', async () => {
    const { rows, result } = await batch(join(dir, 'clinics.yml'));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ facility: { id: 'pingshun-xigou-dongzhuang' } });
    expect(rows[1]).toEqual({
      row: 2,
      error: 'not a valid facility record',
      code: 'row.invalid-record',
      message: { en: 'not a valid facility record', zh: '不是有效的机构记录' },
      problems: [{ where: 'premises.buildingArea', message: 'expected a number, got "八十"', code: 'schema.expected', zh: '应为数字，实为 "八十"', line: 13, column: 19 }],
    });
    expect(rows[2]).toMatchObject({ facility: { id: 'pingshun-longxi-longzhen', name: '龙溪镇龙镇村卫生室' } });
    expect(gapsOf(rows[2]).map(([id]) => id)).not.toContain('four-rooms');
    expect(result).toMatchObject({ rows: 3, evaluated: 2, errors: 1, input: { format: 'records', encoding: 'utf-8' } });
  });

  it('read JSON the same way', async () => {
    const { rows } = await batch(join(dir, 'clinics.json'));
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
    expect((rows[1] as Failed).problems).toEqual([{ where: 'rooms[1]', message: 'unknown room code "lab"', code: 'record.unknown-code', zh: '未知的用房代码 "lab"', line: 13, column: 33 }]);
  });

  it('read one record as one row, and an empty list as none', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'facility-standards-records-'));
    writeFileSync(join(temp, 'one.yaml'), 'id: one\ntype: village-clinic\ndrugs: { varieties: 70 }\n');
    writeFileSync(join(temp, 'none.json'), '[]\n');
    expect((await batch(join(temp, 'one.yaml'))).rows).toMatchObject([{ row: 1, facility: { id: 'one' } }]);
    expect((await batch(join(temp, 'none.json'))).rows).toEqual([]);
  });

  it('stop at a file that is not YAML, with its line and column', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'facility-standards-records-'));
    writeFileSync(join(temp, 'bad.yaml'), '- id: a\n  name: [unclosed\n');
    const { code, stderr } = await cli('batch', join(temp, 'bad.yaml'), '--standard', village);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(temp, 'bad.yaml')}:`);
  });
});
