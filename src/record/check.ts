// Record validation without zod, for the per-standard modules a page bundles on their own.
import { Diagnostic, formatPath, RecordError } from '../diagnostic.js';
import { message, type Message } from '../diagnostics/messages.js';
import { kinds, show } from '../diagnostics/values.js';
import { leanRecordCopy, leanRecordProblem } from '../generated/record-validator.js';
import { codeListWords, staffOverOnPost } from './contract.js';
import type { FacilityRecord } from './schema.js';

/** The first rule of the record contract a record breaks, as the generated validator found it. */
export interface LeanRecordProblem {
  readonly path: readonly string[];
  readonly rule: 'type' | 'plain-object' | 'unknown-key' | 'code-list' | 'one-of' | 'minimum' | 'maximum';
  readonly value: unknown;
  /** For `type`: object, array, string, boolean, number or integer. */
  readonly expected?: string;
  /** For `unknown-key`: the key. */
  readonly key?: string;
  /** For `code-list` and `one-of`: the codes allowed. */
  readonly allowed?: ReadonlySet<string>;
  /** For `minimum` and `maximum`. */
  readonly limit?: number;
}

/**
 * Validates a facility record against the record contract with the validator generated from it
 * at build time alone, without loading zod: the same verdict as `parseRecord` (a property test
 * holds them to it) for JSON data and plain objects. A refused record throws RecordError naming
 * the first field found wrong, where `parseRecord` names every one; an object of a class (not a
 * plain one) is refused here and accepted there.
 */
export function checkRecord(input: unknown): FacilityRecord {
  const copy = leanRecordCopy(input) as FacilityRecord | undefined;
  if (!copy) throw new RecordError(invalidRecord(), [problemDiagnostic(leanRecordProblem()!)]);
  const over = staffOverOnPost(copy.staff);
  if (over.length === 0) return copy;
  throw new RecordError(
    invalidRecord(),
    over.map(
      (part) => new Diagnostic(message('record.more-than-on-post', { part, n: copy.staff![part]!, onPost: copy.staff!.onPost! }), { path: `staff.${part}` }),
    ),
  );
}

/**
 * The record checked and copied by the validator generated from the contract at build time, when
 * it accepts it: ≈ 3× quicker than zod. What it refuses, `parseRecord` gives to zod to decide and
 * explain, and `checkRecord` explains itself.
 */
export function leanRecord(input: unknown): FacilityRecord | undefined {
  const copy = leanRecordCopy(input) as FacilityRecord | undefined;
  return copy && staffOverOnPost(copy.staff).length === 0 ? copy : undefined;
}

/** The heading of a RecordError: the record, in the file it came from when there is one. */
export const invalidRecord = (file?: string) =>
  file ? { en: `Invalid facility record in ${file}:`, zh: `${file} 中的机构记录有误：` } : { en: 'Invalid facility record:', zh: '机构记录有误：' };

function problemDiagnostic(problem: LeanRecordProblem): Diagnostic {
  const { path, value } = problem;
  const at = (text: Message, where: readonly string[] = path) => new Diagnostic(text, { ...(where.length > 0 && { path: formatPath(where) }) });
  const got = show(value);
  switch (problem.rule) {
    case 'type': {
      const expected = kinds[problem.expected === 'integer' ? 'int' : problem.expected!]!;
      return at(message('schema.expected', { expected: expected.en, expectedZh: expected.zh, got: got.en, gotZh: got.zh }));
    }
    case 'plain-object':
      return at(message('schema.expected', { expected: 'a plain mapping of fields', expectedZh: '普通的字段映射', got: 'an object of a class', gotZh: '类的实例' }));
    case 'unknown-key': {
      const key = problem.key!;
      const text = path.length === 1 && path[0] === 'equipment' ? message('schema.unknown-equipment', { key }) : message('schema.unknown-field', { key });
      return at(text, [...path, key]);
    }
    case 'code-list': {
      const vocabulary = codeListWords[path.at(-1) as keyof typeof codeListWords] ?? String(path.at(-1));
      const unknown = (value as unknown[]).find((code) => !problem.allowed!.has(code as string));
      return unknown === undefined && (value as unknown[]).length === new Set(value as unknown[]).size
        ? at(message('schema.invalid', { detail: 'Invalid input' }))
        : at(unknown === undefined ? message('record.listed-twice', { vocabulary }) : message('record.unknown-code', { vocabulary, value: show(unknown).en }));
    }
    case 'one-of':
      return at(message('schema.not-one-of', { value: got.en, allowed: [...problem.allowed!] }));
    case 'minimum':
      return at(problem.limit === 0 ? message('schema.negative', { got: got.en }) : message('schema.too-small', { minimum: problem.limit!, what: 'number' }));
    case 'maximum':
      return at(message('schema.too-big', { maximum: problem.limit!, what: 'number' }));
  }
}
