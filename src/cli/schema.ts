import { parseArgs } from 'node:util';
import { jsonSchema, schemaKinds, type SchemaKind } from '../json-schema.js';
import { schemaUsage } from './help.js';
import { exitCode, type Io } from './main.js';


/** `facility-standards schema [kind]`: prints the JSON Schema of a record, a rule file, a ladder file or the JSON report. */
export async function schemaCommand(args: readonly string[], io: Io): Promise<number> {
  // Flags are refused (exit 2, with the near one) like every command's; --lang is taken by all.
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } });
  if (args.some((arg) => arg === '-h' || arg === '--help')) {
    io.stdout(schemaUsage);
    return exitCode.met;
  }
  args = positionals;
  if (args.length > 1) {
    io.stderr(`facility-standards: schema takes one kind, not ${args.length}: ${args.join(' ')}\n\n${schemaUsage}`);
    return exitCode.invalid;
  }
  const kind = args[0] ?? 'record';
  if (!isKind(kind)) {
    io.stderr(`facility-standards: unknown schema "${kind}"; one of ${schemaKinds.join(', ')}\n\n${schemaUsage}`);
    return exitCode.invalid;
  }
  io.stdout(`${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
  return exitCode.met;
}

function isKind(value: string): value is SchemaKind {
  return (schemaKinds as readonly string[]).includes(value);
}
