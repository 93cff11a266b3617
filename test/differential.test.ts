import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledStandards, evaluate, loadStandard, operators, parseRecord, parseRecordsText, type FacilityRecordInput } from '../src/index.js';
import { arbitraryRecord } from './support/arbitrary-record.js';

/**
 * The compiled evaluator and json-rules-engine (the reference semantics) give deep-equal
 * reports for every bundled standard, on every fixture and on random records.
 */

/** Every operator, and the combinators, on facts random records vary — beyond what the bundled standards use. */
const everyOperator = loadStandard(
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
`,
  'test/every-operator.yaml',
);

const standards = [...bundledStandards().values(), everyOperator];

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

async function expectSameReports(record: FacilityRecordInput) {
  for (const standard of standards) {
    const compiled = await evaluate(record, standard);
    const reference = await evaluate(record, standard, { engine: 'json-rules-engine' });
    expect(compiled).toEqual(reference);
  }
}

describe('the compiled path and json-rules-engine agree', () => {
  const fixtures = [...fixtureFiles('fixtures'), ...fixtureFiles('examples')];

  it('on every fixture', async () => {
    expect(fixtures.length).toBeGreaterThan(30);
    for (const file of fixtures) {
      for (const record of parseRecordsText(readFileSync(file, 'utf8'), file)) await expectSameReports(record);
    }
  }, 30_000);

  it('on random records', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRecord, async (record) => {
        parseRecord(record);
        await expectSameReports(record);
      }),
      { seed: 20261123, numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
