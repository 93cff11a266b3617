// npm run bench: every figure beside its target, as ratios measured side by side in one run on
// this machine (medians of several runs): the check phase against json-rules-engine and two
// hand-written checks, the cost per gap item, record validation, start-up against a bare
// `node -e 0`, the page bundle, and the national batch against the same pipeline with no rule
// work. BENCH_BATCH_RUNS (default 1) sets how many times each 580,000-row job runs.
import { deepStrictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundledStandard, evaluateRecord, evaluateRecordSync, evaluationPath, FacilityRecordSchema, parseRecord, parseRecordsText, type Standard } from '../src/index.js';
import { checkVillageClinic } from './hand-written-village-clinic.js';
import { perturbed, realisticClinics } from './realistic.js';
import { sameOutputChecker } from './same-output-village-clinic.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows: Record<string, { figure: string; target: string; met: string }> = {};
const row = (measure: string, figure: string, target = '', met?: boolean) => {
  rows[measure] = { figure, target, met: met === undefined ? '' : met ? 'yes' : 'NO' };
};

/** Records a second, median of `runs`; each run times every record once. */
async function perSecond<T>(items: readonly T[], run: (item: T) => unknown, runs = 5): Promise<number> {
  const rates: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    for (const item of items) {
      const out = run(item);
      if (out instanceof Promise) await out;
    }
    rates.push(items.length / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

async function checkPhase() {
  const standard = bundledStandard('changzhi/village-clinic');
  const records = realisticClinics(100_000).map((r) => parseRecord(r));
  const sameOutput = sameOutputChecker(standard);
  // The hand-written check builds the library's very reports.
  for (const r of records.slice(0, 5000)) {
    const expected = evaluateRecordSync(r, standard);
    const actual = sameOutput(r);
    deepStrictEqual(actual, expected);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error('the same-output check differs in key order');
  }
  const gaps = records.slice(0, 2000).reduce((n, r) => n + evaluateRecordSync(r, standard).counts.gap, 0) / 2000;
  for (const r of records.slice(0, 500)) await evaluateRecord(r, standard, { engine: 'json-rules-engine' });

  const engine = await perSecond(records.slice(0, 10_000), (r) => evaluateRecord(r, standard, { engine: 'json-rules-engine' }), 3);
  // The library and the hand-written checks by turns, so that each round meets the same state of the heap.
  const rounds = { compiled: [] as number[], same: [] as number[], bare: [] as number[] };
  for (let k = 0; k < 7; k++) {
    rounds.compiled.push(await perSecond(records, (r) => evaluateRecordSync(r, standard), 1));
    rounds.same.push(await perSecond(records, sameOutput, 1));
    rounds.bare.push(await perSecond(records, checkVillageClinic, 1));
  }
  const [compiled, same, bare] = [median(rounds.compiled), median(rounds.same), median(rounds.bare)];
  row(`village-clinic check: generated evaluator (${evaluationPath(standard)})`, `${fmt(compiled)} records/s`, `${gaps.toFixed(2)} gaps a record`);
  row('  json-rules-engine (reference)', `${fmt(engine)} records/s`);
  row('  hand-written, same report objects and messages', `${fmt(same)} records/s`);
  row('  hand-written, outcomes only, no messages', `${fmt(bare)} records/s`);
  row('  generated / same-output hand-written', `${((compiled / same) * 100).toFixed(0)} %`, '≥ 80 %', compiled / same >= 0.8);
  row('  generated / json-rules-engine', `${(compiled / engine).toFixed(1)}×`, '≥ 20×', compiled / engine >= 20);
  row('  generated / outcomes-only hand-written', `${((compiled / bare) * 100).toFixed(0)} %`);
  return { perGap: 1e6 / compiled / gaps, records };
}

async function perGapItem(villagePerGap: number) {
  const file = 'fixtures/changzhi/county-subcenter/compliant.yaml';
  const [compliant] = parseRecordsText(readFileSync(file, 'utf8'), file);
  const standard: Standard = bundledStandard('changzhi/county-subcenter');
  const records = perturbed(compliant!, 60_000).flatMap((r) => {
    const parsed = FacilityRecordSchema.safeParse(r);
    return parsed.success ? [parseRecord(parsed.data)] : [];
  });
  const gaps = records.reduce((n, r) => n + evaluateRecordSync(r, standard).counts.gap, 0) / records.length;
  const rate = await perSecond(records, (r) => evaluateRecordSync(r, standard));
  const perGap = 1e6 / rate / gaps;
  row(
    `county-subcenter (${standard.requirements.length} requirements): µs a gap item`,
    `${perGap.toFixed(2)} µs (${gaps.toFixed(1)} gaps a record)`,
    `≤ 2× village clinic's ${villagePerGap.toFixed(2)} µs`,
    perGap <= 2 * villagePerGap,
  );
}

function validation() {
  const inputs = realisticClinics(50_000, 7).map((r) => JSON.parse(JSON.stringify(r)) as unknown);
  const zod: number[] = [];
  const lean: number[] = [];
  for (let k = 0; k < 5; k++) {
    let start = performance.now();
    for (const input of inputs) FacilityRecordSchema.parse(input);
    zod.push(((performance.now() - start) * 1000) / inputs.length);
    start = performance.now();
    for (const input of inputs) parseRecord(input);
    lean.push(((performance.now() - start) * 1000) / inputs.length);
  }
  row('record validation: parseRecord (lean validator)', `${median(lean).toFixed(2)} µs a record`, `zod alone ${median(zod).toFixed(2)} µs`, median(lean) < median(zod));
}

/** Wall time of a command, median of `runs`, in ms. */
function wall(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return median(times);
}

async function startUp() {
  const node = wall(['-e', '0']);
  const list = wall(['dist/cli.js', 'list']);
  const check = wall(['dist/cli.js', 'check', 'examples/xigou-dongzhuang.yaml']);
  row('start-up: node -e 0', `${node.toFixed(0)} ms`);
  row('  facility-standards list', `${(list / node).toFixed(1)}× (${list.toFixed(0)} ms)`, '≤ 2.5×', list / node <= 2.5);
  row('  facility-standards check <one record>', `${(check / node).toFixed(1)}× (${check.toFixed(0)} ms)`, '≤ 3.5×', check / node <= 3.5);
  const first: number[] = [];
  for (let k = 0; k < 5; k++) {
    const child = spawnSync(process.execPath, [
      '--input-type=module',
      '-e',
      "const lib = await import(process.cwd() + '/dist/index.js'); const t = performance.now(); lib.evaluateSync({ type: 'village-clinic', rooms: ['pharmacy'] }, 'changzhi/village-clinic'); console.log(performance.now() - t);",
    ], { encoding: 'utf8' });
    first.push(Number(child.stdout.trim()));
  }
  row('  first evaluation of a bundled standard (no YAML, no rule-file validation)', `${median(first).toFixed(1)} ms`);

  const page = await build({
    stdin: { contents: "import { evaluateSync } from './dist/standards/changzhi/village-clinic.js'; console.log(evaluateSync({ type: 'village-clinic' }));", resolveDir: process.cwd() },
    bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent',
  });
  const gz = gzipSync(page.outputFiles[0]!.contents).length / 1024;
  row('  a page evaluating one standard (facility-standards/standards/changzhi/village-clinic, minified, gzip)', `${gz.toFixed(0)} KB`, '≤ 45 KB', gz <= 45);
}

/** CPU seconds (user + system) and peak RSS of a command, medians of `runs`. */
function cost(args: string[], runs: number): { cpu: number; wall: number; rss: number } {
  const cpu: number[] = [];
  const walls: number[] = [];
  const rss: number[] = [];
  for (let k = 0; k < runs; k++) {
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S %e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const [user, system, elapsed, kb] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    cpu.push(user! + system!);
    walls.push(elapsed!);
    rss.push(kb! / 1024);
  }
  return { cpu: median(cpu), wall: median(walls), rss: median(rss) };
}

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 16);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const text = buffer.toString('utf8', 0, n);
  return text.slice(0, text.indexOf('\n'));
}

/** 580,000 generated village clinics through `facility-standards batch`, beside the same job with no rule work. */
async function nationalBatch() {
  const file = join(tmpdir(), 'facility-standards-national-580k.ndjson');
  if (!existsSync(file)) {
    const out = createWriteStream(file);
    for (let start = 0; start < 580_000; start += 20_000) {
      const chunk = realisticClinics(20_000, start + 1).map((r, i) => JSON.stringify({ ...r, id: `clinic-${start + i}` }));
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => { out.once('drain', () => r()); });
    }
    await new Promise<void>((r) => { out.end(() => r()); });
  }
  const output = join(tmpdir(), 'facility-standards-national-report.ndjson');
  const runs = Number(process.env.BENCH_BATCH_RUNS ?? 1);
  const batch = cost(['dist/cli.js', 'batch', file, '--standard', 'changzhi/village-clinic', '--output', output], runs);
  const template = join(tmpdir(), 'facility-standards-output-row.json');
  writeFileSync(template, firstLine(output));
  const prefix = join(tmpdir(), 'facility-standards-no-rule-work');
  const limit = cost(['bench/no-rule-work.mjs', file, template, prefix], runs);
  for (const t of [0, 1]) rmSync(`${prefix}.${t}`, { force: true });
  row(
    `580k batch (${(statSync(file).size / 1e6).toFixed(0)} MB → ${(statSync(output).size / 1e6).toFixed(0)} MB): CPU`,
    `${batch.cpu.toFixed(1)} s (${batch.wall.toFixed(1)} s wall)`,
  );
  row('  no-rule-work pipeline: CPU', `${limit.cpu.toFixed(1)} s (${limit.wall.toFixed(1)} s wall)`);
  row('  batch CPU / no-rule-work CPU', `${(batch.cpu / limit.cpu).toFixed(2)}×`, '≤ 1.5×', batch.cpu / limit.cpu <= 1.5);
  row('  batch peak RSS', `${batch.rss.toFixed(0)} MB`, '≤ 512 MB', batch.rss <= 512);
  const program = cost(['dist/cli.js', 'batch', file, '--standard', 'changzhi/village-clinic', '--program', 'changzhi/2028', '--output', output], runs);
  row('  with --program changzhi/2028: CPU', `${program.cpu.toFixed(1)} s (${program.wall.toFixed(1)} s wall)`);
  row('  with --program: CPU / no-rule-work CPU', `${(program.cpu / limit.cpu).toFixed(2)}×`, '≤ 1.5×', program.cpu / limit.cpu <= 1.5);
  row('  with --program: peak RSS', `${program.rss.toFixed(0)} MB`, '≤ 512 MB', program.rss <= 512);
}

const { perGap } = await checkPhase();
await perGapItem(perGap);
validation();
await startUp();
if (process.env.BENCH_SKIP_BATCH !== '1') await nationalBatch();
console.table(rows);
