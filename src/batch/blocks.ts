// An NDJSON file read in blocks of whole lines, for worker threads to decode and evaluate. The
// main thread never looks at a row: it cuts the bytes after a newline, counts the lines, and
// hands each block over (its memory moves to the worker, it is not copied).
import { isAscii } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { TextDecoderSniffer } from '../input/decode.js';
import { limits } from '../input/limits.js';
import { tooLongLine } from '../input/ndjson.js';
import type { InputRow } from './rows.js';

/** The encodings a block is decoded in: the two that never use the byte of a newline inside a character. */
export type BlockEncoding = 'utf-8' | 'gb18030';

/** Whole NDJSON lines (the file's last one may have no newline), the first of them line `firstRow`. */
export interface ByteBlock {
  readonly bytes: Uint8Array;
  readonly firstRow: number;
  readonly encoding: BlockEncoding;
  /** Where the bytes are in the file, to read them again when the worker they were handed to is lost. */
  readonly from: number;
  readonly to: number;
  /** Where three bytes of a BOM were left out of them. */
  readonly bomAt?: number;
}

/** A unit of work: a block, or rows the main thread read itself (a line too long to hand over). */
export type BlockJob = { readonly block: ByteBlock } | { readonly read: readonly InputRow[] };

/** An NDJSON file opened for reading in blocks. */
export interface NdjsonBlocks {
  readonly jobs: AsyncIterable<BlockJob>;
  /** The encoding the file is read in, once it is known (undefined while every byte so far is ASCII). */
  encoding(): BlockEncoding | undefined;
  /**
   * Throws what the one decoder throws on this file, for a block found not to be text in its
   * encoding: the same message, with the same byte offset, as reading it as a stream gives.
   */
  refuse(): Promise<never>;
}

const newline = 0x0a;
const noBytes = new Uint8Array(0);

/**
 * Opens an NDJSON file for reading in blocks of about `blockSize` bytes, or gives undefined when
 * the file is not one the blocks can be cut from (not a regular file, a UTF-16 BOM, a zip
 * archive, a file of under four bytes): it is then read as a stream.
 */
export async function openNdjsonBlocks(path: string, blockSize = 1 << 20, max: number = limits.lineChars): Promise<NdjsonBlocks | undefined> {
  const handle = await open(path, 'r');
  const head = new Uint8Array(3);
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size < 4) throw undefined;
    await handle.read(head, 0, 3, 0);
    const [a, b, c] = head;
    if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0x50 && b === 0x4b && c === 0x03)) throw undefined;
  } catch (error) {
    await handle.close();
    if (error === undefined) return undefined;
    throw error;
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const reader = new BlockReader(path, handle, blockSize, max, bom);
  return { jobs: reader.jobs(), encoding: () => reader.encoding, refuse: () => refuse(path) };
}

class BlockReader {
  encoding: BlockEncoding | undefined;
  /** A line this many bytes long is over `max` characters whatever its characters (GB18030 spends at most four bytes on one). */
  private readonly longLine: number;

  constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly blockSize: number,
    private readonly max: number,
    private readonly bom: boolean,
  ) {
    this.longLine = 4 * (max + 1);
    // The decoder strips a UTF-8 BOM at the start and reads the rest as UTF-8.
    if (bom) this.encoding = 'utf-8';
  }

  async *jobs(): AsyncGenerator<BlockJob> {
    let position = this.bom ? 3 : 0;
    /** The unfinished line at the end of the bytes read so far. */
    let carry: Uint8Array = noBytes;
    /** Lines before the next block. */
    let row = 0;
    try {
      for (;;) {
        const buffer = new Uint8Array(Math.max(this.blockSize, carry.length * 2));
        buffer.set(carry);
        const { bytesRead } = await this.handle.read(buffer, carry.length, buffer.length - carry.length, position);
        position += bytesRead;
        const filled = carry.length + bytesRead;
        if (bytesRead === 0) {
          if (filled > 0) yield { block: await this.block(buffer.subarray(0, filled), position - filled, row + 1) };
          return;
        }
        const end = Buffer.from(buffer.buffer, 0, filled).lastIndexOf(newline) + 1;
        if (end === 0) {
          if (filled <= this.longLine) carry = buffer.subarray(0, filled);
          else {
            const after = await this.skipLine(buffer.subarray(0, filled), position);
            yield { read: [{ row: ++row, problem: tooLongLine(this.max) }] };
            position = after.position;
            carry = after.rest;
          }
          continue;
        }
        // A copy: the buffer goes to a worker.
        carry = buffer.slice(end, filled);
        const bytes = buffer.subarray(0, end);
        const block = await this.block(bytes, position - filled, row + 1);
        row += countNewlines(bytes);
        yield { block };
      }
    } finally {
      await this.handle.close();
    }
  }

  private async block(bytes: Uint8Array, from: number, firstRow: number): Promise<ByteBlock> {
    const at = { from, to: from + bytes.length, firstRow };
    if (this.encoding !== undefined || isAscii(bytes)) return { bytes, encoding: this.encoding ?? 'utf-8', ...at };
    this.encoding = await decidedEncoding(this.path);
    // The decoder reads the bytes from the first that is not ASCII with a fresh UTF-8 decoder, which drops a BOM there.
    const first = bytes.findIndex((byte) => byte > 0x7f);
    const bom = this.encoding === 'utf-8' && bytes[first] === 0xef && bytes[first + 1] === 0xbb && bytes[first + 2] === 0xbf;
    return bom ? { bytes: withoutBom(bytes, first), encoding: this.encoding, ...at, bomAt: first } : { bytes, encoding: this.encoding, ...at };
  }

  /**
   * Reads on to the end of a line too long to keep, checking that its bytes are text, and gives
   * where reading goes on and the bytes after its newline.
   */
  private async skipLine(start: Uint8Array, position: number): Promise<{ position: number; rest: Uint8Array }> {
    let decoder: TextDecoder | undefined;
    const check = async (bytes: Uint8Array, final: boolean) => {
      if (this.encoding === undefined && !isAscii(bytes)) this.encoding = await decidedEncoding(this.path);
      if (this.encoding === undefined) return;
      decoder ??= new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
      try {
        decoder.decode(bytes, { stream: !final });
      } catch {
        await refuse(this.path);
      }
    };
    const nul = (bytes: Uint8Array) => (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1 ? refuse(this.path) : undefined);
    await nul(start);
    await check(start, false);
    const buffer = new Uint8Array(this.blockSize);
    for (;;) {
      const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, position);
      position += bytesRead;
      if (bytesRead === 0) {
        await check(noBytes, true);
        return { position, rest: noBytes };
      }
      const read = buffer.subarray(0, bytesRead);
      const at = Buffer.from(buffer.buffer, 0, bytesRead).indexOf(newline);
      const line = at === -1 ? read : read.subarray(0, at);
      await nul(line);
      await check(line, at !== -1);
      if (at !== -1) return { position, rest: read.slice(at + 1) };
    }
  }
}

const withoutBom = (bytes: Uint8Array, at: number): Uint8Array => {
  const out = new Uint8Array(bytes.length - 3);
  out.set(bytes.subarray(0, at));
  out.set(bytes.subarray(at + 3), at);
  return out;
};

/** A block's bytes read again from the file (those handed over are gone with the worker they went to). */
export function rereadBlock(path: string, block: ByteBlock): ByteBlock {
  const bytes = new Uint8Array(block.to - block.from);
  const fd = openSync(path, 'r');
  try {
    for (let done = 0; done < bytes.length; ) {
      const n = readSync(fd, bytes, done, bytes.length - done, block.from + done);
      if (n === 0) throw new Error(`${path} changed while it was read / 文件在读取过程中被改动`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return { ...block, bytes: block.bomAt === undefined ? bytes : withoutBom(bytes, block.bomAt) };
}

function countNewlines(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = view.indexOf(newline); at !== -1; at = view.indexOf(newline, at + 1)) count++;
  return count;
}

/** The encoding the one decoder decides on for the file, reading it from the start as far as it needs to. */
async function decidedEncoding(path: string): Promise<BlockEncoding> {
  const decoder = new TextDecoderSniffer();
  let decided = false;
  for await (const chunk of createReadStream(path)) {
    decoder.write(chunk as Buffer);
    if (decoder.encoding !== undefined) {
      decided = true;
      break;
    }
  }
  if (!decided) decoder.end();
  return decoder.encoding === 'gb18030' ? 'gb18030' : 'utf-8';
}

/** Reads the file through the one decoder, which throws on the first byte it refuses. */
async function refuse(path: string): Promise<never> {
  const decoder = new TextDecoderSniffer();
  for await (const chunk of createReadStream(path)) decoder.write(chunk as Buffer);
  decoder.end();
  throw new Error(`${path}: a block of the file was refused though the file decodes / 文件能解码，但其中一块被拒绝`);
}
