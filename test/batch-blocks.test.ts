// NDJSON files read in blocks of bytes and evaluated on worker threads give the same output, byte
// for byte, as the same files read row by row on one thread (`--workers 0`).
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateBlock, type BlockDone, type BlockRefused } from '../src/batch/block-rows.js';
import { openNdjsonBlocks, rereadBlock, type BlockJob } from '../src/batch/blocks.js';
import { DuplicateIds } from '../src/batch/duplicates.js';
import { emptyTally, evaluateRows, guardedRowEvaluator, mergeTally, rowEvaluator, type InputRow } from '../src/batch/rows.js';
import { batchContext, JobPool, type PoolWorker } from '../src/batch/run.js';
import { TextDecoderSniffer } from '../src/input/decode.js';
import { ndjsonRows } from '../src/input/ndjson.js';
import { createReadStream } from 'node:fs';
import { gbk } from './support/gbk.js';

const village = 'changzhi/village-clinic';
const dir = mkdtempSync(join(tmpdir(), 'facility-standards-blocks-'));
const fixtureDir = 'fixtures/changzhi/village-clinic/breaks';
const records = readdirSync(fixtureDir)
  .sort()
  .map((f) => parseYaml(readFileSync(join(fixtureDir, f), 'utf8')) as Record<string, unknown>);

/** A county's NDJSON as it comes: a BOM, CRLF lines, blank lines, broken and over-long lines, ids used twice. */
function realisticLines(count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const record = { ...records[i % records.length]!, id: `c${i % 997}`, name: `东庄村卫生室${i}` };
    if (i % 211 === 5) lines.push('{"id": "broken"');
    else if (i % 173 === 7) lines.push('   ');
    else if (i % 157 === 9) lines.push('');
    else if (i % 401 === 11) lines.push(JSON.stringify({ ...record, type: 'township-health-center' }));
    else if (i % 389 === 13) lines.push(JSON.stringify({ ...record, rooms: Array.from({ length: 1001 }, () => 'x') }));
    else lines.push(JSON.stringify(record));
  }
  // Just over lineChars (a worker measures it), and over four times it (the main thread skips it).
  lines.splice(100, 0, JSON.stringify({ ...records[0]!, note: '村'.repeat(1024 * 1024) }));
  lines.splice(200, 0, JSON.stringify({ ...records[0]!, note: 'x'.repeat(4 * 1024 * 1024 + 10) }));
  return lines;
}

const realistic = `\uFEFF${realisticLines(6000)
  .map((line, i) => (i % 3 === 0 ? `${line}\r` : line))
  .join('\n')}`;

/** Output, tally and refusal of a file read row by row, as `--workers 0` reads it. */
async function rowByRow(path: string) {
  const context = await batchContext({ standards: [village], rules: [] });
  const rows: InputRow[] = [];
  for await (const row of ndjsonRows(createReadStream(path), new TextDecoderSniffer())) rows.push(row);
  const done = evaluateRows(rows, context);
  return { text: new DuplicateIds().mark(done.text, done.keys), tally: done.tally };
}

/** The same read in blocks of `blockSize` bytes, evaluated on this thread. */
async function inBlocks(path: string, blockSize: number) {
  const context = await batchContext({ standards: [village], rules: [] });
  const opened = (await openNdjsonBlocks(path, blockSize))!;
  const duplicates = new DuplicateIds();
  const tally = emptyTally();
  const parts: Buffer[] = [];
  for await (const job of opened.jobs) {
    const done = evaluateBlock(job, rowEvaluator(context));
    if ('refused' in done) await opened.refuse();
    const { bytes, keys } = done as BlockDone;
    parts.push(Buffer.from(duplicates.markBytes(bytes, keys)));
    mergeTally(tally, (done as BlockDone).tally);
  }
  return { text: Buffer.concat(parts).toString('utf8'), tally, encoding: opened.encoding() };
}

describe('NDJSON read in blocks', () => {
  const path = join(dir, 'realistic.ndjson');
  writeFileSync(path, realistic);

  it('gives the rows, numbers, tally and duplicates of reading row by row, whatever the block size', async () => {
    const expected = await rowByRow(path);
    expect(expected.text).toContain('"duplicateOf":');
    expect(expected.text).toContain('limit lineChars');
    for (const size of [64, 4096, 1 << 20]) {
      const got = await inBlocks(path, size);
      expect(got.text).toBe(expected.text);
      expect(got.tally).toEqual(expected.tally);
    }
  }, 120_000);

  it('reads GBK as the decoder decides, and a file whose first bytes are ASCII', async () => {
    const text = realisticLines(300)
      .filter((line) => line.length < 100_000)
      .join('\n');
    const gbkPath = join(dir, 'gbk.ndjson');
    writeFileSync(gbkPath, Buffer.concat([Buffer.from(`${'{"id":"ascii"}\n'.repeat(10_000)}`), gbk(text)]));
    const expected = await rowByRow(gbkPath);
    const got = await inBlocks(gbkPath, 4096);
    expect(got.encoding).toBe('gb18030');
    expect(got.text).toBe(expected.text);
  }, 60_000);

  it('refuses bytes that are not text with the message and offset of reading row by row', async () => {
    const cases = {
      'invalid UTF-8 deep in the file': Buffer.concat([Buffer.from(realistic.slice(0, 300_000)), Buffer.from([0xe6, 0x9d]), Buffer.from('\n{}\n')]),
      'a NUL': Buffer.from(`${realistic.slice(0, 200_000)}\u0000\n`),
      'a cut character at the end': Buffer.concat([Buffer.from(realistic.slice(0, 100_000)), Buffer.from([0xe6, 0x9d])]),
      'neither UTF-8 nor GBK': Buffer.concat([Buffer.from('{"id":"a"}\n'), Buffer.from([0xff, 0xff, 0xff]), Buffer.from('\n')]),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(dir, `${name}.ndjson`);
      writeFileSync(file, bytes);
      const expected = await rowByRow(file).then(
        () => 'no error',
        (error: Error) => error.message,
      );
      expect(expected, name).not.toBe('no error');
      await expect(inBlocks(file, 4096), name).rejects.toThrow(expected);
    }
  }, 60_000);

  it('loses no row of a block whose worker dies: the block is read again and evaluated here', async () => {
    const context = await batchContext({ standards: [village], rules: [] });
    const opened = (await openNdjsonBlocks(path, 8192))!;
    /** A worker that dies on the block holding line 30, and exits on the one holding line 700. */
    class DyingWorker extends EventEmitter implements PoolWorker<BlockJob, BlockDone | BlockRefused> {
      postMessage({ id, ...job }: { id: number } & BlockJob): void {
        setImmediate(() => {
          const lines = 'block' in job ? [job.block.firstRow, job.block.firstRow + job.block.bytes.filter((b) => b === 10).length + 1] : [0, 0];
          if (lines[0]! <= 30 && 30 < lines[1]!) this.emit('error', new Error('Worker terminated due to reaching memory limit: JS heap out of memory'));
          else if (lines[0]! <= 700 && 700 < lines[1]!) this.emit('exit', 1);
          else this.emit('message', { id, ...evaluateBlock(job, rowEvaluator(context)) });
        });
      }
      terminate = async () => 0;
    }
    const pool = new JobPool<BlockJob, BlockDone | BlockRefused>(2, () => new DyingWorker(), (job) =>
      evaluateBlock('block' in job ? { block: rereadBlock(path, job.block) } : job, guardedRowEvaluator(context)),
    );
    const duplicates = new DuplicateIds();
    let text = '';
    await pool.runJobs(opened.jobs, async (done) => {
      const { bytes, keys } = done as BlockDone;
      text += Buffer.from(duplicates.markBytes(bytes, keys)).toString('utf8');
    });
    await pool.close();
    expect(text).toBe((await rowByRow(path)).text);
  }, 60_000);
});

describe('the built batch command on an NDJSON file', () => {
  const built = existsSync('dist/batch-worker.js');
  const path = join(dir, 'county.ndjson');
  writeFileSync(path, realistic);
  // A report lists at most limits.reportFacilities facilities: its case reads the first 2,500 lines.
  const small = join(dir, 'county-small.ndjson');
  writeFileSync(small, realistic.split('\n').slice(0, 2500).join('\n'));
  const runOn = (input: string, ...args: string[]) =>
    spawnSync(process.execPath, ['dist/cli.js', 'batch', input, '--standard', village, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const run = (...args: string[]) => runOn(path, ...args);

  it('writes the same bytes, summary and exit code on worker threads as on one thread', () => {
    expect(built, 'run `npm run build` first').toBe(true);
    const one = run('--workers', '0');
    const two = run('--workers', '2');
    expect(one.status).toBe(2);
    expect(two.status).toBe(one.status);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('"duplicateOf":');
  }, 120_000);

  it('gives the same programme figures and report on worker threads', () => {
    for (const extra of [[], ['--report', join(dir, 'report.json')]]) {
      const input = extra.length > 0 ? small : path;
      const one = runOn(input, '--workers', '0', '--program', 'changzhi/2028', ...extra);
      const report = extra.length > 0 ? readFileSync(join(dir, 'report.json'), 'utf8') : '';
      const two = runOn(input, '--workers', '2', '--program', 'changzhi/2028', ...extra);
      expect(two.stderr.replaceAll(/\d+ ms/g, '')).toBe(one.stderr.replaceAll(/\d+ ms/g, ''));
      expect(two.stdout).toBe(one.stdout);
      expect(two.status).toBe(one.status);
      if (extra.length > 0) expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(report);
    }
  }, 180_000);
});
