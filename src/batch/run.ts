import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadRuleFiles } from '../files.js';
import { bundledPrograms, bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import { openInput, type BatchFormat, type InputInfo } from './input.js';
import type { Program } from '../program/types.js';
import type { Waiver } from '../waiver/schema.js';
import { emptyTally, evaluateRows, mergeTally, today, type InputRow, type OutputRow, type RowContext, type Tally } from './rows.js';
import { mapColumns, sheetColumns, type ColumnOptions } from './sheet.js';
import type { ColumnMap } from '../input/column-map.js';
import type { SheetNote } from '../input/messages.js';

export type { BatchFormat, InputInfo } from './input.js';

/**
 * Where a batch's rows come from: a stream in the format given, or the path of a file, whose
 * format its name tells (`.xlsx`, `.csv`, `.ndjson`/`.jsonl`, `.yaml`/`.yml`/`.json`) unless
 * `format` is given. See `BatchFormat` for what each format holds.
 */
export type BatchSource =
  | { readonly input: Readable; readonly format: BatchFormat }
  | { readonly input: string; readonly format?: BatchFormat };

export type BatchOptions = BatchSource & BatchSettings;

/** What a batch did: its tally, and what was read (a CSV's encoding, an xlsx's worksheet). */
export interface BatchResult extends Tally {
  readonly input: InputInfo;
  /** How a sheet was read: rows skipped above its header, columns ignored, read by synonym or not known. */
  readonly notes: readonly SheetNote[];
}

export interface BatchSettings {
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
  /** Called with each output row, in input order, after its chunk is written: to build a portfolio. */
  readonly onRow?: (row: OutputRow) => void;
  /** Ids of programmes whose targets each facility's contribution is worked out for. */
  readonly programs?: readonly string[];
  /** Waivers to apply; in force up to and including their expiry date. */
  readonly waivers?: readonly Waiver[];
  /** The day (YYYY-MM-DD) waivers are judged on; today by default. */
  readonly asOf?: string;
  /** Whether each report lists every requirement (`all`) or only those not met (`gaps`, the default). */
  readonly detail?: 'gaps' | 'all';
  /** Refuse a sheet with any column that does not fill a record field, instead of ignoring it. */
  readonly strictColumns?: boolean;
  /** A county's headers, each with the field its column fills (see loadColumnMap). */
  readonly columnMap?: ColumnMap;
}

/** What a worker needs to rebuild the batch's context on its own thread. */
interface ContextSpec {
  readonly standards: readonly string[];
  readonly rules: readonly string[];
  readonly header?: readonly string[];
  readonly columnOptions?: ColumnOptions;
  readonly programs?: readonly string[];
  readonly waivers?: readonly Waiver[];
  readonly asOf?: string;
  readonly detail?: 'gaps' | 'all';
}

/** The standards and sheet columns a batch evaluates with; throws for unknown ids or columns. */
export async function batchContext(spec: ContextSpec): Promise<RowContext> {
  const available = new Map<string, Standard>(bundledStandards());
  const programs = new Map<string, Program>(bundledPrograms());
  if (spec.rules.length > 0) {
    const loaded = await loadRuleFiles(spec.rules);
    for (const [id, s] of loaded.standards) available.set(id, s);
    for (const [id, p] of loaded.programs) programs.set(id, p);
  }
  const pick = <T>(kind: string, ids: readonly string[], known: ReadonlyMap<string, T>): T[] =>
    ids.map((id) => {
      const found = known.get(id);
      if (!found) throw new Error(`unknown ${kind} "${id}"; known: ${[...known.keys()].join(', ')}`);
      return found;
    });
  return {
    chosen: pick('standard', spec.standards, available),
    available: [...available.values()],
    ...(spec.header && { columns: sheetColumns(spec.header, spec.columnOptions) }),
    ...(spec.programs?.length && { programs: pick('programme', spec.programs, programs) }),
    ...(spec.waivers && { waivers: spec.waivers }),
    ...(spec.asOf !== undefined && { asOf: spec.asOf }),
    ...(spec.detail !== undefined && { detail: spec.detail }),
  };
}

/**
 * Evaluates every row of a batch input (NDJSON, CSV, xlsx, or a YAML or JSON list: see
 * `BatchFormat`) and writes one output line per row, in input order: its reports, or why it
 * could not be evaluated. Memory stays bounded for NDJSON and CSV: rows are read as the output
 * drains, in chunks, a few chunks in flight at a time (workbooks and YAML files are read whole).
 * Large inputs are spread over worker threads when the built package is in use. Throws
 * SheetError for a header or file that cannot be read at all, RecordError for a YAML file that
 * is not YAML.
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const chunkSize = options.chunkSize ?? 1000;
  const opened = await openInput(options.input, options.format, options.columnMap ? { map: options.columnMap } : {});
  const { header } = opened;
  const columnOptions: ColumnOptions = {
    ...(options.strictColumns && { strictColumns: true }),
    ...(options.columnMap && { map: options.columnMap }),
  };
  const notes = [...(opened.headerNotes ?? []), ...(header ? mapColumns(header, columnOptions).notes : [])];
  const spec: ContextSpec = {
    columnOptions,
    standards: options.standards ?? [],
    rules: options.rules ?? [],
    ...(header && { header }),
    ...(options.programs && { programs: options.programs }),
    ...(options.waivers && { waivers: options.waivers }),
    asOf: options.asOf ?? today(),
    ...(options.detail && { detail: options.detail }),
  };
  const context = await batchContext(spec);
  const pending = opened.rows;

  const tally = emptyTally();
  const write = async (text: string) => {
    if (!options.output.write(text)) await new Promise((resolve) => options.output.once('drain', resolve));
  };
  const deliverRows = (text: string) => {
    if (!options.onRow) return;
    for (const line of text.split('\n')) if (line !== '') options.onRow(JSON.parse(line) as OutputRow);
  };
  const workerUrl = new URL('./batch-worker.js', import.meta.url);
  const workers = options.workers && existsSync(fileURLToPath(workerUrl)) ? options.workers : 0;

  if (workers === 0) {
    for await (const chunk of chunked(pending, chunkSize)) {
      const done = evaluateRows(chunk, context);
      mergeTally(tally, done.tally);
      await write(done.text);
      deliverRows(done.text);
      options.onProgress?.(tally.rows);
    }
    return { ...tally, input: opened.info(), notes };
  }

  const pool = Array.from({ length: workers }, () => new Worker(workerUrl, { workerData: spec }));
  try {
    await inOrder(pending, chunkSize, pool, async (done) => {
      mergeTally(tally, done.tally);
      await write(done.text);
      deliverRows(done.text);
      options.onProgress?.(tally.rows);
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { ...tally, input: opened.info(), notes };
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
      // Results that came in while the next chunk was read are flushed, not waited for again.
      if (!results.has(next)) await waitForResult();
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
