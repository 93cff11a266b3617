// The one text decoder every input goes through: batch CSV and NDJSON, YAML and JSON files of
// records, rule files and waiver files.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError, overLimit } from './errors.js';
import { limits } from './limits.js';

/** The encodings an input is read in. GBK is read as its superset GB18030. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How far past the first non-ASCII byte the input is read before its encoding is decided. */
const lookahead = 64 * 1024;

const encodingNames: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK (GB18030)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/**
 * Decodes a byte stream, streaming. A BOM decides UTF-8, UTF-16LE or UTF-16BE at once (Excel's
 * "Unicode text" is UTF-16LE with a BOM). Without one the input is UTF-8 or GBK (GB18030): both
 * write ASCII as ASCII, so text is passed on as it comes while it is ASCII; at the first byte
 * above 0x7F up to 64 KB from there are held and tried as UTF-8: if they are valid UTF-8 the
 * whole input is UTF-8 (Chinese text in GBK is not valid UTF-8 beyond a character or two),
 * otherwise it is GB18030. So a GBK file whose first megabytes are ASCII is still read as GBK,
 * and nothing is decoded twice.
 *
 * Bytes that are invalid in the encoding decided (a file that mixes encodings, or bytes that
 * are neither UTF-8 nor GBK) are refused with the byte's offset: decoding them as U+FFFD would
 * change names and codes silently. A NUL character is refused too: the input is not text.
 */
export class TextDecoderSniffer {
  encoding: TextEncoding | undefined;
  private decoder: TextDecoder | undefined;
  private held: Buffer[] = [];
  private heldSize = 0;
  /** Bytes before the held ones (or, once decided, before the current chunk). */
  private offset = 0;
  private started = false;

  /** Decodes the next chunk; a string chunk is text already (read as UTF-8). */
  write(chunk: Buffer | Uint8Array | string): string {
    if (typeof chunk === 'string') {
      this.encoding ??= 'utf-8';
      const text = this.started ? chunk : chunk.replace(/^\uFEFF/, '');
      this.started = true;
      return this.checked(text);
    }
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.started) {
      // The first bytes decide a BOM; wait for three of them.
      if (this.heldSize + bytes.length < 3) {
        this.hold(bytes);
        return '';
      }
      this.started = true;
      bytes = Buffer.concat([...this.held, bytes]);
      this.held = [];
      this.heldSize = 0;
      if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03) {
        throw new InputError(
          'the file is a zip archive (an .xlsx workbook?), not text: name an Excel workbook .xlsx',
          '文件是 zip 压缩包（.xlsx 工作簿？），不是文本：Excel 工作簿请以 .xlsx 为扩展名',
          'INPUT_FORMAT',
        );
      }
      if (bytes[0] === 0xff && bytes[1] === 0xfe) this.decide('utf-16le');
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) this.decide('utf-16be');
      else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.decide('utf-8');
    }
    if (this.decoder) return this.decode(bytes, true);
    if (this.heldSize === 0) {
      const latin1 = bytes.toString('latin1');
      const first = latin1.search(/[\x80-\xff]/);
      if (first === -1) {
        const text = this.checked(latin1);
        this.offset += bytes.length;
        return text;
      }
      const ascii = this.checked(latin1.slice(0, first));
      this.offset += first;
      this.hold(bytes.subarray(first));
      return ascii + (this.heldSize >= lookahead ? this.settle(false) : '');
    }
    this.hold(bytes);
    return this.heldSize >= lookahead ? this.settle(false) : '';
  }

  /** The rest of the text, at the end of the input. */
  end(): string {
    if (!this.started) {
      // Fewer than three bytes in all.
      this.started = true;
      const bytes = Buffer.concat(this.held);
      this.held = [];
      this.heldSize = 0;
      return this.write(bytes) + this.end();
    }
    if (!this.decoder) return this.heldSize > 0 ? this.settle(true) : '';
    return this.decode(Buffer.alloc(0), false);
  }

  private hold(bytes: Buffer): void {
    this.held.push(Buffer.from(bytes));
    this.heldSize += bytes.length;
  }

  private decide(encoding: TextEncoding): void {
    this.encoding = encoding;
    // ignoreBOM: false strips the BOM of the encoding decided.
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  /** Decides the encoding on the bytes held, and decodes them. */
  private settle(final: boolean): string {
    const bytes = Buffer.concat(this.held);
    this.held = [];
    this.heldSize = 0;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = utf8.decode(bytes, { stream: !final });
    } catch {
      this.decide('gb18030');
      try {
        return this.decode(bytes, !final);
      } catch (error) {
        // Neither encoding reads the held bytes: name the first byte that is not UTF-8.
        this.encoding = undefined;
        throw new InputError(
          `byte ${this.offset + firstInvalidUtf8(bytes)} is neither UTF-8 nor GBK (GB18030) text: the file is damaged, mixes encodings, or is not text; save it again as UTF-8`,
          `第 ${this.offset + firstInvalidUtf8(bytes)} 字节既不是 UTF-8 也不是 GBK（GB18030）文本：文件已损坏、混用编码或不是文本；请另存为 UTF-8`,
          'INPUT_ENCODING',
        );
      }
    }
    this.encoding = 'utf-8';
    this.decoder = utf8;
    this.offset += bytes.length;
    return this.checked(text);
  }

  private decode(bytes: Buffer, stream: boolean): string {
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream });
    } catch {
      throw this.invalid(this.encoding === 'utf-8' ? Math.max(0, firstInvalidUtf8(bytes)) : 0);
    }
    this.offset += bytes.length;
    return this.checked(text);
  }

  private invalid(within: number): InputError {
    const which = encodingNames[this.encoding!];
    const at = this.offset + within;
    return new InputError(
      `the bytes after byte ${at} are not ${which}, though the text before them was read as ${which}: ` +
        'the file mixes encodings, or is not text; save it again as "CSV UTF-8"',
      `第 ${at} 字节之后的内容不是 ${which}，而前面的文本按 ${which} 读取：文件混用了编码或不是文本；请另存为“CSV UTF-8”`,
      'INPUT_ENCODING',
    );
  }

  private checked(text: string): string {
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      throw new InputError(
        `the file holds a NUL character (near byte ${this.offset}): it is not text`,
        `文件含有 NUL 字符（约第 ${this.offset} 字节）：不是文本文件`,
        'INPUT_ENCODING',
      );
    }
    return text;
  }
}

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence (bytes.length when all do, a cut sequence at the end included). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return bytes.length;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** The text of a stream decoded, as it comes. */
export async function* decodeStream(input: Readable, decoder: TextDecoderSniffer): AsyncGenerator<string> {
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** A whole text decoded, with the encoding it was read in. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decoder = new TextDecoderSniffer();
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? 'utf-8' };
}

/**
 * The bytes of a stream, up to `max`: more is refused, while reading, so a device or a pipe that
 * never ends (/dev/zero) is refused as soon as it passes the limit.
 */
export async function readBytes(
  input: Readable,
  max: number,
  limit: 'wholeFileBytes' | 'xlsxBytes',
  name: string,
  /** Checked on the first bytes (at least 4, when there are as many): a wrong start stops the reading there. */
  starts?: (bytes: Buffer) => boolean,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let checked = starts === undefined;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (!checked && size >= 4) {
      checked = true;
      if (!starts!(Buffer.concat([...chunks, bytes]))) {
        input.destroy();
        chunks.length = 0;
        return Buffer.concat([...chunks, bytes.subarray(0, 4)]);
      }
    }
    if (size > max) {
      input.destroy();
      throw tooLarge(limit, name);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limit: 'wholeFileBytes' | 'xlsxBytes', name: string) =>
  overLimit(limit, { en: `${name} is too large to read`, zh: `${name} 太大，无法读取` });

/** Refuses a regular file over `max` bytes before it is opened (devices and pipes are counted as they are read). */
export async function checkFileSize(path: string, limit: 'wholeFileBytes' | 'xlsxBytes'): Promise<void> {
  const info = await stat(path);
  if (info.isFile() && info.size > limits[limit]) throw tooLarge(limit, path);
}

/** A whole file read and decoded, within `limits.wholeFileBytes`. */
export async function readTextFile(path: string): Promise<{ text: string; encoding: TextEncoding }> {
  await checkFileSize(path, 'wholeFileBytes');
  return decodeBytes(await readBytes(createReadStream(path), limits.wholeFileBytes, 'wholeFileBytes', path));
}

/** A whole stream read and decoded, within `limits.wholeFileBytes`. */
export async function readTextStream(input: Readable, name: string): Promise<{ text: string; encoding: TextEncoding }> {
  return decodeBytes(await readBytes(input, limits.wholeFileBytes, 'wholeFileBytes', name));
}
