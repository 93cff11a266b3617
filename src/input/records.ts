// YAML and JSON files holding a list of records, read whole within limits.wholeFileBytes.
import type { Readable } from 'node:stream';
import { message } from '../diagnostics/messages.js';
import { RecordError } from '../diagnostic.js';
import type { InputRow } from '../batch/rows.js';
import { parseRecord } from '../record/parse.js';
import { parseYamlSource } from '../yaml-source.js';
import { readTextStream, type TextEncoding } from './decode.js';

/**
 * A YAML or JSON file holding a list of records (or one record), read whole. Each element is a
 * row numbered from 1; an element that is not a valid record is an error row whose problems
 * carry the line and column in the file, and the others are evaluated. A file that is not YAML
 * at all throws RecordError.
 */
export async function readRecordsInput(input: Readable, file: string): Promise<{ rows: InputRow[]; encoding: TextEncoding }> {
  const { text, encoding } = await readTextStream(input, file);
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) throw new RecordError(`Cannot read ${file}:`, parsed.diagnostics);
  const { source } = parsed;
  const list = Array.isArray(source.data);
  const items: unknown[] = list ? (source.data as unknown[]) : source.data === null || source.data === undefined ? [] : [source.data];
  const rows = items.map((item, index): InputRow => {
    const row = index + 1;
    try {
      parseRecord(item, {
        file,
        source: list ? { ...source, locate: (path, atKey) => source.locate([index, ...path], atKey) } : source,
      });
      return { row, line: JSON.stringify(item) };
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      return {
        row,
        problem: message('row.invalid-record', {}),
        problems: error.diagnostics.map((d) => ({
          where: d.path,
          message: d.message,
          code: d.code,
          zh: d.text.zh,
          ...(d.line !== undefined && { line: d.line, column: d.column }),
        })),
      };
    }
  });
  return { rows, encoding };
}
