import type * as z from 'zod';
import { Diagnostic, formatPath } from './diagnostic.js';
import type { YamlSource } from './yaml-source.js';

/** Turns zod issues into diagnostics, positioned in the YAML source when there is one. */
export function diagnosticsFromZod(
  issues: readonly z.core.$ZodIssue[],
  where: { file?: string | undefined; source?: YamlSource | undefined },
): Diagnostic[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => make(issue.path, key, unknownKeyMessage(issue.path, key)));
    }
    if (issue.input === undefined && (issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
      return [make(issue.path, undefined, `${JSON.stringify(String(issue.path.at(-1)))} is required`)];
    }
    // A message a schema wrote itself says more than the generic one below.
    if (issue.code === 'invalid_type' && !issue.message.startsWith('Invalid input')) {
      return [make(issue.path, undefined, issue.message)];
    }
    if (issue.code === 'invalid_type') {
      const expected = kinds[issue.expected] ?? issue.expected;
      const message =
        issue.input === undefined
          ? `${JSON.stringify(String(issue.path.at(-1)))} is required (${expected})`
          : `expected ${expected}, got ${show(issue.input)}`;
      return [make(issue.path, undefined, message)];
    }
    // A rule about a whole field (a custom check) points at the field's name.
    if (issue.code === 'too_small' && issue.origin === 'number' && issue.minimum === 0) {
      return [make(issue.path, undefined, `must not be negative, got ${show(issue.input)}`)];
    }
    return [make(issue.path, undefined, issue.message, issue.code === 'custom')];
  });

  function make(path: readonly PropertyKey[], key: string | undefined, message: string, atKey = key !== undefined): Diagnostic {
    const full = key === undefined ? path : [...path, key];
    const position = where.source?.locate(full, atKey);
    return new Diagnostic(message, { file: where.file ?? where.source?.file, ...position, path: formatPath(full) || undefined });
  }
}

const kinds: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping of fields',
};

function show(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input);
  if (Array.isArray(input)) return 'a list';
  if (input === null) return 'null';
  if (typeof input === 'object') return 'a mapping of fields';
  return String(input);
}

/** Parse options that keep each issue's input, which the messages above quote. */
export const parseOptions = { reportInput: true } as const;

function unknownKeyMessage(path: readonly PropertyKey[], key: string): string {
  if (path.length === 1 && path[0] === 'equipment') return `unknown equipment code ${JSON.stringify(key)}`;
  return `unknown field ${JSON.stringify(key)}`;
}
