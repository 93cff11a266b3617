// Every input size, depth and count is bounded: over a limit, a clear refusal (exit 2) or an
// error row, never a crash, a hang or unbounded memory. Big inputs are streamed from generators
// or are real devices; nothing big is written to disk.
import { execFileSync, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { openInput } from '../src/batch/input.js';
import { loadRules, RuleFileError, type RuleFileText } from '../src/index.js';
import { runBatch, type BatchFormat, type InputRow, type OutputRow } from '../src/node.js';
import { batchContext } from '../src/batch/run.js';
import { portfolioBuilder } from '../src/batch/portfolio.js';
import { limits } from '../src/input/limits.js';
import { InputError } from '../src/input/errors.js';
import { evaluateRows, guardedRowEvaluator } from '../src/batch/rows.js';
import { WorkerPool, type ChunkDone, type ChunkWorker } from '../src/batch/run.js';
import { batchRows, cliInEnglish } from './support/input-cli.js';
// @ts-expect-error: a script without types
import { openpyxlParts, repeatedDeflate, zip } from '../scripts/xlsx-fixtures.mjs';

const village = 'changzhi/village-clinic';
const temp = mkdtempSync(join(tmpdir(), 'facility-standards-limits-'));

const cli = cliInEnglish;
const batch = (input: Readable | string, format?: BatchFormat) => batchRows(input, village, format);

const clinic = { id: 'c1', name: '西沟乡东庄村卫生室', type: 'village-clinic', region: { province: '山西省', city: '长治市', county: '平顺县' } };

/** `size` bytes of `fill` in 1 MB pieces, then `after`: a line of hundreds of MB that is never on disk. */
function* hugeLine(size: number, fill: string, after: string): Generator<Buffer> {
  const piece = Buffer.alloc(1024 * 1024, fill);
  for (let sent = 0; sent < size; sent += piece.length) yield piece;
  yield Buffer.from(after);
}

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(temp, name);
  writeFileSync(path, bytes);
  return path;
};

describe('NDJSON', () => {
  it('makes a line of 600 MB one error row and reads the lines after it', async () => {
    const before = heapMb();
    const { rows, result } = await batch(Readable.from(hugeLine(600 * 1024 * 1024, 'a', `\n${JSON.stringify(clinic)}\n`)), 'ndjson');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: 1, error: expect.stringContaining('limit lineChars') });
    expect(rows[1]).toMatchObject({ row: 2, facility: { id: 'c1' } });
    expect(result.errors).toBe(1);
    expect(heapMb() - before).toBeLessThan(200);
  }, 20_000);

  it('makes a record with 5 million room codes an error row, the rows around it evaluated', async () => {
    const rooms = `[${'"room",'.repeat(5_000_000)}"room"]`;
    const huge = JSON.stringify({ ...clinic, id: 'big' }).replace(/}$/, `,"premises":{"rooms":${rooms}}}`);
    const lines = [JSON.stringify(clinic), huge, JSON.stringify({ ...clinic, id: 'c3' })].join('\n');
    const { rows } = await batch(Readable.from([Buffer.from(lines)]), 'ndjson');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[1]).toMatchObject({ error: expect.stringContaining('limit lineChars') });
    expect(rows[2]).toMatchObject({ facility: { id: 'c3' } });
  }, 10_000);

  it('makes a record with a list over limits.listLength, or nested too deep, an error row', async () => {
    const long = JSON.stringify({ ...clinic, premises: { rooms: Array.from({ length: 5000 }, () => 'diagnosis') } });
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const lines = [long, JSON.stringify({ ...clinic, extra: deep }), JSON.stringify(clinic)].join('\n');
    const { rows } = await batch(Readable.from([lines]), 'ndjson');
    expect(rows[0]).toMatchObject({ row: 1, error: expect.stringContaining('limit listLength') });
    expect(rows[1]).toMatchObject({ row: 2, error: expect.stringContaining('limit depth') });
    expect(rows[2]).toMatchObject({ row: 3, facility: { id: 'c1' } });
  });
});

describe('devices, pipes and files over the size limit', () => {
  for (const name of ['zero.ndjson', 'zero.csv', 'zero.yaml', 'zero.json', 'zero.xlsx']) {
    it(`refuses /dev/zero as ${name} at once, exit 2`, async () => {
      const path = join(temp, name);
      symlinkSync('/dev/zero', path);
      const started = Date.now();
      const { code, stderr } = await cli('batch', path, '--standard', village);
      expect(code).toBe(2);
      expect(stderr).not.toContain('internal error');
      expect(stderr).toMatch(/NUL character|not an \.xlsx workbook|limit wholeFileBytes/);
      expect(Date.now() - started).toBeLessThan(5000);
    }, 10_000);
  }

  it('refuses a .json or .yaml file over limits.wholeFileBytes before reading it (check and batch)', async () => {
    const path = join(temp, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 600 * 1024 * 1024); // sparse: no disk used
    for (const argv of [['batch', path, '--standard', village], ['check', path]]) {
      const { code, stderr } = await cli(...argv);
      expect(code).toBe(2);
      expect(stderr).toContain('over the limit wholeFileBytes = 16,777,216');
    }
  });

  it('reads a FIFO with progress on: the line counter does not drain it', async () => {
    const fifo = join(temp, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.end('机构编码,机构名称,药品品种（种）\nx,西沟乡东庄村卫生室,62\n');
    let stdout = '';
    const code = await run(['batch', fifo, '--standard', village], { stdout: (t) => (stdout += t), stderr: () => {}, progress: true });
    expect(code).toBe(1);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
  }, 10_000);
});

describe('CSV', () => {
  it('reads past an unclosed quote at row 2 of 160 MB in bounded memory', async () => {
    const line = `x,${'阳'.repeat(200)},62\n`;
    function* csv(): Generator<Buffer> {
      yield Buffer.from('机构编码,机构名称,药品品种（种）\n"y,石城镇恶岭村卫生室,40\n');
      const piece = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(line))));
      for (let sent = 0; sent < 160 * 1024 * 1024; sent += piece.length) yield piece;
    }
    const opened = await openInput(Readable.from(csv()), 'csv');
    const before = heapMb();
    let count = 0;
    let peak = 0;
    let first: unknown;
    for await (const row of opened.rows) {
      if (count === 0) first = row;
      if (++count % 20_000 === 0) peak = Math.max(peak, heapMb() - before);
    }
    expect(first).toMatchObject({ row: 2, problem: { code: 'row.not-csv', text: { en: expect.stringContaining('the quote that opens column A is not closed'), zh: '无法按 CSV 读取：第 A 列开头的引号没有闭合' } } });
    expect(count).toBeGreaterThan(250_000);
    // Held whole, the rest of the file after the open quote would be some 300 MB of heap.
    expect(peak).toBeLessThan(100);
  }, 30_000);

  it('makes a row over limits.recordChars or limits.cells an error row, and reads the next', async () => {
    const text = `机构编码,药品品种（种）\n${'a'.repeat(2 * 1024 * 1024)},1\n${',x'.repeat(3000)}\nc,62\n`;
    const { rows } = await batch(Readable.from([Buffer.from(text)]), 'csv');
    expect(rows).toEqual([
      { row: 2, error: 'cannot be read as CSV: the row is longer than 1,048,576 characters (limit recordChars)', code: 'row.not-csv', message: { en: 'cannot be read as CSV: the row is longer than 1,048,576 characters (limit recordChars)', zh: '无法按 CSV 读取：该行超过 1,048,576 个字符（上限 recordChars）' } },
      { row: 3, error: 'cannot be read as CSV: the row has more than 2,000 cells (limit cells)', code: 'row.not-csv', message: { en: 'cannot be read as CSV: the row has more than 2,000 cells (limit cells)', zh: '无法按 CSV 读取：该行超过 2,000 个单元格（上限 cells）' } },
      expect.objectContaining({ row: 4 }),
    ]);
  });

  it('refuses a header cell of 200,000 "(" at once, not after a quadratic match', async () => {
    const path = file('parens.csv', `${'('.repeat(200_000)},机构编码\nx,y\n`);
    const started = Date.now();
    const { code, stderr } = await cli('batch', path, '--standard', village);
    expect(code).toBe(2);
    // Refused as no header (one known column) or for its length: either way at once, the cell clipped.
    expect(stderr).toMatch(/limit headerCellChars|no header in the first 20 rows/);
    expect(stderr.length).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('xlsx', () => {
  const rows = [
    ['机构编码', '机构名称', '药品品种（种）'],
    ['a', '西沟乡东庄村卫生室', 62],
  ];

  it('refuses a zip bomb from its central directory, before inflating anything', async () => {
    // 300 MB of spaces as the worksheet, deflated to some 300 KB; the sizes declared are true.
    const parts = openpyxlParts({ rows, comment: null });
    const deflated = repeatedDeflate(Buffer.alloc(1024 * 1024, ' '), 300);
    const bomb = parts.map((p: { name: string }) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, deflated } : p));
    const before = heapMb();
    const path = file('bomb.xlsx', zip(bomb));
    await expect(batch(path)).rejects.toThrow('over the limit xlsxUncompressedBytes');
    expect(heapMb() - before).toBeLessThan(100);
  }, 10_000);

  it('refuses a part that inflates past the size declared for it, counting while inflating', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024, ' ');
    const parts = openpyxlParts({ rows, comment: null }).map((p: { name: string }) =>
      p.name === 'xl/sharedStrings.xml' ? { name: p.name, data: zeros, declare: 1000 } : p,
    );
    await expect(batch(file('liar.xlsx', zip(parts)))).rejects.toThrow('inflates past the size the workbook declares');
  });

  it('reads a 2 KB workbook with <mergeCell ref="A3:XFD1048576"/> at once', async () => {
    const merged = zip(openpyxlParts({ rows, comment: null, sheetExtra: '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>' }));
    const started = Date.now();
    const { rows: out } = await batch(file('merged.xlsx', merged));
    expect(out).toMatchObject([{ row: 2, facility: { id: 'a' } }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses more than limits.xlsxMergedRanges merged ranges', async () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${i * 2 + 3}:B${i * 2 + 3}"/>`).join('');
    const book = zip(openpyxlParts({ rows, comment: null, sheetExtra: `<mergeCells count="100001">${many}</mergeCells>` }));
    await expect(batch(file('many-merged.xlsx', book))).rejects.toThrow('over the limit xlsxMergedRanges');
  });

  it('refuses a row numbered 2,000,000,000 at once', async () => {
    const parts = openpyxlParts({ rows, comment: null }).map((p: { name: string; data: string }) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: p.data.replace('<row r="2">', '<row r="2000000000">').replace(/r="([A-Z])2"/g, 'r="$12000000000"') } : p,
    );
    const started = Date.now();
    const { code, stderr } = await cli('batch', file('far-row.xlsx', zip(parts)), '--standard', village);
    expect(code).toBe(2);
    expect(stderr).toContain('over the limit xlsxRows = 1,048,576');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('makes a row with a cell past limits.cells columns an error row', async () => {
    const parts = openpyxlParts({ rows, comment: null }).map((p: { name: string; data: string }) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: p.data.replace('</row><row r="2">', '</row><row r="2"><c r="XFD2" t="n"><v>1</v></c>') } : p,
    );
    const { rows: out } = await batch(file('wide.xlsx', zip(parts)));
    expect(out).toEqual([{ row: 2, error: expect.stringContaining('limit cells = 2000'), code: 'row.cell-past-limit', message: { en: expect.stringContaining('limit cells = 2000'), zh: expect.stringContaining('上限 cells = 2000') } }]);
  });
});

describe('reports', () => {
  const row = (n: number): OutputRow => ({ row: n, facility: { id: `c${n}` }, reports: [] });

  it(`list at most limits.reportFacilities (${limits.reportFacilities.toLocaleString('en')}) facilities; the figures alone have no such limit`, () => {
    const listing = portfolioBuilder({ standards: [], asOf: '2026-12-01' });
    for (let n = 1; n <= limits.reportFacilities; n++) listing.add(row(n));
    expect(() => listing.add(row(limits.reportFacilities + 1))).toThrow(InputError);
    const figures = portfolioBuilder({ standards: [], asOf: '2026-12-01', keepFacilities: false });
    for (let n = 1; n <= limits.reportFacilities + 1; n++) figures.add(row(n));
    expect(figures.finish().evaluated).toBe(limits.reportFacilities + 1);
  });

  it('refuses a batch report over the limit with exit 2, leaving no report behind', async () => {
    const input = file('county.ndjson', Array.from({ length: limits.reportFacilities + 1 }, (_, i) => JSON.stringify({ ...clinic, id: `c${i}` })).join('\n'));
    const report = join(temp, 'county.md');
    const { code, stderr } = await cli('batch', input, '--standard', village, '--report', report);
    expect(code).toBe(2);
    expect(stderr).toContain('over the limit reportFacilities = 3,000');
    expect(stderr).not.toContain('internal error');
    expect(existsSync(report)).toBe(false);
  }, 30_000);
});

describe('rule files', () => {
  it('refuses an extends chain 3,000 deep with a sentence, not a stack overflow', () => {
    const files: RuleFileText[] = Array.from({ length: 3000 }, (_, i) => ({
      file: `chain-${i}.yaml`,
      text: [
        `id: chain/s${i}`,
        'version: "2027"',
        `title: { zh: 链${i}, en: chain ${i} }`,
        'facilityType: village-clinic',
        'region: { province: 山西省 }',
        'evidence: translation',
        'source: { title: 链, issuer: 县卫健局, date: 2026-07-01, url: "https://example.org" }',
        i === 0 ? 'extends: changzhi/village-clinic' : `extends: chain/s${i - 1}`,
      ].join('\n'),
    }));
    let error: unknown;
    try {
      loadRules(files.reverse(), { base: new Map() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    expect((error as Error).message).toContain('limit extendsDepth');
  });
});

describe('names in messages and suggestions', () => {
  it('clips a multi-MB unknown name in a waiver file, and answers at once', async () => {
    const name = 'x'.repeat(3 * 1024 * 1024);
    const waivers = file('waivers.yaml', `- facility: a\n  standard: ${village}\n  requirement: ${name}\n  justification: 新建\n  approver: 县卫健局\n  expires: 2027-12-31\n`);
    const input = file('one.ndjson', `${JSON.stringify(clinic)}\n`);
    const started = Date.now();
    const { code, stderr } = await cli('batch', input, '--standard', village, '--waivers', waivers);
    expect(code).toBe(2);
    expect(stderr).toContain(`has no requirement "${'x'.repeat(80)}…"`);
    expect(stderr.length).toBeLessThan(2000);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('a worker that fails', () => {
  it('loses no row: its chunk is evaluated again row by row, only the offending row an error', async () => {
    const context = await batchContext({ standards: [village], rules: [] });
    /** A worker thread as the pool sees it; it dies on a chunk holding row 7, as one out of memory does. */
    class DyingWorker extends EventEmitter implements ChunkWorker {
      postMessage({ id, rows }: { id: number; rows: InputRow[] }): void {
        setImmediate(() => {
          if (rows.some((r) => r.row === 7)) this.emit('error', new Error('Worker terminated due to reaching memory limit: JS heap out of memory'));
          else if (rows.some((r) => r.row === 14)) this.emit('exit', 1);
          else this.emit('message', { id, ...evaluateRows(rows, context) });
        });
      }
      terminate = async () => 0;
    }
    let started = 0;
    const pool = new WorkerPool(2, () => (started++, new DyingWorker()), (rows) => evaluateRows(rows, context, guardedRowEvaluator(context)));
    // Row 7 is a sheet row in an NDJSON batch: evaluating it throws here too.
    const rows: InputRow[] = Array.from({ length: 20 }, (_, i) =>
      i === 6 ? { row: 7, cells: ['x'] } : { row: i + 1, line: JSON.stringify({ ...clinic, id: `c${i + 1}` }) },
    );
    const out: OutputRow[] = [];
    let total = 0;
    await pool.run(
      (async function* () {
        yield* rows;
      })(),
      4,
      async (done: ChunkDone) => {
        total += done.tally.rows;
        for (const line of done.text.split('\n')) if (line) out.push(JSON.parse(line) as OutputRow);
      },
    );
    await pool.close();
    expect(out.map((r) => r.row)).toEqual(rows.map((r) => r.row));
    expect(out.filter((r) => 'error' in r)).toEqual([{ row: 7, error: expect.stringContaining('the row could not be evaluated'), code: 'row.not-evaluated', message: { en: expect.stringContaining('the row could not be evaluated'), zh: expect.stringContaining('该行无法评估') } }]);
    expect(total).toBe(20);
    // Two workers, and one in place of each that was lost (row 7's, and row 14's that exited).
    expect(started).toBe(4);
  });
});

describe('the built batch command', () => {
  const built = existsSync('dist/cli.js');
  it('keeps every row when a worker meets a row over a limit (workers on)', () => {
    expect(built, 'run `npm run build` first').toBe(true);
    const rooms = `[${'"room",'.repeat(200_000)}"room"]`;
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ ...clinic, id: `c${i}` }));
    lines.splice(10, 0, JSON.stringify(clinic).replace(/}$/, `,"premises":{"rooms":${rooms}}}`));
    const input = file('workers.ndjson', `${lines.join('\n')}\n`);
    const done = spawnSync(process.execPath, ['dist/cli.js', 'batch', input, '--standard', village, '--workers', '2'], { encoding: 'utf8', timeout: 20_000 });
    expect(done.status).toBe(2);
    const out = done.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutputRow);
    expect(out.map((r) => r.row)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(out.filter((r) => 'error' in r)).toHaveLength(1);
  }, 30_000);
});
