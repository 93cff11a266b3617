// NDJSON: one JSON record per line, decoded by the one decoder, each line within limits.lineChars.
import type { Readable } from 'node:stream';
import { message, type Message } from '../diagnostics/messages.js';
import type { InputRow } from '../batch/rows.js';
import { decodeStream, TextDecoderSniffer } from './decode.js';
import { limits } from './limits.js';

/** The problem of a line longer than `max` characters. */
export const tooLongLine = (max: number): Message => message('row.line-too-long', { max: max.toLocaleString('en') });

/**
 * The rows of an NDJSON stream, numbered by line; blank lines are not rows. A line longer than
 * `limits.lineChars` is an error row (its text is not kept), and reading goes on at the next line.
 */
export async function* ndjsonRows(input: Readable, decoder: TextDecoderSniffer, max: number = limits.lineChars): AsyncGenerator<InputRow> {
  let row = 0;
  let line = '';
  let tooLong = false;
  const finish = (): InputRow | undefined => {
    row++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const result: InputRow | undefined = tooLong ? { row, problem: tooLongLine(max) } : text.trim() === '' ? undefined : { row, line: text };
    line = '';
    tooLong = false;
    return result;
  };
  for await (const text of decodeStream(input, decoder)) {
    let from = 0;
    for (let at = text.indexOf('\n'); ; at = text.indexOf('\n', from)) {
      const piece = text.slice(from, at === -1 ? text.length : at);
      if (!tooLong) {
        if (line.length + piece.length > max + 1) {
          tooLong = true;
          line = '';
        } else line += piece;
      }
      if (at === -1) break;
      const done = finish();
      if (done) yield done;
      from = at + 1;
    }
  }
  if (line !== '' || tooLong) {
    const done = finish();
    if (done) yield done;
  }
}

/**
 * The rows of whole NDJSON lines already decoded (a block of a file cut after a newline, or its
 * last line), numbered from `firstRow`, exactly as `ndjsonRows` numbers and reads them.
 */
export function forEachNdjsonRow(text: string, firstRow: number, each: (row: InputRow) => void, max: number = limits.lineChars): void {
  let row = firstRow;
  for (let from = 0; from < text.length; row++) {
    let at = text.indexOf('\n', from);
    if (at === -1) at = text.length;
    // The length with a carriage return, as ndjsonRows measures it.
    if (at - from > max + 1) each({ row, problem: tooLongLine(max) });
    else {
      const line = text.charCodeAt(at - 1) === 13 && at > from ? text.slice(from, at - 1) : text.slice(from, at);
      if (line.trim() !== '') each({ row, line });
    }
    from = at + 1;
  }
}
