// The public API as integrators use it: results narrowed by `outcome`, bundled ids as literal
// unions (a misspelt one does not compile), typed errors with a code, the caller's standards and
// overlays in evaluateAll, and entry points without internals. The type assertions are checked
// by tsc (npm test type-checks test/); the rest at run time.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as core from '../src/index.js';
import {
  bundledLadderIds,
  bundledLadders,
  bundledProgramIds,
  bundledPrograms,
  bundledStandard,
  bundledStandardIds,
  bundledStandards,
  evaluate,
  evaluateAll,
  FacilityTypeError,
  isBundledStandardId,
  loadStandards,
  RecordError,
  RuleFileError,
  RuleFileSchema,
  StandardSchema,
  UnknownIdError,
  version,
  type BundledLadderId,
  type BundledProgramId,
  type BundledStandardId,
  type ConditionValue,
  type Finding,
  type RequirementResult,
  type Standard,
  type Waiver,
} from '../src/index.js';
import * as node from '../src/node.js';
import { compliant, overlay } from './testing/overlay.js';

describe('requirement results narrow by outcome', () => {
  it('an unknown has its unknownFacts; a gap its fact, expected and actual, or its findings; a waived one its waiver', () => {
    const check = (r: RequirementResult) => {
      // Read on the whole union, every detail is there, possibly undefined.
      expectTypeOf(r.shortfall).toEqualTypeOf<number | undefined>();
      expectTypeOf(r.unknownFacts).toEqualTypeOf<readonly string[] | undefined>();
      if (r.outcome === 'unknown') {
        expectTypeOf(r.unknownFacts).toEqualTypeOf<readonly string[]>();
        expectTypeOf(r.expected).toEqualTypeOf<undefined>();
        expectTypeOf(r.missing).toEqualTypeOf<undefined>();
      }
      if (r.outcome === 'gap') {
        expectTypeOf(r.unknownFacts).toEqualTypeOf<undefined>();
        expectTypeOf(r.waiver).toEqualTypeOf<undefined>();
        if (r.findings === undefined) {
          expectTypeOf(r.fact).toEqualTypeOf<string>();
          expectTypeOf(r.expected).toEqualTypeOf<ConditionValue>();
          expectTypeOf(r.actual).toEqualTypeOf<ConditionValue>();
          expectTypeOf(r.shortfall).toEqualTypeOf<number | undefined>();
        } else {
          expectTypeOf(r.findings).toEqualTypeOf<readonly Finding[]>();
          expectTypeOf(r.expected).toEqualTypeOf<undefined>();
          expectTypeOf(r.shortfall).toEqualTypeOf<undefined>();
        }
      }
      if (r.outcome === 'waived') expectTypeOf(r.waiver).toEqualTypeOf<Waiver>();
      if (r.outcome === 'met' || r.outcome === 'not-applicable') {
        expectTypeOf(r.fact).toEqualTypeOf<undefined>();
        expectTypeOf(r.findings).toEqualTypeOf<undefined>();
        expectTypeOf(r.unknownFacts).toEqualTypeOf<undefined>();
      }
    };
    expect(check).toBeTypeOf('function');
  });

  it('and real results have the shape their type says', async () => {
    const report = await evaluate({ type: 'village-clinic', premises: { buildingArea: 64 }, rooms: ['diagnosis-room'] }, 'changzhi/village-clinic');
    const gaps = report.requirements.filter((r) => r.outcome === 'gap');
    const unknowns = report.requirements.filter((r) => r.outcome === 'unknown');
    expect(gaps.length).toBeGreaterThan(0);
    expect(unknowns.length).toBeGreaterThan(0);
    for (const r of gaps) {
      if (r.findings === undefined) expect(r).toEqual(expect.objectContaining({ fact: expect.any(String), expected: expect.anything(), actual: expect.anything() }));
      else expect(r.findings.length).toBeGreaterThan(1);
      expect(r.unknownFacts).toBeUndefined();
    }
    for (const r of unknowns) {
      expect(r.unknownFacts.length).toBeGreaterThan(0);
      expect(r.expected).toBeUndefined();
    }
    const area = gaps.find((r) => r.requirement === 'building-area')!;
    expect(area).toMatchObject({ fact: 'premises.buildingArea', expected: 80, actual: 64, shortfall: 16 });
  });
});

describe('bundled ids are literal unions generated from rules/', () => {
  it('a bundled id compiles, a misspelt one or any string does not', () => {
    expectTypeOf<'changzhi/village-clinic'>().toExtend<BundledStandardId>();
    expectTypeOf<'changzhi/vilage-clinic'>().not.toExtend<BundledStandardId>();
    expectTypeOf<string>().not.toExtend<BundledStandardId>();
    expectTypeOf<'changzhi/township'>().toExtend<BundledLadderId>();
    expectTypeOf<'changzhi/township-basic'>().not.toExtend<BundledLadderId>();
    expectTypeOf<'changzhi/2028'>().toExtend<BundledProgramId>();
    expectTypeOf(bundledStandard).parameter(0).toEqualTypeOf<BundledStandardId>();
    expectTypeOf(evaluate).parameter(1).toEqualTypeOf<Standard | BundledStandardId>();
    // @ts-expect-error a misspelt id is a type error
    expect(() => bundledStandard('changzhi/vilage-clinic')).toThrow(UnknownIdError);
  });

  it('list exactly the bundled standards, ladders and programmes', () => {
    const sorted = (ids: Iterable<string>) => [...ids].sort();
    expect(sorted(bundledStandardIds)).toEqual(sorted(bundledStandards().keys()));
    expect(sorted(bundledLadderIds)).toEqual(sorted(bundledLadders().keys()));
    expect(sorted(bundledProgramIds)).toEqual(sorted(bundledPrograms().keys()));
  });

  it('a string read at run time is narrowed by a guard', () => {
    const read: string = ['changzhi', 'village-clinic'].join('/');
    expect(isBundledStandardId(read)).toBe(true);
    if (isBundledStandardId(read)) expect(bundledStandard(read).id).toBe(read);
    expect(isBundledStandardId('changzhi/vilage-clinic')).toBe(false);
  });

  it('custom ids are accepted where the caller loads its own standards', async () => {
    const county = loadStandards([{ file: 'county/village-clinic.yaml', text: overlay }], { base: bundledStandards() }).get('county/village-clinic')!;
    const report = await evaluate({ type: 'village-clinic', premises: { buildingArea: 96 } }, county);
    expect(report.standard.id).toBe('county/village-clinic');
  });
});

describe('errors have a class, a code and, for ids, suggestions', () => {
  it.each([
    ['an unknown id', () => bundledStandard('changzhi/vilage-clinic' as BundledStandardId), UnknownIdError, 'unknown-id'],
    ['an invalid record', () => core.parseRecord({ rooms: ['pharmacy', 'pharmacy'] }), RecordError, 'record-invalid'],
    ['a broken rule file', () => core.loadStandard('id: x\n', 'x.yaml'), RuleFileError, 'rule-file-invalid'],
    ['a standard of another type', () => core.evaluateSync({ type: 'township-health-center' }, 'changzhi/village-clinic'), FacilityTypeError, 'facility-type-mismatch'],
  ] as const)('%s', (_what, fail, type, code) => {
    let caught: unknown;
    try {
      fail();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(type);
    expect(caught).toMatchObject({ code });
  });

  it('an unknown id suggests the nearest', () => {
    expect(() => bundledStandard('changzhi/vilage-clinic' as BundledStandardId)).toThrow(
      expect.objectContaining({ suggestions: ['changzhi/village-clinic'], text: expect.objectContaining({ zh: expect.stringContaining('是否为 changzhi/village-clinic') }) }),
    );
  });
});

describe('evaluateAll takes the caller’s standards and overlays', () => {
  const record = { type: 'village-clinic' as const, region: { province: '山西省', city: '长治市', county: '某县' }, premises: { buildingArea: 96 } };
  const county = () => loadStandards([{ file: 'county/village-clinic.yaml', text: overlay }], { base: bundledStandards() }).get('county/village-clinic')!;

  it('an overlay for the record’s county is chosen in place of the city standard it extends', async () => {
    const bundledOnly = (await evaluateAll(record)).map((r) => r.standard.id);
    expect(bundledOnly).toContain('changzhi/village-clinic');
    const ids = (await evaluateAll(record, { overlays: [county()] })).map((r) => r.standard.id);
    expect(ids).toContain('county/village-clinic');
    expect(ids).not.toContain('changzhi/village-clinic');
    const area = (await evaluateAll(record, { overlays: [county()] })).find((r) => r.standard.id === 'county/village-clinic')!;
    expect(area.requirements.find((r) => r.requirement === 'building-area')).toMatchObject({ outcome: 'gap', shortfall: 4 });
  });

  it('`standards` replaces the bundled ones', async () => {
    const ids = (await evaluateAll(record, { standards: [bundledStandard('national/village-clinic-2014')] })).map((r) => r.standard.id);
    expect(ids).toEqual(['national/village-clinic-2014']);
  });

  it('uses the compliant fixture the overlay is written against', () => {
    expect(readFileSync(new URL(compliant, new URL('./testing/', import.meta.url)), 'utf8')).toContain('village-clinic');
  });
});

describe('the entry points', () => {
  const internals = ['evaluateRows', 'compileCondition', 'compileStandard', 'requiredOf', 'contributions', 'readFacts', 'inForce', 'covers', 'portfolioBuilder', 'batchContext', 'recordFromRow', 'FacilityRecord'];

  it.each([
    ['.', core],
    ['./node', node],
  ])('%s exports no internals', (_entry, module) => {
    for (const name of internals) expect(Object.keys(module), name).not.toContain(name);
  });

  it('exports the version of package.json', () => {
    expect(version).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });

  it('names the rule-file schema RuleFileSchema, with the old name a deprecated alias', () => {
    expect(StandardSchema).toBe(RuleFileSchema);
    expect(core.FacilityRecordSchema.safeParse({ type: 'village-clinic' }).success).toBe(true);
  });

  it('exports ./sources/* in package.json, as every report cites a file there', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./sources/*']).toBe('./sources/*');
    expect(manifest.files).toContain('sources');
    expect(manifest.dependencies.exceljs).toBeUndefined();
    expect(manifest.optionalDependencies.exceljs).toBeDefined();
  });
});

describe('each bundled standard has a module of its own', () => {
  it('for every bundled id, with one surface: the standard, evaluateSync and the default export', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./standards/*'].import.default).toBe('./dist/standards/*.js');
    for (const id of bundledStandardIds) {
      const module = (await import(`../src/generated/entries/${id.split('/')[0]}/${id.split('/')[1]}.ts`)) as Record<string, unknown>;
      expect(Object.keys(module).sort(), id).toEqual(['default', 'evaluateSync', 'standard']);
      expect(module.standard).toBe(bundledStandard(id));
    }
  });

  it('evaluates as the main entry does, and validates without zod', async () => {
    const { evaluateSync } = await import('../src/generated/entries/changzhi/county-subcenter.js');
    const record = { id: 'c', type: 'township-health-center', staff: { onPost: 40, healthTechnicians: 33 }, departments: ['internal-medicine'] } satisfies core.FacilityRecordInput;
    expect(evaluateSync(record)).toEqual(core.evaluateSync(record, 'changzhi/county-subcenter'));
    expect(() => evaluateSync({ type: 'village-clinic' })).toThrow(FacilityTypeError);
    expect(() => evaluateSync({ staff: { onPost: -1 } })).toThrow(RecordError);
  });
});
