// One decoder for every input path: batch CSV, NDJSON and YAML lists, `check` record files,
// waiver files and rule files all read UTF-8 (with or without a BOM), GBK (GB18030) and UTF-16
// with a BOM the same way, and refuse bytes that are none of them with the byte offset.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadRuleFiles, type BatchFormat, type OutputRow } from '../src/node.js';
import { gbk } from './support/gbk.js';
import { batchRows, cliInEnglish } from './support/input-cli.js';

const village = 'changzhi/village-clinic';
const temp = mkdtempSync(join(tmpdir(), 'facility-standards-decode-'));
const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(temp, name);
  writeFileSync(path, bytes);
  return path;
};
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const cli = cliInEnglish;
const batch = (input: Readable | string, format?: BatchFormat) => batchRows(input, village, format);

const clinic = { id: 'c1', name: '西沟乡东庄村卫生室', type: 'village-clinic', region: { province: '山西省', city: '长治市', county: '平顺县' } };
const sheet = '机构编码\t机构名称\t药品品种（种）\r\nx\t西沟乡东庄村卫生室\t62\r\ny\t"石城镇\t恶岭村卫生室"\t40\r\n';

describe('NDJSON', () => {
  it('reads GBK as GBK, and says so', async () => {
    const { rows, result } = await batch(Readable.from([gbk(`${JSON.stringify(clinic)}\n`)]), 'ndjson');
    expect(rows).toMatchObject([{ row: 1, facility: { name: '西沟乡东庄村卫生室', region: { county: '平顺县' } } }]);
    expect(result.input.encoding).toBe('gb18030');
  });

  it('refuses bytes that are neither UTF-8 nor GBK, with the byte offset, rather than read U+FFFD', async () => {
    const good = Buffer.from(`${JSON.stringify(clinic)}\n`);
    const bytes = Buffer.concat([good, Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"}\n')]);
    await expect(batch(Readable.from([bytes]), 'ndjson')).rejects.toThrow(`byte ${good.length + 7} is neither UTF-8 nor GBK (GB18030) text`);
  });

  it('reads UTF-16 with a BOM', async () => {
    const { rows, result } = await batch(Readable.from([utf16le(`${JSON.stringify(clinic)}\r\n`)]), 'ndjson');
    expect(rows).toMatchObject([{ row: 1, facility: { name: '西沟乡东庄村卫生室' } }]);
    expect(result.input.encoding).toBe('utf-16le');
  });
});

describe('sheets as Excel exports them', () => {
  it('reads "Unicode text" (UTF-16LE, BOM, tab-separated, saved as .txt)', async () => {
    const { code, stdout, stderr } = await cli('batch', file('unicode.txt', utf16le(sheet)), '--standard', village);
    expect(stderr).not.toContain('cannot tell the format');
    expect(code).toBe(1);
    const rows = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutputRow);
    expect(rows).toMatchObject([
      { row: 2, facility: { id: 'x', name: '西沟乡东庄村卫生室' } },
      { row: 3, facility: { id: 'y', name: '石城镇\t恶岭村卫生室' } },
    ]);
  });

  it('reads a tab-separated UTF-8 .csv by its columns, not as one unknown column', async () => {
    const { rows, result } = await batch(file('tabs.csv', sheet));
    expect(rows.map((r) => ('facility' in r ? r.facility.id : r.error))).toEqual(['x', 'y']);
    expect(result.input).toMatchObject({ format: 'csv', encoding: 'utf-8' });
  });

  it('keeps commas in a tab-separated file as text', async () => {
    const { rows } = await batch(file('tabs-commas.tsv', '机构编码\t机构名称\r\nx\t西沟乡,东庄村卫生室\r\n'));
    expect(rows).toMatchObject([{ row: 2, facility: { name: '西沟乡,东庄村卫生室' } }]);
  });
});

describe('a workbook named .csv', () => {
  it('is refused as a zip archive, not read as text', async () => {
    const workbook = readFileSync('fixtures/batches/openpyxl-comments.xlsx');
    await expect(batch(file('workbook.csv', workbook))).rejects.toThrow('the file is a zip archive (an .xlsx workbook?), not text');
  });
});

describe('check, waiver and rule files through the same decoder', () => {
  const compliant = readFileSync('fixtures/changzhi/village-clinic/compliant.yaml', 'utf8');

  it('check reads a GBK record file as the UTF-8 one: the county, and so its standards, intact', async () => {
    const utf8 = await cli('check', file('record-utf8.yaml', compliant), '--format', 'json');
    const inGbk = await cli('check', file('record-gbk.yaml', gbk(compliant.replace(/[²㎡]/g, '2'))), '--format', 'json');
    const ids = (out: string) => (JSON.parse(out) as { reports: { standard: { id: string } }[] }).reports.map((r) => r.standard.id);
    expect(inGbk.code).toBe(utf8.code);
    expect(ids(inGbk.stdout)).toEqual(ids(utf8.stdout));
    expect(inGbk.stdout).toContain('平顺县');
    expect(inGbk.stdout).not.toContain('\uFFFD');
  });

  it('check refuses a record file that is neither UTF-8 nor GBK, exit 2', async () => {
    const { code, stderr } = await cli('check', file('binary.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xff, 0xff])));
    expect(code).toBe(2);
    expect(stderr).toMatch(/not GBK \(GB18030\)|neither UTF-8 nor GBK/);
  });

  it('reads a GBK waiver CSV, and a waiver CSV with a justification over two lines, with the batch CSV reader', async () => {
    const input = file('one.ndjson', `${JSON.stringify(clinic)}\n`);
    const text = '机构编码,标准,要求,理由,批准人,有效期至\r\nc1,changzhi/village-clinic,separate-rooms,"新建卫生室\r\n2027年投入使用",平顺县卫健局,2027-12-31\r\n';
    for (const waivers of [file('waivers-gbk.csv', gbk(text)), file('waivers-tab.csv', text.replace(/,/g, '\t'))]) {
      const { stderr } = await cli('batch', input, '--standard', village, '--waivers', waivers, '--lang', 'en');
      expect(stderr).not.toMatch(/unknown column|not CSV|internal error/);
    }
  });

  it('loads a rule file saved in GBK', async () => {
    const rule = readFileSync('test/rule-files/broken/circular-extends/county.yaml', 'utf8').replace('extends: qinxian/township-rules', 'extends: changzhi/village-clinic');
    const path = file('county-gbk.yaml', gbk(rule));
    const loaded = await loadRuleFiles([path]);
    expect(loaded.standards.get('qinxian/village-clinic')?.title.zh).toBe('沁县标准化村卫生室');
  });
});
