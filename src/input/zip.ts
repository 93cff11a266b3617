// Reading the parts of a zip archive (an .xlsx workbook), bounded: the sizes the central
// directory declares are checked before anything is inflated, and inflating stops at them.
import { inflateRawSync } from 'node:zlib';
import { InputError, overLimit } from './errors.js';
import { limits } from './limits.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const notZip = (why: string) =>
  new InputError(
    `not an .xlsx workbook (${why}): save it from Excel or WPS as "Excel Workbook (*.xlsx)"`,
    `不是 .xlsx 工作簿（${why}）：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”`,
    'INPUT_FORMAT',
  );

/** Whether bytes start as a zip archive does. */
export const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The entries of a zip archive by name, from its central directory; refuses one over the limits. */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  if (!looksLikeZip(zip)) throw notZip('it is not a zip archive');
  // The end of central directory record: its signature within the last 64 KB + 22 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) throw notZip('the zip archive is cut short');
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw notZip('a ZIP64 archive');
  if (count > limits.xlsxEntries) throw overLimit('xlsxEntries', { en: `the workbook has ${count} parts`, zh: `工作簿有 ${count} 个部件` });
  if (directoryOffset + directorySize > end) throw notZip('its central directory is damaged');
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) throw notZip('its central directory is damaged');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    total += size;
    if (total > limits.xlsxUncompressedBytes) {
      throw overLimit('xlsxUncompressedBytes', { en: 'the workbook is too large uncompressed', zh: '工作簿解压后过大' });
    }
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated to at most the size the directory declares for it. */
export function zipEntryBytes(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw notZip(`the part ${entry.name} is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw notZip(`the part ${entry.name} is cut short`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw notZip(`the part ${entry.name} is compressed in an unknown way`);
  if (entry.size === 0) return Buffer.alloc(0);
  try {
    return inflateRawSync(data, { maxOutputLength: entry.size });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw overLimit('xlsxUncompressedBytes', {
        en: `the part ${entry.name} inflates past the size the workbook declares for it`,
        zh: `部件 ${entry.name} 解压后超过工作簿声明的大小`,
      });
    }
    throw notZip(`the part ${entry.name} cannot be inflated`);
  }
}
