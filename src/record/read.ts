// Records from the text of a YAML or JSON file, for a caller that wants no zod loaded unless a
// record is refused (the CLI's `check`, whose start-up it is).
import { RecordError } from '../diagnostic.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { leanRecord } from './check.js';
import type { FacilityRecord } from './schema.js';

/** The parsed YAML or JSON of a records file; throws RecordError, with positions, for one that is neither. */
export function recordsSource(text: string, file: string): YamlSource {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) throw new RecordError({ en: `Cannot read ${file}:`, zh: `无法读取 ${file}：` }, parsed.diagnostics);
  return parsed.source;
}

/**
 * What `parseRecordsText` gives, the same records or the same RecordError: records the generated
 * validator accepts are not given to zod, which is loaded only to explain a refusal.
 */
export async function readRecordsText(text: string, file: string): Promise<FacilityRecord[]> {
  const source = recordsSource(text, file);
  const records = (Array.isArray(source.data) ? source.data : [source.data]).map(leanRecord);
  if (records.every((record) => record !== undefined)) return records;
  const { parseRecordsSource } = await import('./parse.js');
  return parseRecordsSource(source, file);
}
