import { label } from './record/vocabulary.js';
import { nearest } from './suggest.js';
import type { Message, DiagnosticCode } from './diagnostics/messages.js';
import type { Lang, LocalizedText } from './text.js';
/**
 * A problem found in an input, with where it is: file, 1-based line and column, and the path
 * of the offending value inside the document; a stable `code`, the `values` it is about, and its
 * sentence in both languages (`text`), rendered late with `render(lang)`. `message` is the
 * English sentence; `toString()` prints `file:line:column: message (at path)`.
 */
export class Diagnostic {
  readonly code: DiagnosticCode;
  readonly values: Readonly<Record<string, unknown>>;
  readonly text: LocalizedText;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Path of the offending value, e.g. `requirements[3].check.fact`. */
  readonly path: string | undefined;

  constructor(
    message: Message,
    where: { file?: string | undefined; line?: number | undefined; column?: number | undefined; path?: string | undefined } = {},
  ) {
    this.code = message.code;
    this.values = message.values;
    this.text = message.text;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.path = where.path;
  }

  /** The English sentence. */
  get message(): string {
    return this.text.en;
  }

  /** `file:line:column: sentence (at path)` in the language asked for. */
  render(lang: Lang = 'en'): string {
    const place = [this.file, this.line, this.line === undefined ? undefined : this.column]
      .filter((part) => part !== undefined)
      .join(':');
    const at = this.path ? (lang === 'zh' ? `（位置：${this.path}）` : ` (at ${this.path})`) : '';
    return place ? `${place}: ${this.text[lang]}${at}` : `${this.text[lang]}${at}`;
  }

  toString(): string {
    return this.render('en');
  }

  toJSON() {
    return { code: this.code, file: this.file, line: this.line, column: this.column, path: this.path, values: this.values, message: this.text.en, text: this.text };
  }
}

/**
 * The stable code of each of the library's error classes: `error.code` tells them apart across
 * bundles and realms, where `instanceof` may not.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'rule-file-invalid'
  | 'record-invalid'
  | 'facility-type-mismatch'
  | 'unknown-id'
  | 'waiver-file-invalid'
  | 'sheet-invalid'
  | 'optional-dependency-missing';

/** Base of the library's input errors: one or more diagnostics, each with its position. */
export class DiagnosticError extends Error {
  readonly code: ErrorCode = 'invalid-input';
  readonly diagnostics: readonly Diagnostic[];
  /** The summary line in both languages. */
  readonly summary: LocalizedText;

  constructor(summary: string | LocalizedText, diagnostics: readonly Diagnostic[]) {
    const text = typeof summary === 'string' ? { zh: summary, en: summary } : summary;
    super(`${text.en}\n${diagnostics.map((d) => `  ${d.toString()}`).join('\n')}`);
    this.summary = text;
    this.diagnostics = diagnostics;
  }

  /** The summary and every diagnostic, one a line, in the language asked for. */
  render(lang: Lang = 'en'): string {
    return `${this.summary[lang]}\n${this.diagnostics.map((d) => `  ${d.render(lang)}`).join('\n')}`;
  }
}

/** A rule file (a standard) that cannot be loaded. */
export class RuleFileError extends DiagnosticError {
  override name = 'RuleFileError';
  override readonly code = 'rule-file-invalid';
}

/** A facility record that does not follow the record contract. */
export class RecordError extends DiagnosticError {
  override name = 'RecordError';
  override readonly code = 'record-invalid';
}

/** Formats a document path the way people write it: `requirements[3].check.fact`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** A standard applied to a record of another facility type: never an outcome, always said. */
export class FacilityTypeError extends DiagnosticError {
  override name = 'FacilityTypeError';
  override readonly code = 'facility-type-mismatch';
  /** The standard's id, its facility type, and the record's. */
  readonly standard: string;
  readonly standardType: string;
  readonly recordType: string;
  /** The sentence in both languages. */
  readonly text: LocalizedText;

  constructor(standard: { id: string; facilityType: string }, recordType: string, facility?: string) {
    const text = {
      zh: `${facility ? `${facility}：` : ''}标准 ${standard.id} 适用于${typeWords(standard.facilityType).zh}，该记录的机构类型是${typeWords(recordType).zh}，不能用此标准评估`,
      en: `${facility ? `${facility}: ` : ''}standard ${standard.id} is for ${typeWords(standard.facilityType).en}s; the record is a ${typeWords(recordType).en}, so it cannot be checked against it`,
    };
    super(text, [new Diagnostic({ code: 'notice', values: { en: text.en, zh: text.zh }, text }, { path: 'type' })]);
    this.standard = standard.id;
    this.standardType = standard.facilityType;
    this.recordType = recordType;
    this.text = text;
  }
}

/** A standard, ladder or programme id that is not loaded; `suggestions` are the nearest known ids. */
export class UnknownIdError extends Error {
  override name = 'UnknownIdError';
  readonly code: ErrorCode = 'unknown-id';
  readonly suggestions: readonly string[];
  readonly text: LocalizedText;

  constructor(
    readonly kind: 'standard' | 'ladder' | 'programme',
    readonly id: string,
    known: readonly string[],
  ) {
    const suggestions = nearest(id, known);
    const kindZh = { standard: '标准', ladder: '等级阶梯', programme: '行动目标' }[kind];
    const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id;
    const text = {
      zh: `没有${kindZh}“${shown}”${suggestions.length ? `，是否为 ${suggestions.join('、')}？` : `；已有：${known.join('、')}`}`,
      en: `no ${kind} "${shown}"${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : `; known: ${known.join(', ')}`}`,
    };
    super(text.en);
    this.suggestions = suggestions;
    this.text = text;
  }
}

const typeWords = (type: string): LocalizedText => label('facilityTypes', type);

