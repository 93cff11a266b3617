import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bundledStandards,
  evaluateSync,
  FacilityTypeError,
  loadStandard,
  parseRecordsText,
  RecordError,
  RuleFileError,
  type FacilityRecordInput,
  type Report,
} from '../src/index.js';
import { arbitraryRecord } from './support/arbitrary-record.js';

/**
 * Records come from clinics' spreadsheets and other systems; nothing they send may crash the
 * library, pass silently or take unbounded time and memory.
 */

const standards = [...bundledStandards().values()];
const runs = Number(process.env.FUZZ_RUNS ?? 100);

function readError(text: string, file = 'hostile.yaml'): RecordError {
  try {
    parseRecordsText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordError);
    return error as RecordError;
  }
  throw new Error('the text was accepted');
}

describe('hostile YAML and JSON records', () => {
  it('an alias bomb ("billion laughs") is refused at once, at the alias', () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    }
    const start = performance.now();
    const [d] = readError(lines.join('\n')).diagnostics;
    expect(performance.now() - start).toBeLessThan(2000);
    expect(d!.message).toBe('YAML: Excessive alias count indicates a resource exhaustion attack');
    expect(d!.line).toBe(2);
  });

  it('a document nested thousands deep is refused with a sentence, not a stack overflow', () => {
    const [d] = readError(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`).diagnostics;
    expect(d!.message).toBe('YAML syntax: the document is nested too deeply to read');
  });

  it('a file too large to read whole is refused before parsing, pointing to batch', () => {
    const line = '- { id: c, premises: { buildingArea: 80 }, rooms: [pharmacy] }\n';
    const text = line.repeat(Math.ceil(4_000_001 / line.length));
    const start = performance.now();
    const [d] = readError(text, 'clinics.yaml').diagnostics;
    expect(performance.now() - start).toBeLessThan(100);
    expect(d!.message).toMatch(/^clinics\.yaml is 4\.0 million characters; .* `facility-standards batch` as NDJSON or CSV$/);
  });

  it('a very long string is read as it is', () => {
    const [record] = parseRecordsText(`name: ${'卫'.repeat(1_000_000)}\n`, 'long.yaml');
    expect(record!.name).toHaveLength(1_000_000);
  });

  it.each([
    ['.nan', 'expected a number, got NaN'],
    ['.inf', 'expected a number, got Infinity'],
    ['-80', 'must not be negative, got -80'],
    ['"80㎡"', 'expected a number, got "80㎡"'],
    ['八十', 'expected a number, got "八十"'],
    ['８０', 'expected a number, got "８０"'],
  ])('a building area of %s is refused: %s', (value, message) => {
    const [d] = readError(`premises:\n  buildingArea: ${value}\n`).diagnostics;
    expect(d!.toString()).toBe(`hostile.yaml:2:17: ${message} (at premises.buildingArea)`);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key is an unknown field, and Object.prototype is untouched', (key) => {
    for (const text of [`${key}: { polluted: true }\n`, `premises:\n  ${key}: { polluted: true }\n`, `{"equipment": {"${key}": 1}}`]) {
      expect(readError(text).diagnostics[0]!.message).toMatch(new RegExp(`unknown (field|equipment code) "${key}"`));
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as { constructor: unknown }).constructor).toBe(Object);
  });

  it('a rule file naming constructor as a parameter is told the parameter is not declared', () => {
    const text = `id: test/x
version: "1"
title: { zh: 测试, en: Test }
facilityType: village-clinic
source: { title: 测试, issuer: 测试县, date: 2026-01-01, file: sources/test.txt }
requirements:
  - { id: area, clause: 一, quote: 一, severity: required, title: { zh: 面积, en: area }, check: { fact: premises.buildingArea, operator: greaterThanInclusive, value: { param: constructor } } }
`;
    expect(() => loadStandard(text, 'x.yaml')).toThrow(RuleFileError);
    expect(() => loadStandard(text, 'x.yaml')).toThrow(/unknown parameter "constructor"/);
  });
});

/** Every requirement of every standard has exactly one outcome. */
function expectComplete(report: Report, requirementCount: number) {
  expect(report.requirements).toHaveLength(requirementCount);
  for (const r of report.requirements) expect(['met', 'gap', 'unknown', 'not-applicable']).toContain(r.outcome);
  const counted = Object.values(report.counts).reduce((a, b) => a + b, 0);
  expect(counted).toBe(requirementCount);
}

describe('properties of evaluation', () => {
  it('any JSON value gives a complete report, a RecordError naming a path, or a FacilityTypeError for a record of another type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), arbitraryRecord, fc.object()), (input) => {
        for (const standard of standards) {
          let report: Report;
          const type = (input as { type?: unknown } | null)?.type;
          try {
            report = evaluateSync(input as FacilityRecordInput, standard);
          } catch (error) {
            if (error instanceof FacilityTypeError) {
              expect(type).not.toBe(standard.facilityType);
              expect(error.recordType).toBe(type);
              continue;
            }
            expect(error).toBeInstanceOf(RecordError);
            for (const d of (error as RecordError).diagnostics) expect(d.message).not.toBe('');
            return;
          }
          // Never an outcome, let alone met, for a record of another type.
          expect(type === undefined || type === standard.facilityType).toBe(true);
          expectComplete(report, standard.requirements.length);
        }
      }),
      { seed: 20261123, numRuns: runs },
    );
  });

  /** A record with one more of something a standard asks for: a room, a device, area, a health technician. */
  const improvement = fc.oneof(
    fc.constantFrom(...['diagnosis-room', 'pharmacy', 'public-health-room', 'tcm-corner', 'observation-room', 'tcm-hall', 'living-area']).map(
      (room) => (r: FacilityRecordInput) => ({ ...r, rooms: [...new Set([...(r.rooms ?? []), room as never])] }),
    ),
    fc.constantFrom('stethoscope', 'aed', 'oxygen-supply', 'cupping-set', 'digital-radiography').map(
      (code) => (r: FacilityRecordInput) => ({ ...r, equipment: { ...r.equipment, [code]: ((r.equipment as Record<string, number> | undefined)?.[code] ?? 0) + 1 } }),
    ),
    fc.integer({ min: 1, max: 40 }).map((more) => (r: FacilityRecordInput) => ({
      ...r,
      premises: { ...r.premises, ...(r.premises?.buildingArea !== undefined && { buildingArea: r.premises.buildingArea + more }) },
    })),
    fc.constant((r: FacilityRecordInput) =>
      r.staff?.onPost !== undefined && r.staff.healthTechnicians !== undefined
        ? { ...r, staff: { ...r.staff, onPost: r.staff.onPost + 1, healthTechnicians: r.staff.healthTechnicians + 1 } }
        : r,
    ),
  );

  it('is monotone: adding a room, a device, area or a health technician never turns a met requirement into a gap', () => {
    fc.assert(
      fc.property(arbitraryRecord, improvement, (record, improve) => {
        const better = improve(record);
        for (const standard of standards.filter((s) => record.type === undefined || s.facilityType === record.type)) {
          const before = evaluateSync(record, standard).requirements;
          const after = evaluateSync(better, standard).requirements;
          before.forEach((r, i) => {
            if (r.outcome === 'met') expect(after[i]!.outcome, `${standard.id} ${r.requirement}`).not.toBe('gap');
          });
        }
      }),
      { seed: 20261123, numRuns: runs },
    );
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        for (const standard of standards.filter((s) => record.type === undefined || s.facilityType === record.type)) {
          expect(JSON.stringify(evaluateSync(structuredClone(record), standard))).toBe(JSON.stringify(evaluateSync(record, standard)));
        }
      }),
      { seed: 20261123, numRuns: runs },
    );
  });
});
