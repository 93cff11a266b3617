// The batch with no rule work: the limit any design of `facility-standards batch` faces. Two
// threads each read their own byte range of the NDJSON input, JSON.parse every line, and
// JSON.stringify an output row of the size the batch writes (the template, given as a file
// holding one such row) for each, written to their own output file.
// node bench/no-rule-work.mjs <input.ndjson> <template-row.json> <output-prefix>
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const threads = 2;

if (isMainThread) {
  const [input, template, output] = process.argv.slice(2);
  const fd = openSync(input, 'r');
  const size = fstatSync(fd).size;
  // Cut at the first newline after each thread's share.
  const starts = [0];
  for (let t = 1; t < threads; t++) {
    const probe = Buffer.alloc(64 * 1024);
    let at = Math.floor((size * t) / threads);
    for (;;) {
      const n = readSync(fd, probe, 0, probe.length, at);
      const nl = probe.subarray(0, n).indexOf(10);
      if (nl >= 0 || n === 0) {
        at += nl + 1;
        break;
      }
      at += n;
    }
    starts.push(at);
  }
  closeSync(fd);
  const done = starts.map(
    (start, t) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), {
          workerData: { input, template, output: `${output}.${t}`, start, end: starts[t + 1] ?? size },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const rows = (await Promise.all(done)).reduce((a, b) => a + b, 0);
  console.log(rows);
} else {
  const { input, template, output, start, end } = workerData;
  const row = JSON.parse(readFileSync(template, 'utf8'));
  const fd = openSync(input, 'r');
  const out = openSync(output, 'w');
  const block = Buffer.alloc(1 << 20);
  let at = start;
  let rest = '';
  const decoder = new StringDecoder('utf8');
  let rows = 0;
  while (at < end) {
    const n = readSync(fd, block, 0, Math.min(block.length, end - at), at);
    if (n === 0) break;
    at += n;
    const lines = (rest + decoder.write(block.subarray(0, n))).split('\n');
    rest = lines.pop();
    const written = [];
    for (const line of lines) {
      if (line === '') continue;
      const record = JSON.parse(line);
      row.row = ++rows;
      row.id = record.id;
      written.push(JSON.stringify(row));
    }
    writeSync(out, `${written.join('\n')}\n`);
  }
  if (rest !== '') {
    JSON.parse(rest);
    writeSync(out, `${JSON.stringify(row)}\n`);
    rows++;
  }
  closeSync(fd);
  closeSync(out);
  (await import('node:worker_threads')).parentPort.postMessage(rows);
}
