import { EntitlementScheduleSchema } from './portfolio/entitlements.js';
import * as z from 'zod';
import { operators } from './evaluate/operators.js';
import { facts } from './record/facts.js';
import { staffParts } from './record/contract.js';
import { FacilityRecord } from './record/schema.js';
import { CheckOutputSchema, reportSchemaMetadata } from './report/schema.js';
import { ProgramSchema } from './program/schema.js';
import { LadderSchema } from './standard/ladder.js';
import { RuleFileSchema } from './standard/schema.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The documents this package publishes a JSON Schema for; `schemas/<kind>.schema.json` holds each. */
export type SchemaKind = 'record' | 'rule-file' | 'ladder' | 'program' | 'entitlements' | 'report';

export const schemaKinds: readonly SchemaKind[] = ['record', 'rule-file', 'ladder', 'program', 'entitlements', 'report'];

/** Where the published schemas are found: each kind's `$id`. */
const schemaBase = 'https://unpkg.com/facility-standards/schemas/';

const staffRule = `No part of the staff (${staffParts.join(', ')}) outnumbers onPost: parseRecord refuses a record where one does (JSON Schema cannot compare two fields).`;

/**
 * The JSON Schema of a facility record (the record contract), saying what `parseRecord` checks
 * wherever JSON Schema can: each code listed once (`uniqueItems`); the rule it cannot say (no
 * part of the staff outnumbers `staff.onPost`) is in the descriptions. A record file may also
 * hold a list of records, each of this schema.
 */
export function recordJsonSchema(): JsonSchema {
  const { $schema, ...body } = z.toJSONSchema(FacilityRecord, { io: 'input' }) as Record<string, unknown>;
  const marked = uniqueCodeLists(body) as Json;
  const properties = isObject(marked.properties) ? marked.properties : {};
  if (isObject(properties.staff)) properties.staff = { ...properties.staff, description: `Head counts of the staff. ${staffRule}` };
  return {
    $schema,
    $id: `${schemaBase}record.schema.json`,
    title: 'facility-standards facility record',
    description: `One village clinic (村卫生室) or township health center (乡镇卫生院). Every field is optional; unknown fields and codes are rejected, and each code is listed once. ${staffRule}`,
    ...marked,
  };
}

/** Lists of codes (rooms, departments …) with `uniqueItems`: parseRecord refuses a code listed twice. */
function uniqueCodeLists(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(uniqueCodeLists);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = uniqueCodeLists(value);
  if (out.type === 'array' && isObject(out.items) && Array.isArray(out.items.enum)) out.uniqueItems = true;
  return out;
}

/**
 * The JSON Schema of a rule file (one standard), for editors: a bundled rule file starts with
 * `# yaml-language-server: $schema=…/schemas/rule-file.schema.json`. `fact` and `operator`
 * list the fact catalogue and the operators. What needs more than one file or the catalogue's
 * types (operator/fact types, codes, parameters, `extends`) is checked when the file loads:
 * `facility-standards validate`.
 */
export function ruleFileJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(RuleFileSchema, { io: 'input' }) as Record<string, unknown>;
  const named = nameConditionDef(schema);
  return {
    $schema: named.$schema,
    $id: `${schemaBase}rule-file.schema.json`,
    title: 'facility-standards rule file (a standard)',
    description: 'One standard: its source document, parameters and requirements; or an overlay that `extends` another.',
    ...withoutKey(named, '$schema'),
  };
}

/** The JSON Schema of a ladder file (`rules/ladders/`): standards of one facility type in ascending order. */
export function ladderJsonSchema(): JsonSchema {
  const { $schema, ...body } = z.toJSONSchema(LadderSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    $id: `${schemaBase}ladder.schema.json`,
    title: 'facility-standards ladder file',
    description: 'Standards for one facility type, lowest level first.',
    ...body,
  };
}

/** The JSON Schema of a programme file (`rules/programs/`): a city's or county's targets over its facilities. */
export function programJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(ProgramSchema, { io: 'input' }) as Record<string, unknown>;
  const named = nameConditionDef(schema);
  return {
    $schema: named.$schema,
    $id: `${schemaBase}program.schema.json`,
    title: 'facility-standards programme file',
    description: 'Targets over the facilities of a region: shares or counts of facilities meeting a standard or a condition, or a share of staff, by a date.',
    ...withoutKey(named, '$schema'),
  };
}

/** The JSON Schema of an entitlement schedule in `rules/entitlements/`: what a level earns. */
export function entitlementsJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(EntitlementScheduleSchema, { io: 'input' }) as Record<string, unknown>;
  const named = nameConditionDef(schema);
  return {
    $schema: named.$schema,
    $id: `${schemaBase}entitlements.schema.json`,
    title: 'facility-standards entitlement schedule',
    description: 'What a facility’s level earns: policies granted and one-off subsidies due, with payer, clause and quote.',
    ...withoutKey(named, '$schema'),
  };
}

/**
 * The JSON Schema of what `facility-standards check --format json` writes: `{ reports }`, or
 * `{ ladders }` with `--ladder`. One report from `evaluate()` is `#/$defs/Report`; one gap item
 * is `#/$defs/RequirementResult`.
 */
export function reportJsonSchema(): JsonSchema {
  const { $schema, ...body } = z.toJSONSchema(CheckOutputSchema, { metadata: reportSchemaMetadata }) as Record<string, unknown>;
  return { $schema, $id: `${schemaBase}report.schema.json`, title: 'facility-standards report', ...body };
}

/** The JSON Schema of one kind of document. */
export function jsonSchema(kind: SchemaKind): JsonSchema {
  switch (kind) {
    case 'record':
      return recordJsonSchema();
    case 'rule-file':
      return ruleFileJsonSchema();
    case 'ladder':
      return ladderJsonSchema();
    case 'program':
      return programJsonSchema();
    case 'entitlements':
      return entitlementsJsonSchema();
    case 'report':
      return reportJsonSchema();
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function withoutKey(object: Json, key: string): Json {
  const { [key]: _omitted, ...rest } = object;
  return rest;
}

/**
 * zod names the recursive condition `$defs/__schema0`: call it `Condition`, and give its `fact`
 * and `operator` (and a `{ fact }` value's) the catalogue's names, so that editors complete them.
 */
function nameConditionDef(schema: Json): Json {
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const renamed = new Map<string, string>();
  const newDefs: Json = {};
  for (const [name, def] of Object.entries(defs)) {
    const isCondition = isObject(def) && isObject(def.properties) && ['all', 'any', 'not', 'fact'].every((k) => k in (def.properties as Json));
    const newName = isCondition ? 'Condition' : name;
    renamed.set(`#/$defs/${name}`, `#/$defs/${newName}`);
    newDefs[newName] = def;
  }
  const factNames = [...facts.keys()];
  const operatorNames = [...operators.keys()];
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) out[key] = key === '$ref' && typeof value === 'string' ? (renamed.get(value) ?? value) : visit(value);
    const properties = out.properties;
    if (isObject(properties) && isObject(properties.fact) && properties.fact.type === 'string') {
      properties.fact = { ...properties.fact, enum: factNames, description: 'A fact from the catalogue: a record field (premises.buildingArea) or a derived fact (healthTechRatio).' };
      if (isObject(properties.operator)) {
        properties.operator = { ...properties.operator, enum: operatorNames };
      }
    }
    return out;
  };
  return visit({ ...schema, $defs: newDefs }) as Json;
}
