import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import { loadRuleFiles } from '../files.js';
import { bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import { emptyTally, evaluateRows, mergeTally, type InputRow, type RowContext, type Tally } from './rows.js';
import { sheetColumns } from './sheet.js';

export type BatchFormat = 'ndjson' | 'csv';

export interface BatchOptions {
  readonly input: Readable;
  readonly format: BatchFormat;
  /** Receives one NDJSON line per input row, in input order. */
  readonly output: Writable;
  /** Ids of the standards to apply; by default, those for each record's type and region. */
  readonly standards?: readonly string[];
  /** Rule files or directories to load beside the bundled standards. */
  readonly rules?: readonly string[];
  /** Worker threads to evaluate on; 0 evaluates on this thread. */
  readonly workers?: number;
  /** Rows per unit of work. */
  readonly chunkSize?: number;
  /** Called after each chunk is written, with the rows done so far. */
  readonly onProgress?: (rows: number) => void;
}

/** What a worker needs to rebuild the batch's context on its own thread. */
interface ContextSpec {
  readonly standards: readonly string[];
  readonly rules: readonly string[];
  readonly header?: readonly string[];
}

/** The standards and sheet columns a batch evaluates with; throws for unknown ids or columns. */
export async function batchContext(spec: ContextSpec): Promise<RowContext> {
  const available = new Map<string, Standard>(bundledStandards());
  if (spec.rules.length > 0) for (const [id, s] of (await loadRuleFiles(spec.rules)).standards) available.set(id, s);
  const chosen = spec.standards.map((id) => {
    const standard = available.get(id);
    if (!standard) throw new Error(`unknown standard "${id}"; known: ${[...available.keys()].join(', ')}`);
    return standard;
  });
  return { chosen, available: [...available.values()], ...(spec.header && { columns: sheetColumns(spec.header) }) };
}

/**
 * Evaluates every row of an NDJSON or CSV stream and writes one output line per row, in input
 * order: its reports, or why it could not be evaluated. Memory stays bounded: rows are read as
 * the output drains, in chunks, a few chunks in flight at a time. Large inputs are spread over
 * worker threads when the built package is in use.
 */
export async function runBatch(options: BatchOptions): Promise<Tally> {
  const chunkSize = options.chunkSize ?? 1000;
  const rows = options.format === 'csv' ? csvRows(options.input) : ndjsonRows(options.input);
  const first = await rows.next();
  let header: readonly string[] | undefined;
  if (options.format === 'csv' && !first.done) {
    if (!('cells' in first.value)) throw new Error(`row 1, the header, cannot be read: ${'problem' in first.value ? first.value.problem : ''}`);
    header = first.value.cells;
  }
  const spec: ContextSpec = { standards: options.standards ?? [], rules: options.rules ?? [], ...(header && { header }) };
  const context = await batchContext(spec);
  const pending = options.format === 'csv' || first.done ? rows : prepend(first.value, rows);

  const tally = emptyTally();
  const write = async (text: string) => {
    if (!options.output.write(text)) await new Promise((resolve) => options.output.once('drain', resolve));
  };
  const workerUrl = new URL('./batch-worker.js', import.meta.url);
  const workers = options.workers && existsSync(fileURLToPath(workerUrl)) ? options.workers : 0;

  if (workers === 0) {
    for await (const chunk of chunked(pending, chunkSize)) {
      const done = evaluateRows(chunk, context);
      mergeTally(tally, done.tally);
      await write(done.text);
      options.onProgress?.(tally.rows);
    }
    return tally;
  }

  const pool = Array.from({ length: workers }, () => new Worker(workerUrl, { workerData: spec }));
  try {
    await inOrder(pending, chunkSize, pool, async (done) => {
      mergeTally(tally, done.tally);
      await write(done.text);
      options.onProgress?.(tally.rows);
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return tally;
}

type ChunkDone = { text: string; tally: Tally };

/** Spreads chunks over the workers, at most two per worker in flight, and hands results back in order. */
async function inOrder(
  rows: AsyncIterable<InputRow>,
  chunkSize: number,
  pool: Worker[],
  deliver: (done: ChunkDone) => Promise<void>,
): Promise<void> {
  const results = new Map<number, ChunkDone>();
  const idle = [...pool];
  let next = 0;
  let sent = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => wake?.();
  const waitForResult = () => new Promise<void>((resolve) => (wake = resolve));

  for (const worker of pool) {
    worker.on('message', (message: { id: number } & ChunkDone) => {
      results.set(message.id, message);
      idle.push(worker);
      signal();
    });
    worker.on('error', (error) => {
      failure = error;
      signal();
    });
  }

  const flush = async () => {
    while (results.has(next)) {
      const done = results.get(next)!;
      results.delete(next++);
      await deliver(done);
    }
  };

  for await (const chunk of chunked(rows, chunkSize)) {
    while (idle.length === 0 || sent - next >= pool.length * 2) {
      if (failure) throw failure;
      await waitForResult();
      await flush();
    }
    idle.shift()!.postMessage({ id: sent++, rows: chunk });
  }
  while (next < sent) {
    if (failure) throw failure;
    if (!results.has(next)) await waitForResult();
    await flush();
  }
}

async function* chunked(rows: AsyncIterable<InputRow>, size: number): AsyncGenerator<InputRow[]> {
  let chunk: InputRow[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function* prepend(first: InputRow, rest: AsyncIterable<InputRow>): AsyncGenerator<InputRow> {
  yield first;
  yield* rest;
}

/** NDJSON: one record per line, numbered by line; blank lines are not rows. */
async function* ndjsonRows(input: Readable): AsyncGenerator<InputRow> {
  let row = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    row++;
    if (line.trim() !== '') yield { row, line: row === 1 ? line.replace(/^\uFEFF/, '') : line };
  }
}

/**
 * CSV: the header then one facility per row, numbered as a spreadsheet numbers them (header = 1).
 * A record that cannot be parsed is a row with its problem, so that no row goes missing; stray
 * quotes inside a cell are read as text.
 */
async function* csvRows(input: Readable): AsyncGenerator<InputRow> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, info: true }),
  );
  // Skipped records by the number of records read before each: rows are numbered across both.
  const skipped: { before: number; message: string }[] = [];
  parser.on('skip', (error: Error & { records: number }) => {
    skipped.push({ before: error.records, message: error.message });
  });
  let given = 0;
  const skipRow = () => {
    const { message } = skipped[given]!;
    given++;
    return { row: skipped[given - 1]!.before + given, problem: `cannot be read as CSV: ${message}` };
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
    while (given < skipped.length && skipped[given]!.before < info.records) yield skipRow();
    yield { row: info.records + given, cells: record };
  }
  while (given < skipped.length) yield skipRow();
}
