import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * A progress bar on one terminal line, redrawn at most ten times a second and erased when done:
 * `[██████░░░░░░]  52%  12,000 / 23,000 rows  3.1 s`. Without a total (a workbook is counted as it
 * is read), the rows done and the time.
 */
export function progressBar(write: (text: string) => void, total: number | undefined) {
  const started = Date.now();
  let drawn = 0;
  const width = 24;
  return {
    update(rows: number): void {
      const now = Date.now();
      if (now - drawn < 100) return;
      drawn = now;
      const seconds = `${((now - started) / 1000).toFixed(1)} s`;
      if (total === undefined || total === 0) {
        write(`\r${rows.toLocaleString('en')} rows  ${seconds}\x1b[K`);
        return;
      }
      const share = Math.min(1, rows / total);
      const filled = Math.round(share * width);
      write(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ` +
          `${rows.toLocaleString('en')} / ${total.toLocaleString('en')} rows  ${seconds}\x1b[K`,
      );
    },
    done(): void {
      write('\r\x1b[K');
    },
  };
}

/**
 * The number of lines in a file, counted as bytes stream by: the rows to expect in a CSV or NDJSON
 * file. Undefined for what is not a regular file (a pipe, a device): counting would drain it, or
 * never end.
 */
export async function countLines(path: string): Promise<number | undefined> {
  if (!(await stat(path)).isFile()) return undefined;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** The rows to expect in a batch input, when its lines can be counted: a CSV's header is not a row. */
export async function expectedRows(path: string, format: string): Promise<number | undefined> {
  if (format !== 'csv' && format !== 'ndjson') return undefined;
  const lines = await countLines(path);
  return lines === undefined ? undefined : lines - (format === 'csv' ? 1 : 0);
}
