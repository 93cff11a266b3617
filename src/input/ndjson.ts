// NDJSON: one JSON record per line, decoded by the one decoder, each line within limits.lineChars.
import type { Readable } from 'node:stream';
import type { InputRow } from '../batch/rows.js';
import { decodeStream, TextDecoderSniffer } from './decode.js';
import { limits } from './limits.js';

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
    const result: InputRow | undefined = tooLong
      ? { row, problem: `the line is longer than ${max.toLocaleString('en')} characters (limit lineChars) / 该行超过 ${max.toLocaleString('en')} 个字符（上限 lineChars）` }
      : text.trim() === ''
        ? undefined
        : { row, line: text };
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
