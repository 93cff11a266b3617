// npm run bench: throughput of the evaluation paths, single-record latency, input costs, load
// time, and the national batch end to end. Figures are medians of several runs on this machine.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledStandard, evaluateRecord, evaluateRecordSync, evaluateSync, parseRecord, type FacilityRecord } from '../src/index.js';
import { checkVillageClinic } from './hand-written-village-clinic.js';
import { realisticClinics } from './realistic.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const standard = bundledStandard('changzhi/village-clinic');

async function recordsPerSecond(records: FacilityRecord[], run: (r: FacilityRecord) => unknown, runs = 5): Promise<number> {
  const rates: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    for (const record of records) {
      const out = run(record);
      if (out instanceof Promise) await out;
    }
    rates.push(records.length / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

async function main() {
  const inputs = realisticClinics(100_000);
  const records = inputs.map((r) => parseRecord(r));
  const gaps = records.slice(0, 1000).reduce((n, r) => n + evaluateRecordSync(r, standard).counts.gap, 0) / 1000;
  console.log(`changzhi/village-clinic: ${standard.requirements.length} requirements; realistic records average ${gaps.toFixed(2)} gaps each\n`);

  // Warm up every path before measuring.
  for (const r of records.slice(0, 2000)) {
    evaluateRecordSync(r, standard);
    checkVillageClinic(r);
  }
  for (const r of records.slice(0, 500)) await evaluateRecord(r, standard, { engine: 'json-rules-engine' });

  const engine = await recordsPerSecond(records.slice(0, 10_000), (r) => evaluateRecord(r, standard, { engine: 'json-rules-engine' }), 3);
  const compiled = await recordsPerSecond(records, (r) => evaluateRecordSync(r, standard));
  const hand = await recordsPerSecond(records, (r) => checkVillageClinic(r));
  console.log('check phase (validated records, complete gap lists)');
  console.table({
    '(a) json-rules-engine': { 'records/s': fmt(engine) },
    '(b) compiled': { 'records/s': fmt(compiled) },
    '(c) hand-written': { 'records/s': fmt(hand) },
  });
  console.log(`b/c = ${((compiled / hand) * 100).toFixed(0)} %   b/a = ${(compiled / engine).toFixed(1)}×\n`);

  const lines = inputs.slice(0, 50_000).map((r) => JSON.stringify(r));
  const parseOnly: number[] = [];
  const parseValidate: number[] = [];
  for (let k = 0; k < 5; k++) {
    let start = performance.now();
    for (const line of lines) JSON.parse(line);
    parseOnly.push(((performance.now() - start) * 1000) / lines.length);
    start = performance.now();
    for (const line of lines) parseRecord(JSON.parse(line));
    parseValidate.push(((performance.now() - start) * 1000) / lines.length);
  }
  console.log(`input per record: JSON.parse ${median(parseOnly).toFixed(1)} µs, + zod validation ${(median(parseValidate) - median(parseOnly)).toFixed(1)} µs`);

  const one = inputs[42]!;
  const latencies: number[] = [];
  for (let k = 0; k < 20_000; k++) {
    const start = performance.now();
    evaluateSync(one, standard);
    latencies.push((performance.now() - start) * 1000);
  }
  console.log(`one record, validated and evaluated after load (evaluateSync): median ${median(latencies).toFixed(1)} µs`);

  const loads: number[] = [];
  for (let k = 0; k < 5; k++) {
    const child = spawnSync(process.execPath, [
      '--input-type=module',
      '-e',
      "const lib = await import(process.cwd() + '/dist/index.js'); const t = performance.now(); lib.bundledStandards(); lib.bundledLadders(); console.log(performance.now() - t);",
    ], { encoding: 'utf8' });
    loads.push(Number(child.stdout.trim()));
  }
  console.log(`loading all bundled standards and ladders: median ${median(loads).toFixed(0)} ms\n`);

  await nationalBatch();
}

/** 580,000 generated village clinics through `facility-standards batch`, end to end. */
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
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let k = 0; k < 3; k++) {
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, 'dist/cli.js', 'batch', file, '--standard', 'changzhi/village-clinic', '--output', output], {
      encoding: 'utf8',
    });
    const [wall, kb] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    walls.push(wall!);
    peaks.push(kb! / 1024);
  }
  console.log(
    `national batch: 580,000 village clinics (${(statSync(file).size / 1e6).toFixed(0)} MB NDJSON) → ${(statSync(output).size / 1e6).toFixed(0)} MB of reports: ` +
      `median ${median(walls).toFixed(1)} s wall, peak RSS ${median(peaks).toFixed(0)} MB`,
  );
}

await main();
