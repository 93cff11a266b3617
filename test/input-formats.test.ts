// Workbooks as the programs county offices use write them: the xlsx reader reads each, and the
// format of a text file is told from its bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatch, type OutputRow } from '../src/node.js';
// @ts-expect-error: a script without types
import { openpyxlParts, pingshunRows, zip } from '../scripts/xlsx-fixtures.mjs';

const village = 'changzhi/village-clinic';
const temp = mkdtempSync(join(tmpdir(), 'facility-standards-formats-'));

async function batch(input: string) {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const result = await runBatch({ input, output, standards: [village] });
  return { rows: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutputRow), result };
}

const save = (name: string, bytes: Uint8Array) => {
  const path = join(temp, name);
  writeFileSync(path, bytes);
  return path;
};

describe('an openpyxl workbook with a cell comment', () => {
  it('is what scripts/xlsx-fixtures.mjs writes, byte for byte', () => {
    execFileSync(process.execPath, ['scripts/xlsx-fixtures.mjs', temp]);
    expect(readFileSync(join(temp, 'openpyxl-comments.xlsx')).equals(readFileSync('fixtures/batches/openpyxl-comments.xlsx'))).toBe(true);
  });

  it('is read: its comment part and VML drawing are no obstacle, absolute part names are followed', async () => {
    const { rows, result } = await batch('fixtures/batches/openpyxl-comments.xlsx');
    expect(rows).toMatchObject([
      { row: 2, facility: { id: '140425001', name: '西沟乡东庄村卫生室', region: { county: '平顺县' } } },
      { row: 3, facility: { id: '140425002', name: '石城镇恶岭村卫生室' } },
    ]);
    expect(result.input).toEqual({ format: 'xlsx', worksheet: '村卫生室', emptyRows: 0 });
  });
});

describe('workbooks written otherwise', () => {
  const sheetXml = (parts: { name: string; data: string }[]) => parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;

  it('reads namespace-prefixed XML (the Open XML SDK) and inline strings', async () => {
    const parts = openpyxlParts({ rows: pingshunRows }) as { name: string; data: string }[];
    const sheet = sheetXml(parts);
    sheet.data = sheet.data
      .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
      .replace('</worksheet>', '</x:worksheet>')
      .replace(/<(\/?)(sheetData|row|c|v)([ >])/g, '<$1x:$2$3')
      .replace('<x:c r="B2" t="s"><x:v>7</x:v></x:c>', '<x:c r="B2" t="inlineStr"><x:is><x:t>西沟乡东庄村卫生室</x:t></x:is></x:c>');
    const { rows } = await batch(save('sdk.xlsx', zip(parts)));
    expect(rows).toMatchObject([{ row: 2, facility: { id: '140425001', name: '西沟乡东庄村卫生室' } }, { row: 3 }]);
  });

  it('reads a date by its number format, a shared string with phonetic runs by its text, and _x000D_ escapes', async () => {
    const parts = openpyxlParts({ rows: [['机构编码', '机构名称', '建筑面积（平方米）'], ['a', 'x', 1], ['b', 'x', 2]] }) as { name: string; data: string }[];
    const styles = parts.find((p) => p.name === 'xl/styles.xml')!;
    styles.data = styles.data
      .replace('<numFmts count="0"/>', '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>')
      .replace('</cellXfs>', '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>');
    const sheet = sheetXml(parts);
    sheet.data = sheet.data.replace('<c r="C2" t="n"><v>1</v></c>', '<c r="C2" s="1"><v>45352</v></c>');
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    strings.data = strings.data.replace('<si><t>x</t></si>', '<si><r><t>西沟乡</t></r><r><t>东庄村卫生室_x000D_</t></r><rPh sb="0" eb="1"><t>xi</t></rPh></si>');
    const { rows } = await batch(save('dates.xlsx', zip(parts)));
    expect(rows).toEqual([
      { row: 2, error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' }, problems: [{ where: '建筑面积（平方米）', message: '2024-03-01 is a date; the column takes a number', code: 'cell.date', zh: '2024-03-01 是日期；该列应填数字' }] },
      expect.objectContaining({ row: 3, facility: expect.objectContaining({ id: 'b', name: '西沟乡东庄村卫生室' }) }),
    ]);
  });
});
