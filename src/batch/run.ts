import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UnknownIdError } from '../diagnostic.js';
import { loadRuleFiles } from '../files.js';
import { knownRegions } from '../standard/region.js';
import { bundledPrograms, bundledStandards } from '../standard/registry.js';
import type { Standard } from '../standard/types.js';
import { openInput, type BatchFormat, type InputInfo } from '../input/open.js';
import type { Program } from '../program/types.js';
import type { Waiver } from '../waiver/schema.js';
import { emptyTally, evaluateRows, guardedRowEvaluator, mergeTally, today, type InputRow, type OutputRow, type RowContext, type RowDefaults, type Tally } from './rows.js';
import { mapColumns, sheetColumns, type ColumnOptions } from './sheet.js';
import type { ColumnMap } from '../input/column-map.js';
import type { SheetNote } from '../input/messages.js';
import { DuplicateIds, type DuplicateId } from './duplicates.js';
import { SummaryRowFilter, type SummaryRow } from './summary-rows.js';
import { openNdjsonBlocks, rereadBlock, type BlockJob, type NdjsonBlocks } from './blocks.js';
import { evaluateBlock, type BlockDone, type BlockRefused } from './block-rows.js';
import { figuresOf } from './portfolio.js';
import { formatOf } from '../input/open.js';

export type { BatchFormat, InputInfo } from '../input/open.js';

/**
 * Where a batch's rows come from: a stream in the format given, or the path of a file, whose
 * format its name tells (`.xlsx`, `.csv`, `.ndjson`/`.jsonl`, `.yaml`/`.yml`/`.json`) unless
 * `format` is given. See `BatchFormat` for what each format holds.
 */
export type BatchSource =
  | { readonly input: Readable; readonly format: BatchFormat }
  | { readonly input: string; readonly format?: BatchFormat };

export type BatchOptions = BatchSource & BatchSettings;

/**
 * What a batch did: its tally, what was read (a CSV's encoding, an xlsx's worksheet), the sheet
 * rows skipped as totals, and the facility ids several rows share. Every input row is one of:
 * evaluated, an error, empty (`input.emptyRows`), or a summary row.
 */
export interface BatchResult extends Tally {
  readonly input: InputInfo;
  readonly summaryRows: readonly SummaryRow[];
  readonly duplicates: readonly DuplicateId[];
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
  /**
   * `onRow` needs only what the programme figures read of each row (`figuresOf`: who and where
   * the facility is, each report's standing and waived requirements, the contributions), as a
   * portfolio that keeps no facilities: worker threads then send those instead of every row whole.
   */
  readonly rowFigures?: boolean;
  /** Ids of programmes whose targets each facility's contribution is worked out for. */
  readonly programs?: readonly string[];
  /** Waivers to apply; in force up to and including their expiry date. */
  readonly waivers?: readonly Waiver[];
  /** The day (YYYY-MM-DD) waivers are judged on; today by default. */
  readonly asOf?: string;
  /** Whether each report lists every requirement (`all`) or only those not met (`gaps`, the default). */
  readonly detail?: 'gaps' | 'all';
  /** What every row shares (`--type`, `--region`): filled in where a row leaves it empty. */
  readonly defaults?: RowDefaults;
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
  readonly defaults?: RowDefaults;
  readonly ambiguousIds?: readonly string[];
}

/** A worker's data: the context, and for blocks whether the main thread wants each row's `figuresOf` beside its line. */
export type WorkerSpec = ContextSpec & { readonly figures?: boolean };

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
      if (!found) throw new UnknownIdError(kind === 'standard' ? 'standard' : 'programme', id, [...known.keys()]);
      return found;
    });
  const chosenPrograms = spec.programs?.length ? pick('programme', spec.programs, programs) : [];
  return {
    chosen: pick('standard', spec.standards, available),
    available: [...available.values()],
    regions: knownRegions([...[...available.values()].map((s) => s.region), ...[...programs.values()].map((p) => p.region)]),
    ...(spec.defaults && { defaults: spec.defaults }),
    ...(spec.ambiguousIds?.length && { ambiguousIds: new Set(spec.ambiguousIds) }),
    ...(spec.header && { columns: sheetColumns(spec.header, spec.columnOptions) }),
    ...(chosenPrograms.length > 0 && { programs: chosenPrograms }),
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
  const workerUrl = new URL('./batch-worker.js', import.meta.url);
  const workers = options.workers && existsSync(fileURLToPath(workerUrl)) ? options.workers : 0;
  // NDJSON files go to the workers in blocks of bytes; anything else row by row.
  const blocks =
    workers > 0 && typeof options.input === 'string' && (options.format ?? formatOf(options.input)) === 'ndjson'
      ? await openNdjsonBlocks(options.input)
      : undefined;
  const opened = blocks ? undefined : await openInput(options.input, options.format, options.columnMap ? { map: options.columnMap } : {});
  const header = opened?.header;
  const columnOptions: ColumnOptions = {
    ...(options.strictColumns && { strictColumns: true }),
    ...(options.columnMap && { map: options.columnMap }),
  };
  const columnNotes = header ? mapColumns(header, columnOptions).notes : [];
  let spec: ContextSpec = {
    columnOptions,
    standards: options.standards ?? [],
    rules: options.rules ?? [],
    ...(header && { header }),
    ...(options.programs && { programs: options.programs }),
    ...(options.waivers && { waivers: options.waivers }),
    asOf: options.asOf ?? today(),
    ...(options.detail && { detail: options.detail }),
    ...(options.defaults && { defaults: options.defaults }),
  };
  if (options.waivers?.length && typeof options.input === 'string') {
    const ambiguousIds = await sharedIds(options.input, options.format, new Set(options.waivers.map((w) => w.facility)));
    if (ambiguousIds.length > 0) spec = { ...spec, ambiguousIds };
  }
  const context = await batchContext(spec);
  const summaryRows: SummaryRow[] = [];
  const duplicates = new DuplicateIds();
  const tally = emptyTally();
  const finished = (input: InputInfo): BatchResult => ({
    ...tally,
    input,
    notes: [...(input.notes ?? []), ...columnNotes],
    summaryRows,
    duplicates: duplicates.groups(),
  });
  const write = async (output: string | Uint8Array) => {
    if (!options.output.write(output)) await new Promise((resolve) => options.output.once('drain', resolve));
  };
  const deliverRows = (text: string) => {
    if (!options.onRow) return;
    for (const line of text.split('\n')) if (line !== '') options.onRow(JSON.parse(line) as OutputRow);
  };
  const start = (data: WorkerSpec) => () => new Worker(workerUrl, { workerData: data });

  if (blocks) {
    const path = options.input as string;
    const figures = options.onRow !== undefined && options.rowFigures === true;
    const retry = guardedRowEvaluator(context);
    const pool = new JobPool<BlockJob, BlockDone | BlockRefused>(
      workers,
      start({ ...spec, ...(figures && { figures }) }),
      (job) => evaluateBlock('block' in job ? { block: rereadBlock(path, job.block) } : job, retry, figures ? figuresOf : undefined),
      (job) => ('block' in job ? [job.block.bytes.buffer as ArrayBuffer] : []),
    );
    try {
      await pool.runJobs(blocks.jobs, async (done) => {
        if ('refused' in done) await blocks.refuse();
        else await deliverBlock(done);
      });
    } finally {
      await pool.close();
    }
    return finished({ format: 'ndjson', encoding: blocks.encoding() ?? 'utf-8', emptyRows: 0 });

    async function deliverBlock(done: BlockDone): Promise<void> {
      mergeTally(tally, done.tally);
      const bytes = duplicates.markBytes(done.bytes, done.keys);
      await write(bytes);
      if (done.figures !== undefined) for (const row of JSON.parse(done.figures) as OutputRow[]) options.onRow!(row);
      else if (options.onRow) deliverRows(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
      options.onProgress?.(tally.rows);
    }
  }

  const rows = opened!.rows;
  const pending = context.columns ? withoutSummaryRows(rows, new SummaryRowFilter(context.columns), summaryRows) : rows;
  const deliverChunk = async (done: ChunkDone) => {
    mergeTally(tally, done.tally);
    const text = duplicates.mark(done.text, done.keys);
    await write(text);
    deliverRows(text);
    options.onProgress?.(tally.rows);
  };
  if (workers === 0) {
    for await (const chunk of chunked(pending, chunkSize)) await deliverChunk(evaluateRows(chunk, context));
  } else {
    const pool = new WorkerPool(workers, start(spec), (rows) => evaluateRows(rows, context, guardedRowEvaluator(context)));
    try {
      await pool.run(pending, chunkSize, deliverChunk);
    } finally {
      await pool.close();
    }
  }
  return finished(opened!.info());
}

export type ChunkDone = ReturnType<typeof evaluateRows>;

/**
 * The ids among `wanted` (the waivers' facilities) that several rows of the input share: read
 * once before the batch, so that no row has such a waiver applied.
 */
async function sharedIds(path: string, format: BatchFormat | undefined, wanted: ReadonlySet<string>): Promise<string[]> {
  const opened = await openInput(path, format);
  const idColumn = opened.header ? sheetColumns(opened.header).findIndex((c) => c.path.length === 1 && c.path[0] === 'id') : -1;
  const seen = new Map<string, number>();
  for await (const row of opened.rows) {
    let id: unknown;
    if ('cells' in row) id = idColumn >= 0 ? row.cells[idColumn]?.trim() : undefined;
    else if ('line' in row) {
      try {
        id = (JSON.parse(row.line) as { id?: unknown } | null)?.id;
      } catch {}
    } else continue;
    if (typeof id === 'string' && wanted.has(id)) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** The rows without the sheet's summary rows (合计 …), which are collected apart. */
async function* withoutSummaryRows(rows: AsyncIterable<InputRow>, filter: SummaryRowFilter, found: SummaryRow[]): AsyncGenerator<InputRow> {
  for await (const row of rows) {
    const label = 'cells' in row ? filter.check(row.cells) : undefined;
    if (label === undefined) yield row;
    else found.push({ row: row.row, label });
  }
}

/** What the pool needs of a worker thread: a test passes its own. */
export interface PoolWorker<Job, Done> {
  postMessage(message: { id: number } & Job, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (message: { id: number } & Done) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export type ChunkWorker = PoolWorker<{ rows: InputRow[] }, ChunkDone>;

/**
 * Worker threads doing jobs, at most two jobs per worker queued, results handed back in order.
 * A worker that fails while doing a job (it ran out of memory, a row made it throw) loses no
 * row: its job is done again on this thread by `retry`, where only the offending row becomes an
 * error row, and a fresh worker takes its place. A worker that fails with no job (it could not
 * start) stops the batch. `transfer` names the memory a job hands over to its worker.
 */
export class JobPool<Job extends object, Done extends object> {
  private readonly results = new Map<number, Done>();
  private readonly idle: PoolWorker<Job, Done>[] = [];
  private readonly all = new Set<PoolWorker<Job, Done>>();
  private readonly busy = new Map<PoolWorker<Job, Done>, { id: number; job: Job }>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private closing = false;

  constructor(
    size: number,
    private readonly start: () => PoolWorker<Job, Done>,
    private readonly retry: (job: Job) => Done,
    private readonly transfer: (job: Job) => ArrayBuffer[] = () => [],
  ) {
    for (let i = 0; i < size; i++) this.add();
  }

  private add(): void {
    const worker = this.start();
    this.all.add(worker);
    this.idle.push(worker);
    worker.on('message', (message) => {
      this.busy.delete(worker);
      this.results.set(message.id, message);
      this.idle.push(worker);
      this.signal();
    });
    worker.on('error', (error) => this.lost(worker, error));
    // A worker that ends without an error event (process.exit in a dependency) is lost all the same.
    worker.on('exit', (code) => this.lost(worker, new Error(`a batch worker thread stopped (exit code ${code})`)));
  }

  private lost(worker: PoolWorker<Job, Done>, error: Error): void {
    if (this.closing || !this.all.has(worker)) return;
    const doing = this.busy.get(worker);
    this.all.delete(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at !== -1) this.idle.splice(at, 1);
    void worker.terminate();
    if (!doing) this.failure ??= error;
    else {
      this.results.set(doing.id, this.retry(doing.job));
      this.add();
    }
    this.signal();
  }

  private signal(): void {
    this.wake?.();
  }

  private waitForResult(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  async runJobs(jobs: AsyncIterable<Job>, deliver: (done: Done) => Promise<void>): Promise<void> {
    let next = 0;
    let sent = 0;
    const flush = async () => {
      while (this.results.has(next)) {
        const done = this.results.get(next)!;
        this.results.delete(next++);
        await deliver(done);
      }
    };
    for await (const job of jobs) {
      while (this.idle.length === 0 || sent - next >= this.all.size * 2) {
        if (this.failure) throw this.failure;
        if (!this.results.has(next)) await this.waitForResult();
        await flush();
      }
      const worker = this.idle.shift()!;
      const id = sent++;
      this.busy.set(worker, { id, job });
      worker.postMessage({ id, ...job }, this.transfer(job));
    }
    while (next < sent) {
      if (this.failure) throw this.failure;
      if (!this.results.has(next)) await this.waitForResult();
      await flush();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}

/** The pool for rows read one by one (sheets, NDJSON streams), in chunks of `chunkSize`. */
export class WorkerPool extends JobPool<{ rows: InputRow[] }, ChunkDone> {
  constructor(size: number, start: () => ChunkWorker, retry: (rows: InputRow[]) => ChunkDone) {
    super(size, start, (job) => retry(job.rows));
  }

  async run(rows: AsyncIterable<InputRow>, chunkSize: number, deliver: (done: ChunkDone) => Promise<void>): Promise<void> {
    await this.runJobs(
      (async function* () {
        for await (const chunk of chunked(rows, chunkSize)) yield { rows: chunk };
      })(),
      deliver,
    );
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
