// The published JSON Schemas (record, rule file, ladder, report): generated from the zod schemas,
// committed under schemas/ and current, valid JSON Schema, and true to the data: every fixture
// record, bundled rule file and real report validates, and the report schema mirrors the
// TypeScript interfaces of the report contract.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { run } from '../src/cli/main.js';
import { schemaCommand } from '../src/cli/schema.js';
import {
  assessLadder,
  bundledStandards,
  CheckOutputSchema,
  evaluate,
  FindingSchema,
  loadStandard,
  jsonSchema,
  LadderAssessmentSchema,
  parseRecordsText,
  renderJson,
  renderLadderJson,
  ReportSchema,
  RequirementResultSchema,
  schemaKinds,
  type Finding,
  type LadderAssessment,
  type Report,
  type RequirementResult,
  type BundledStandardId,
  type Standard,
} from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function* yamlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(path);
    else if (entry.name.endsWith('.yaml')) yield path;
  }
}

// Strict, except that a list of types (`type: [string, number]`) is allowed.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
// `format: uri` (source.url) is an annotation here; the loader checks URLs itself.
ajv.addFormat('uri', true);
const validators = Object.fromEntries(schemaKinds.map((kind) => [kind, ajv.compile(jsonSchema(kind))]));
const reportValidator = ajv.compile({ $ref: '#/$defs/Report', $defs: (jsonSchema('report') as { $defs: object }).$defs });

/** Ajv's errors, one line each, so that a failure says where. */
const problems = (validate: (typeof validators)[string]) =>
  (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('schemas/ holds the current JSON Schemas', () => {
  it.each(schemaKinds)('schemas/%s.schema.json is up to date (npm run schemas regenerates it)', (kind) => {
    const committed = readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8');
    expect(committed).toBe(`${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
  });

  it.each(schemaKinds)('%s has the $id of its published file', (kind) => {
    expect(jsonSchema(kind).$id).toBe(`https://unpkg.com/facility-standards/schemas/${kind}.schema.json`);
  });

  it('each is valid draft 2020-12 JSON Schema (Ajv compiles it in strict mode)', () => {
    for (const kind of schemaKinds) expect(typeof validators[kind]).toBe('function');
    expect(jsonSchema('record').$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});

describe('bundled rule files point editors at their schema and validate against it', () => {
  const files = [...yamlFiles(join(root, 'rules'))];

  it('finds the bundled rule files', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => relative(root, file)))('%s', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const first = text.split('\n', 1)[0]!;
    const kind = file.startsWith('rules/ladders/') ? 'ladder' : file.startsWith('rules/programs/') ? 'program' : file.startsWith('rules/entitlements/') ? 'entitlements' : 'rule-file';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, `first line of ${file}: the yaml-language-server modeline (npm run schemas adds it)`).not.toBeNull();
    expect(resolve(dirname(join(root, file)), match![1]!)).toBe(join(root, 'schemas', `${kind}.schema.json`));
    const ok = validators[kind]!(parseYaml(text));
    expect(problems(validators[kind]!)).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the record schema', () => {
  const records = [...yamlFiles(join(root, 'fixtures')), join(root, 'examples/xigou-dongzhuang.yaml')].flatMap((file) => {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    return (Array.isArray(data) ? data : [data]).map((record: unknown) => ({ file: relative(root, file), record }));
  });

  it('accepts every fixture record and the example', () => {
    expect(records.length).toBeGreaterThan(100);
    for (const { file, record } of records) {
      const ok = validators.record!(record);
      expect({ file, problems: problems(validators.record!) }).toEqual({ file, problems: [] });
      expect(ok).toBe(true);
    }
  });

  it.each([
    ['an unknown field', { id: 'x', colour: 'green' }],
    ['an unknown room code', { rooms: ['diagnosis-room', 'ballroom'] }],
    ['an unknown equipment code', { equipment: { stethoscope: 1, teleporter: 1 } }],
    ['a negative area', { premises: { buildingArea: -1 } }],
    ['a fractional head count', { staff: { onPost: 2.5 } }],
    ['an unknown facility type', { type: 'hospital' }],
    ['a room listed twice', { rooms: ['pharmacy', 'pharmacy'] }],
    ['a department listed twice', { departments: ['tcm', 'general-practice', 'tcm'] }],
  ])('rejects %s, as the zod schema does', (_what, record) => {
    expect(validators.record!(record)).toBe(false);
    expect(() => parseRecordsText(JSON.stringify(record), 'r.json')).toThrow();
  });
});

describe('the record schema says what it cannot check', () => {
  it('has an $id, and states the staff rule JSON Schema cannot express', () => {
    const schema = jsonSchema('record') as { $id: string; description: string; properties: { staff: { description: string } } };
    expect(schema.$id).toBe('https://unpkg.com/facility-standards/schemas/record.schema.json');
    for (const text of [schema.description, schema.properties.staff.description]) {
      expect(text).toContain('healthTechnicians, physicians, villageDoctors, auxiliary) outnumbers onPost');
    }
  });

  it('the rule stated: more health technicians than staff on post passes JSON Schema, parseRecord refuses it', () => {
    const record = { staff: { onPost: 2, healthTechnicians: 3 } };
    expect(validators.record!(record)).toBe(true);
    expect(() => parseRecordsText(JSON.stringify(record), 'r.json')).toThrow(/staff\.healthTechnicians \(3\) is more than staff\.onPost \(2\)/);
  });
});

describe('the report schema', () => {
  const fixtureRecords = [...yamlFiles(join(root, 'fixtures'))]
    .filter((file) => !file.includes('/township-ladder/') && !file.includes('fixtures/programs/') && !file.includes('fixtures/entitlements/'))
    .map((file) => {
      const [issuer, name] = relative(join(root, 'fixtures'), file).split('/');
      return { file: relative(root, file), standard: `${issuer}/${name}`, records: parseRecordsText(readFileSync(file, 'utf8'), file) };
    });

  it('every fixture directory names a bundled standard', () => {
    const ids = new Set(bundledStandards().keys());
    for (const { standard } of fixtureRecords) expect(ids).toContain(standard);
  });

  // Records and a standard that reach the parts the fixtures do not: several findings in one
  // requirement, an excess over a maximum, a `not`, a requirement not applicable.
  const constructed = loadStandard(
    `id: test/limits
version: "1"
title: { zh: 测试, en: Test }
facilityType: village-clinic
source: { title: 测试, issuer: 测试, date: "2026", file: sources/test.txt }
requirements:
  - id: at-most-two-nurses
    clause: "1"
    quote: 护士不超过2人
    severity: required
    title: { zh: 护士不超过2人, en: At most 2 nurses }
    check: { fact: staff.nurses, operator: lessThanInclusive, value: 2 }
  - id: no-infusion
    clause: "2"
    quote: 不开展静脉输液
    severity: advisory
    title: { zh: 不开展静脉输液, en: No intravenous infusion }
    when: { fact: servicePopulation, operator: lessThan, value: 1000 }
    check: { not: { fact: services.ivInfusion, operator: equal, value: true } }
`,
    'test/limits.yaml',
  );
  const extra = [
    { standard: 'changzhi/village-clinic', record: { type: 'village-clinic', utilities: { water: false, electricity: true, heating: false }, equipment: { stethoscope: 1 } } },
    { standard: constructed, record: { type: 'village-clinic', staff: { nurses: 5 }, servicePopulation: 800, services: { ivInfusion: true } } },
    { standard: constructed, record: { type: 'village-clinic', staff: { nurses: 1 }, servicePopulation: 1200 } },
  ] as const;

  it('accepts the report of every fixture record against its standard, in zod and in JSON Schema', async () => {
    let gaps = 0;
    let findings = 0;
    let excess = 0;
    const cases = [
      ...fixtureRecords.flatMap(({ file, standard, records }) => records.map((record) => ({ file, standard: standard as BundledStandardId | Standard, record }))),
      ...extra.map(({ standard, record }, i) => ({ file: `constructed ${i}`, standard, record })),
    ];
    for (const { file, standard, record } of cases) {
      const report = await evaluate(record, standard);
      const json = roundTrip(report);
      const parsed = ReportSchema.safeParse(json);
      expect({ file, issues: parsed.error?.issues ?? [] }).toEqual({ file, issues: [] });
      // zod gives back exactly the report: the schema neither drops nor adds anything.
      expect(parsed.data).toEqual(json);
      const ok = reportValidator(json);
      expect({ file, problems: problems(reportValidator) }).toEqual({ file, problems: [] });
      expect(ok).toBe(true);
      gaps += report.requirements.filter((r) => r.outcome === 'gap').length;
      findings += report.requirements.filter((r) => r.findings).length;
      excess += report.requirements.filter((r) => r.excess !== undefined).length;
    }
    // The optional parts are exercised: gaps with shortfall and missing, several findings, an excess.
    expect(gaps).toBeGreaterThan(50);
    expect(findings).toBeGreaterThan(0);
    expect(excess).toBeGreaterThan(0);
  });

  it('accepts the CLI output (check --format json, with and without --ladder)', async () => {
    const outputs: string[] = [];
    const io = { stdout: (t: string) => outputs.push(t), stderr: () => {} };
    await run(['check', 'examples/xigou-dongzhuang.yaml', '--format', 'json'], io);
    await run(['check', ...[...yamlFiles(join(root, 'fixtures/changzhi/township-ladder'))], '--ladder', 'changzhi/township', '--format', 'json'], io);
    await run(['check', 'examples/xigou-dongzhuang.yaml', 'no/such/file.yaml', '--format', 'json'], io);
    expect(outputs).toHaveLength(3);
    for (const output of outputs) {
      const json = JSON.parse(output);
      expect(CheckOutputSchema.safeParse(json).error?.issues ?? []).toEqual([]);
      const ok = validators.report!(json);
      expect(problems(validators.report!)).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(JSON.parse(outputs[1]!).ladders.length).toBeGreaterThan(3);
    expect(JSON.parse(outputs[2]!).errors).toHaveLength(1);
  });

  it('accepts renderJson and renderLadderJson output', async () => {
    const record = { id: 'x', type: 'township-health-center' as const, staff: { onPost: 20, healthTechnicians: 15 } };
    const ladder = await assessLadder(record, 'changzhi/township');
    expect(LadderAssessmentSchema.safeParse(roundTrip(ladder)).success).toBe(true);
    for (const text of [renderJson([await evaluate(record, 'changzhi/township-basic')], ['a problem']), renderLadderJson([ladder])]) {
      expect(validators.report!(JSON.parse(text))).toBe(true);
    }
  });

  it('rejects what breaks the contract', async () => {
    const report = roundTrip(await evaluate({ type: 'village-clinic', premises: { buildingArea: 64 } }, 'changzhi/village-clinic')) as {
      outcome: string;
      requirements: { outcome: string; extra?: boolean }[];
    };
    for (const broken of [
      { ...report, outcome: 'waived' },
      { ...report, requirements: [{ ...report.requirements[0]!, extra: true }] },
      { ...report, counts: undefined },
    ]) {
      expect(ReportSchema.safeParse(broken).success).toBe(false);
      expect(reportValidator(roundTrip(broken))).toBe(false);
    }
  });

  it('mirrors the TypeScript interfaces of the report contract', () => {
    // Checked by the type-checker (npm test runs tsc over test/): the zod schemas infer the JSON
    // form of the interfaces, property by property.
    expectTypeOf<JsonForm<z.infer<typeof ReportSchema>>>().toEqualTypeOf<JsonForm<Report>>();
    expectTypeOf<JsonForm<z.infer<typeof RequirementResultSchema>>>().toEqualTypeOf<JsonForm<RequirementResult>>();
    expectTypeOf<JsonForm<z.infer<typeof FindingSchema>>>().toEqualTypeOf<JsonForm<Finding>>();
    expectTypeOf<JsonForm<z.infer<typeof LadderAssessmentSchema>>>().toEqualTypeOf<JsonForm<LadderAssessment>>();
  });
});

/**
 * What a value looks like after JSON.stringify: no readonly, a property that may be undefined
 * may be absent, and one that is always undefined (an outcome's details it does not have) is.
 */
type JsonForm<T> = T extends readonly (infer U)[]
  ? JsonForm<U>[]
  : T extends object
    ? Simplify<
        { -readonly [K in keyof T as Always<T[K]> extends true ? never : undefined extends T[K] ? never : K]: JsonForm<T[K]> } & {
          -readonly [K in keyof T as Always<T[K]> extends true ? never : undefined extends T[K] ? K : never]?: JsonForm<Exclude<T[K], undefined>>;
        }
      >
    : T;
type Always<V> = [V] extends [undefined] ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

describe('facility-standards schema', () => {
  async function schema(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await schemaCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('prints the record schema by default', async () => {
    const { code, stdout, stderr } = await schema();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(readFileSync(join(root, 'schemas/record.schema.json'), 'utf8'));
  });

  it.each(schemaKinds)('prints the %s schema, as in schemas/', async (kind) => {
    const { code, stdout } = await schema(kind);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await schema('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: facility-standards schema [record|rule-file|ladder|program|report]');
  });

  it('exits 2 naming the kinds for an unknown kind, or more than one', async () => {
    const unknown = await schema('records');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('unknown schema "records"; one of record, rule-file, ladder, program, entitlements, report');
    expect((await schema('record', 'report')).code).toBe(2);
  });
});
