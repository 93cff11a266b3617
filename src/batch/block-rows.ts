// A block of NDJSON lines evaluated where it is: decoded, each row evaluated, the output encoded.
import { forEachNdjsonRow } from '../input/ndjson.js';
import type { BlockJob } from './blocks.js';
import { emptyTally, type InputRow, type OutputRow, type RowEvaluator, type Tally } from './rows.js';

/** The rows with a facility id among a block's output: their row, id, and the byte their line starts at. */
export interface BlockKeys {
  readonly rows: Int32Array;
  readonly ids: readonly string[];
  readonly starts: Int32Array;
}

/** What a block comes to: its output lines as UTF-8, in order, with their tally and keys. */
export interface BlockDone {
  readonly bytes: Uint8Array;
  readonly tally: Tally;
  readonly keys: BlockKeys;
  /** The rows as `figures` gave them, as a JSON list, when asked for. */
  readonly figures?: string;
}

/** A block whose bytes are not text in its encoding (or hold a NUL): the batch is refused. */
export interface BlockRefused {
  readonly refused: true;
}

/**
 * Decodes a block, evaluates its rows and encodes their output lines; gives BlockRefused for
 * bytes that are not text. `figures`, when given, is what the main thread is sent of each row
 * beside its line.
 */
export function evaluateBlock(job: BlockJob, evaluate: RowEvaluator, figures?: (row: OutputRow) => unknown): BlockDone | BlockRefused {
  const out = new OutputLines('block' in job ? job.block.bytes.length * 2 : 4096);
  const tally = emptyTally();
  const picked: unknown[] = [];
  const each = (input: InputRow) => {
    const output = evaluate(input, tally);
    out.add(output);
    if (figures) picked.push(figures(output));
  };
  if ('read' in job) job.read.forEach(each);
  else {
    const { bytes, firstRow, encoding } = job.block;
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1) return { refused: true };
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { refused: true };
    }
    forEachNdjsonRow(text, firstRow, each);
  }
  return { ...out.done(), tally, ...(figures && { figures: JSON.stringify(picked) }) };
}

const encoder = new TextEncoder();

/** Output lines encoded as they come into one growing buffer, with the keys of the rows that have an id. */
class OutputLines {
  private buffer: Uint8Array;
  private used = 0;
  private readonly rows: number[] = [];
  private readonly ids: string[] = [];
  private readonly starts: number[] = [];

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  add(output: OutputRow): void {
    const line = JSON.stringify(output);
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    const room = line.length * 3 + 1;
    if (this.used + room > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.used + room));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    const id = 'facility' in output ? output.facility.id : undefined;
    if (id !== undefined) {
      this.rows.push(output.row);
      this.ids.push(id);
      this.starts.push(this.used);
    }
    this.used += encoder.encodeInto(line, this.buffer.subarray(this.used)).written;
    this.buffer[this.used++] = 0x0a;
  }

  done(): { bytes: Uint8Array; keys: BlockKeys } {
    return {
      bytes: this.buffer.subarray(0, this.used),
      keys: { rows: Int32Array.from(this.rows), ids: this.ids, starts: Int32Array.from(this.starts) },
    };
  }
}
