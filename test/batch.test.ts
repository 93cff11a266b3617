import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runBatch, sheetColumns, SheetError, type BatchFormat, type OutputRow } from '../src/node.js';

/** Runs a batch over text in memory; returns the output rows and the tally. */
async function batch(text: string, format: BatchFormat, standards = ['changzhi/village-clinic']) {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const tally = await runBatch({ input: Readable.from([text]), format, output, standards, chunkSize: 7 });
  const rows = out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutputRow);
  return { rows, tally };
}

const fixtureDir = 'fixtures/changzhi/village-clinic/breaks';
const fixtureLines = readdirSync(fixtureDir)
  .sort()
  .map((f) => JSON.stringify(parseYaml(readFileSync(join(fixtureDir, f), 'utf8'))));

describe('NDJSON batches', () => {
  it('give one output line per input row, in order, bad rows as errors with their line numbers', async () => {
    const lines = [...fixtureLines];
    lines.splice(2, 0, '{"id": "broken"');
    lines.splice(5, 0, '{"id":"x","premises":{"buildingArea":"80㎡"}}');
    lines.splice(8, 0, '');
    const { rows, tally } = await batch(`${lines.join('\n')}\n`, 'ndjson');
    const expectedRows = lines.map((line, i) => (line === '' ? undefined : i + 1)).filter((n) => n !== undefined);
    expect(rows.map((r) => r.row)).toEqual(expectedRows);
    expect(rows).toHaveLength(fixtureLines.length + 2);
    expect(rows[2]).toEqual({ row: 3, error: expect.stringMatching(/^not JSON: /), code: 'row.not-json', message: { en: expect.stringMatching(/^not JSON: /), zh: expect.stringMatching(/^不是 JSON/) } });
    expect(rows[5]).toEqual({
      row: 6,
      error: 'not a valid facility record',
      code: 'row.invalid-record',
      message: { en: 'not a valid facility record', zh: '不是有效的机构记录' },
      problems: [{ where: 'premises.buildingArea', message: 'expected a number, got "80㎡"', code: 'schema.expected', zh: '应为数字，实为 "80㎡"' }],
    });
    expect(tally).toMatchObject({ rows: fixtureLines.length + 2, evaluated: fixtureLines.length, errors: 2 });
  });

  it('list each facility\'s gaps and unknowns, not the requirements met', async () => {
    const { rows } = await batch(`${fixtureLines.find((l) => l.includes('"varieties":45'))}\n`, 'ndjson');
    const [only] = rows as Extract<OutputRow, { reports: unknown }>[];
    expect(only!.reports[0]!.outcome).toBe('gap');
    expect(only!.reports[0]!.gaps.map((g) => [g.requirement, g.shortfall])).toEqual([['drugs', 5]]);
    expect(only!.reports[0]!.counts).toEqual({ met: 16, gap: 1, unknown: 0, 'not-applicable': 0, waived: 0 });
  });

  it('keep every row of a larger batch with corrupted rows', async () => {
    const good = fixtureLines[0]!;
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 100 === 37 ? good.slice(0, 40) : good));
    const { rows, tally } = await batch(`${lines.join('\n')}\n`, 'ndjson');
    expect(rows).toHaveLength(5000);
    expect(rows.map((r) => r.row)).toEqual(lines.map((_, i) => i + 1));
    expect(rows.filter((r) => 'error' in r).map((r) => r.row)).toEqual(lines.map((_, i) => i + 1).filter((n) => n % 100 === 38));
    expect(tally.errors).toBe(50);
  });
});

describe('CSV batches', () => {
  const header = '\uFEFFid,name,type,服务人口,建筑面积（平方米）,premises.ownership,功能用房,药品品种,听诊器,equipment.sphygmomanometer';

  it('read Chinese headers with units, labels and codes in list cells, a BOM, and number rows as a spreadsheet does', async () => {
    const text = [
      header,
      'c1,西沟乡东庄村卫生室,village-clinic,1200,86,collective,诊断室、治疗室、药房,64,2,1',
      'c2,东庄卫生所,village-clinic,八百,80㎡,集体产权,diagnosis-room;pharmacy,50,1,1',
      'c3,"青羊镇,南坡村卫生室",village-clinic,９００,90,集体产权,"diagnosis-room, treatment-room",55,1,0',
    ].join('\r\n');
    const { rows } = await batch(text, 'csv');
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const [first, second, third] = rows as Extract<OutputRow, { reports: unknown }>[];
    const fourRooms = first!.reports[0]!.gaps.find((g) => g.requirement === 'four-rooms');
    expect(fourRooms).toMatchObject({ missing: ['public-health-room'] });
    expect(second).toEqual({
      row: 3,
      error: 'cells that cannot be read',
      code: 'row.unreadable-cells',
      message: { en: 'cells that cannot be read', zh: '有无法读取的单元格' },
      problems: [
        { where: '服务人口', message: '"八百" is not a number', code: 'cell.not-number', zh: '“八百”不是数字：只填数字，可带单位 人、名' },
      ],
    });
    // Full-width digits are digits; a zero count is no working unit.
    expect(third!.facility).toEqual({ id: 'c3', name: '青羊镇,南坡村卫生室', type: 'village-clinic' });
    expect(third!.reports[0]!.gaps.find((g) => g.requirement === 'collective-property')).toBeUndefined();
  });

  it('keep a row that cannot be parsed as a row with its problem', async () => {
    const text = ['id,name,type,drugs.varieties', 'c1,a,village-clinic,10', 'c2,"b"x,village-clinic,20', 'c3,"open,village-clinic,30'].join('\n');
    const { rows } = await batch(text, 'csv');
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[2]).toEqual({ row: 4, error: 'cannot be read as CSV: the quote that opens column B is not closed', code: 'row.not-csv', message: { en: 'cannot be read as CSV: the quote that opens column B is not closed', zh: '无法按 CSV 读取：第 B 列开头的引号没有闭合' } });
  });

  it('refuse a header naming no record field', async () => {
    expect(() => sheetColumns(['名目', '面积'])).toThrow(SheetError);
    expect(() => sheetColumns(['id', '建筑面积', '面积'], { strictColumns: true })).toThrow('unknown column "面积"');
    expect(() => sheetColumns(['建筑面积', 'premises.buildingArea'])).toThrow('both fill premises.buildingArea');
  });
});

describe('the built batch command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'facility-standards-batch-'));
  const input = join(dir, 'clinics.ndjson');
  const lines = Array.from({ length: 3000 }, (_, i) => (i % 250 === 3 ? '{not json' : fixtureLines[i % fixtureLines.length]!));
  writeFileSync(input, `${lines.join('\n')}\n`);

  it('gives the same output on worker threads as on one thread', () => {
    expect(existsSync('dist/batch-worker.js'), 'run `npm run build` first').toBe(true);
    const run = (workers: string) =>
      spawnSync(process.execPath, ['dist/cli.js', 'batch', input, '--standard', 'changzhi/village-clinic', '--workers', workers], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    const one = run('0');
    const two = run('2');
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n')).toHaveLength(3000);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('行 3000 · 已评估 2988 · 错误 12');
  }, 60_000);

  it('keeps every one of 100,000 rows, the 1 % corrupted ones as errors with their row numbers', () => {
    const file = join(dir, 'national.ndjson');
    const rows = Array.from({ length: 100_000 }, (_, i) => (i % 100 === 41 ? fixtureLines[i % fixtureLines.length]!.slice(0, 60) : fixtureLines[i % fixtureLines.length]!));
    writeFileSync(file, `${rows.join('\n')}\n`);
    const output = join(dir, 'national-report.ndjson');
    const run = spawnSync(process.execPath, ['dist/cli.js', 'batch', file, '--standard', 'changzhi/village-clinic', '--output', output, '--workers', '2'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toContain('行 100000 · 已评估 99000 · 错误 1000');
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(100_000);
    const errors = lines.map((line) => JSON.parse(line) as OutputRow).filter((r) => 'error' in r);
    expect(errors.map((r) => r.row)).toEqual(Array.from({ length: 1000 }, (_, k) => k * 100 + 42));
    expect(lines.every((line, i) => line.startsWith(`{"row":${i + 1},`))).toBe(true);
  }, 120_000);

  it('writes --output whole or not at all: interrupted, it leaves nothing behind', async () => {
    const big = join(dir, 'big.ndjson');
    writeFileSync(big, `${Array.from({ length: 200_000 }, (_, i) => fixtureLines[i % fixtureLines.length]).join('\n')}\n`);
    const output = join(dir, 'report.ndjson');
    const child = spawn(process.execPath, ['dist/cli.js', 'batch', big, '--output', output, '--workers', '0'], { stdio: 'ignore' });
    // Interrupt once the report is being written.
    const partial = () => readdirSync(dir).find((f) => f.startsWith('report.ndjson.') && f.endsWith('.partial'));
    while (!partial() || statSync(join(dir, partial()!)).size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(readdirSync(dir).filter((f) => f.startsWith('report'))).toEqual([]);

    const done = spawnSync(process.execPath, ['dist/cli.js', 'batch', input, '--output', output], { encoding: 'utf8' });
    expect(done.status).toBe(2);
    expect(readdirSync(dir).filter((f) => f.startsWith('report'))).toEqual(['report.ndjson']);
    expect(readFileSync(output, 'utf8').trim().split('\n')).toHaveLength(3000);
  }, 30_000);
});
