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
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      const key = issue.path.at(-1);
      return [make(issue.path, undefined, `${JSON.stringify(String(key))} is required (${issue.expected})`)];
    }
    if (issue.code === 'invalid_union') {
      return [make(issue.path, undefined, issue.message)];
    }
    return [make(issue.path, undefined, issue.message)];
  });

  function make(path: readonly PropertyKey[], key: string | undefined, message: string): Diagnostic {
    const full = key === undefined ? path : [...path, key];
    const position = where.source?.locate(full, key !== undefined);
    return new Diagnostic(message, { file: where.file ?? where.source?.file, ...position, path: formatPath(full) || undefined });
  }
}

function unknownKeyMessage(path: readonly PropertyKey[], key: string): string {
  if (path.length === 1 && path[0] === 'equipment') return `unknown equipment code ${JSON.stringify(key)}`;
  return `unknown field ${JSON.stringify(key)}`;
}
