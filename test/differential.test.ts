import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { bundledRuleFiles } from '../src/generated/rules.js';
import { bundledStandards, evaluate, evaluationPath, loadRules, loadStandard, operators, parseRecord, parseRecordsText, type FacilityRecordInput, type Standard } from '../src/index.js';
import { arbitraryRecord } from './support/arbitrary-record.js';

/**
 * Every evaluation path gives deep-equal reports for every bundled standard, on every fixture
 * and on random records: json-rules-engine (the reference semantics); the evaluators generated
 * at build time (the bundled standards); those generated at load (the same rule files loaded at
 * run time); and the closures used where code generation is refused.
 */

/** Every operator, and the combinators, on facts random records vary — beyond what the bundled standards use. */
const everyOperatorText = 
  `id: test/every-operator
version: "1"
title: { zh: 全部运算符, en: Every operator }
facilityType: village-clinic
source: { title: 测试, issuer: 测试, date: 2026-01-01, file: sources/test.txt }
requirements:
${[
  ['equal', '{ fact: premises.ownership, operator: equal, value: collective }'],
  ['not-equal', '{ fact: premises.ownership, operator: notEqual, value: rented }'],
  ['less-than', '{ fact: premises.buildingArea, operator: lessThan, value: 80 }'],
  ['less-than-inclusive', '{ fact: drugs.varieties, operator: lessThanInclusive, value: 50 }'],
  ['greater-than', '{ fact: services.commonDiseases, operator: greaterThan, value: 40 }'],
  ['greater-than-inclusive', '{ fact: healthTechRatio, operator: greaterThanInclusive, value: 0.8 }'],
  ['in', '{ fact: premises.ownership, operator: in, value: [collective, government] }'],
  ['not-in', '{ fact: region.villageCategory, operator: notIn, value: [relocation-merger, other] }'],
  ['contains', '{ fact: rooms, operator: contains, value: pharmacy }'],
  ['does-not-contain', '{ fact: equipment, operator: doesNotContain, value: ct-scanner }'],
  ['includes-all', '{ fact: departments, operator: includesAll, value: [general-practice, surgery, tcm] }'],
  ['includes-any', '{ fact: ambulances, operator: includesAny, value: [transport, emergency] }'],
  ['fact-value', '{ fact: name, operator: equal, value: { fact: standardVillageClinicName } }'],
  ['any-not', '{ any: [{ not: { fact: roomsPartitioned, operator: equal, value: true } }, { all: [{ fact: staff.onPost, operator: greaterThanInclusive, value: 15 }, { fact: utilities.heating, operator: equal, value: true }] }] }'],
]
  .map(([id, check]) => `  - { id: ${id}, clause: 一, quote: 一, severity: required, title: { zh: ${id}, en: ${id} }, check: ${check} }`)
  .join('\n')}
`;
const everyOperator = loadStandard(everyOperatorText, 'test/every-operator.yaml');

/** The bundled rule files and the operator test loaded at run time, compiled as a page without code generation would. */
function loadedWithoutCodeGeneration(): Standard[] {
  vi.stubGlobal('Function', function refuseCodeGeneration() {
    throw new EvalError('Code generation from strings disallowed for this context');
  });
  try {
    const standards = [...loadRules(ruleFiles()).standards.values(), loadStandard(everyOperatorText, 'test/every-operator.yaml')];
    for (const standard of standards) evaluationPath(standard);
    return standards;
  } finally {
    vi.unstubAllGlobals();
  }
}
const ruleFiles = () => Object.entries(bundledRuleFiles).map(([file, text]) => ({ file, text }));

const standards = [...bundledStandards().values(), everyOperator];
/** The same standards on the other compiled paths, in the same order. */
const otherPaths = { function: [...loadRules(ruleFiles()).standards.values(), everyOperator], closures: loadedWithoutCodeGeneration() };

it('each path is the one it stands for', () => {
  expect(new Set(standards.slice(0, -1).map(evaluationPath))).toEqual(new Set(['generated']));
  expect(new Set(otherPaths.function.map(evaluationPath))).toEqual(new Set(['function']));
  expect(new Set(otherPaths.closures.map(evaluationPath))).toEqual(new Set(['closures']));
  expect(otherPaths.function.map((s) => s.id)).toEqual(standards.map((s) => s.id));
  expect(otherPaths.closures.map((s) => s.id)).toEqual(standards.map((s) => s.id));
});

it('the operator test standard uses every operator', () => {
  const used = new Set([...JSON.stringify(everyOperator.requirements.map((r) => r.check)).matchAll(/"operator":"(\w+)"/g)].map((m) => m[1]));
  expect([...used].sort()).toEqual([...operators.keys()].sort());
});

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : path.endsWith('.yaml') ? [path] : [];
  });
}

/** The standards a record can be checked against: those of its type (every one when it gives none). */
const forType = (record: FacilityRecordInput) => standards.flatMap((s, i) => (record.type === undefined || s.facilityType === record.type ? [i] : []));

async function expectSameReports(record: FacilityRecordInput) {
  for (const i of forType(record)) {
    const standard = standards[i]!;
    const reference = await evaluate(record, standard, { engine: 'json-rules-engine' });
    const text = JSON.stringify(reference);
    const generated = await evaluate(record, standard);
    expect(generated).toEqual(reference);
    expect(JSON.stringify(generated)).toBe(text);
    for (const path of [otherPaths.function[i]!, otherPaths.closures[i]!]) expect(JSON.stringify(await evaluate(record, path))).toBe(text);
  }
}

describe('every compiled path and json-rules-engine agree', () => {
  const fixtures = [...fixtureFiles('fixtures'), ...fixtureFiles('examples')];

  it('on every fixture', async () => {
    expect(fixtures.length).toBeGreaterThan(30);
    for (const file of fixtures) {
      for (const record of parseRecordsText(readFileSync(file, 'utf8'), file)) await expectSameReports(record);
    }
    // Every fixture against every standard on both engines: about 2 s alone, more on a busy machine.
  }, 30_000);

  it('on random records', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRecord, async (record) => {
        parseRecord(record);
        await expectSameReports(record);
      }),
      { seed: 20261123, numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 30_000);
});
