import { RecordError } from '../diagnostic.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { diagnosticsFromZod, parseOptions } from '../zod-diagnostics.js';
import { FacilityRecord } from './schema.js';

export interface ParseRecordOptions {
  /** Named in error messages. */
  file?: string;
  /** The parsed YAML the record came from, so errors carry line and column. */
  source?: YamlSource;
}

/** Validates a facility record against the record contract; throws RecordError naming each bad field. */
export function parseRecord(input: unknown, options: ParseRecordOptions = {}): FacilityRecord {
  const result = FacilityRecord.safeParse(input, parseOptions);
  if (result.success) return result.data;
  const where = options.file ? ` in ${options.file}` : '';
  throw new RecordError(`Invalid facility record${where}:`, diagnosticsFromZod(result.error.issues, options));
}

/**
 * Parses the text of a YAML or JSON file holding one facility record or a list of them, with
 * positions for every error.
 */
export function parseRecordsText(text: string, file: string): FacilityRecord[] {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) throw new RecordError(`Cannot read ${file}:`, parsed.diagnostics);
  const { source } = parsed;
  if (!Array.isArray(source.data)) return [parseRecord(source.data, { file, source })];
  return source.data.map((item, index) =>
    parseRecord(item, {
      file,
      source: { ...source, locate: (path, atKey) => source.locate([index, ...path], atKey) },
    }),
  );
}
