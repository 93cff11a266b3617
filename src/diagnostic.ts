/**
 * A problem found in an input, with where it is: file, 1-based line and column, and the path
 * of the offending value inside the document. Printed as `file:line:column: message`.
 */
export class Diagnostic {
  readonly message: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Path of the offending value, e.g. `requirements[3].check.fact`. */
  readonly path: string | undefined;

  constructor(
    message: string,
    where: { file?: string | undefined; line?: number | undefined; column?: number | undefined; path?: string | undefined } = {},
  ) {
    this.message = message;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.path = where.path;
  }

  toString(): string {
    const place = [this.file, this.line, this.line === undefined ? undefined : this.column]
      .filter((part) => part !== undefined)
      .join(':');
    const at = this.path ? ` (at ${this.path})` : '';
    return place ? `${place}: ${this.message}${at}` : `${this.message}${at}`;
  }

  toJSON() {
    return { file: this.file, line: this.line, column: this.column, path: this.path, message: this.message };
  }
}

/** Base of the library's input errors: one or more diagnostics, each with its position. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(summary: string, diagnostics: readonly Diagnostic[]) {
    super(`${summary}\n${diagnostics.map((d) => `  ${d.toString()}`).join('\n')}`);
    this.diagnostics = diagnostics;
  }
}

/** A rule file (a standard) that cannot be loaded. */
export class RuleFileError extends DiagnosticError {
  override name = 'RuleFileError';
}

/** A facility record that does not follow the record contract. */
export class RecordError extends DiagnosticError {
  override name = 'RecordError';
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
