import type * as z from 'zod';
import { Diagnostic, formatPath } from './diagnostic.js';
import { message, type Message } from './diagnostics/messages.js';
import { schemaSentence } from './diagnostics/schema-sentences.js';
import { kinds, show } from './diagnostics/values.js';
import type { YamlSource } from './yaml-source.js';

/** Turns zod issues into diagnostics, positioned in the YAML source when there is one. */
export function diagnosticsFromZod(
  issues: readonly z.core.$ZodIssue[],
  where: { file?: string | undefined; source?: YamlSource | undefined },
): Diagnostic[] {
  return issues.flatMap((issue) => {
    const field = String(issue.path.at(-1));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        make(issue.path, key, issue.path.length === 1 && issue.path[0] === 'equipment' ? message('schema.unknown-equipment', { key }) : message('schema.unknown-field', { key })),
      );
    }
    if (issue.input === undefined && (issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
      return [make(issue.path, undefined, message('schema.required', { field }))];
    }
    // A message a schema wrote itself says more than the generic one below.
    if (issue.code === 'invalid_type' && !issue.message.startsWith('Invalid input')) {
      return [make(issue.path, undefined, schemaSentence(issue.message))];
    }
    if (issue.code === 'invalid_type') {
      const expected = kinds[issue.expected] ?? { en: issue.expected, zh: issue.expected };
      return [
        make(
          issue.path,
          undefined,
          issue.input === undefined
            ? message('schema.required', { field, expected: expected.en, expectedZh: expected.zh })
            : message('schema.expected', { expected: expected.en, expectedZh: expected.zh, got: show(issue.input).en, gotZh: show(issue.input).zh }),
        ),
      ];
    }
    // A rule about a whole field (a custom check) points at the field's name.
    if (issue.code === 'too_small' && issue.origin === 'number' && issue.minimum === 0) {
      return [make(issue.path, undefined, message('schema.negative', { got: show(issue.input).en }))];
    }
    // A check that gives its own Chinese (a calendar date) carries it in its params.
    const zh = issue.code === 'custom' ? (issue.params as { zh?: unknown } | undefined)?.zh : undefined;
    if (typeof zh === 'string') return [make(issue.path, undefined, message('schema.rule', { en: issue.message, zh }), true)];
    if (!issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ')) {
      return [make(issue.path, undefined, schemaSentence(issue.message), issue.code === 'custom')];
    }
    return [make(issue.path, undefined, generic(issue))];
  });

  function make(path: readonly PropertyKey[], key: string | undefined, text: Message, atKey = key !== undefined): Diagnostic {
    const full = key === undefined ? path : [...path, key];
    const position = where.source?.locate(full, atKey);
    return new Diagnostic(text, { file: where.file ?? where.source?.file, ...position, path: formatPath(full) || undefined });
  }
}

/** zod's own sentence for an issue a schema gave no words to, as a message of ours. */
function generic(issue: z.core.$ZodIssue): Message {
  const ours = translated(issue);
  return { ...ours, text: { zh: ours.text.zh, en: issue.message } };
}

function translated(issue: z.core.$ZodIssue): Message {
  const what = (origin: unknown) => (origin === 'string' ? 'text' : origin === 'array' || origin === 'set' ? 'list' : 'number');
  switch (issue.code) {
    case 'invalid_value':
      return message('schema.not-one-of', { value: show(issue.input).en, allowed: issue.values.map(String) });
    case 'too_small':
      return message('schema.too-small', { minimum: Number(issue.minimum), what: what(issue.origin) });
    case 'too_big':
      return message('schema.too-big', { maximum: Number(issue.maximum), what: what(issue.origin) });
    default:
      return message('schema.invalid', { detail: issue.message });
  }
}

/** Parse options that keep each issue's input, which the messages above quote. */
export const parseOptions = { reportInput: true } as const;
