import { message } from '../diagnostics/messages.js';
import { clip } from '../input/limits.js';
import { Diagnostic, RecordError } from '../diagnostic.js';
import type { YamlSource } from '../yaml-source.js';
import { diagnosticsFromZod, parseOptions } from '../zod-diagnostics.js';
import { invalidRecord, leanRecord } from './check.js';
import { recordsSource } from './read.js';
import { FacilityRecord } from './schema.js';
import { vocabularies } from './vocabulary.js';

export interface ParseRecordOptions {
  /** Named in error messages. */
  file?: string;
  /** The parsed YAML the record came from, so errors carry line and column. */
  source?: YamlSource;
}

/** Validates a facility record against the record contract; throws RecordError naming each bad field. */
export function parseRecord(input: unknown, options: ParseRecordOptions = {}): FacilityRecord {
  const lean = leanRecord(input);
  if (lean) return lean;
  const result = FacilityRecord.safeParse(input, parseOptions);
  if (result.success) {
    // zod drops a `__proto__` key from a record map rather than report it; the contract rejects it.
    const stray = strayEquipmentCodes(input);
    if (stray.length === 0) return result.data;
    throw new RecordError(
      invalidRecord(options.file),
      stray.map((code) => new Diagnostic(message('schema.unknown-equipment', { key: clip(code) }), { file: options.file, ...options.source?.locate(['equipment', code], true), path: `equipment.${code}` })),
    );
  }
  throw new RecordError(invalidRecord(options.file), diagnosticsFromZod(result.error.issues, options));
}

function strayEquipmentCodes(input: unknown): string[] {
  const equipment = (input as { equipment?: unknown } | null)?.equipment;
  if (equipment === null || typeof equipment !== 'object') return [];
  return Object.keys(equipment).filter((code) => !Object.hasOwn(vocabularies.equipment, code));
}

/**
 * Parses the text of a YAML or JSON file holding one facility record or a list of them, with
 * positions for every error.
 */
export function parseRecordsText(text: string, file: string): FacilityRecord[] {
  return parseRecordsSource(recordsSource(text, file), file);
}

/** The records of a parsed YAML or JSON file, each validated with its positions. */
export function parseRecordsSource(source: YamlSource, file: string): FacilityRecord[] {
  if (!Array.isArray(source.data)) return [parseRecord(source.data, { file, source })];
  return source.data.map((item, index) =>
    parseRecord(item, {
      file,
      source: { ...source, locate: (path, atKey) => source.locate([index, ...path], atKey) },
    }),
  );
}
