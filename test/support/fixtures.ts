import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseRecordsText, type FacilityRecord, type Outcome, type Report, type RequirementResult } from '../../src/index.js';

/** Helpers the per-standard fixture tests share. */

/** The one record of a fixture file, by its path under fixtures/. */
export function loadFixture(path: string): FacilityRecord {
  const file = fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
  const records = parseRecordsText(readFileSync(file, 'utf8'), file);
  expect(records).toHaveLength(1);
  return records[0]!;
}

/** A copy of a record with a change applied, so fixtures loaded once are never mutated. */
export function patch(record: FacilityRecord, change: (r: FacilityRecord) => void): FacilityRecord {
  const copy = structuredClone(record);
  change(copy);
  return copy;
}

export const outcomesById = (report: Report): Record<string, Outcome> =>
  Object.fromEntries(report.requirements.map((r) => [r.requirement, r.outcome]));

/** Every requirement `met`, except the ones named. */
export const allMetExcept = (ids: readonly string[], others: Record<string, Outcome> = {}): Record<string, Outcome> =>
  Object.fromEntries(ids.map((id) => [id, others[id] ?? 'met']));

export const counts = (c: Partial<Record<Outcome, number>>) => ({ met: 0, gap: 0, unknown: 0, 'not-applicable': 0, waived: 0, ...c });

export function requirement(report: Report, id: string): RequirementResult {
  const found = report.requirements.find((r) => r.requirement === id);
  expect(found, `requirement ${id}`).toBeDefined();
  return found!;
}

/** A single-defect fixture's gap, derived by hand from the source text. */
export interface ExpectedGap {
  readonly fact: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly missing?: readonly string[];
  readonly shortfall?: number;
  /** The whole Chinese message, where given; otherwise phrases it must contain. */
  readonly zhIs?: string;
  readonly zh?: readonly string[];
  /** Phrases the English message must contain. */
  readonly en: readonly string[];
}

/** A gap on exactly one condition, with the figures and message expected. */
export function expectGap(gap: RequirementResult, e: ExpectedGap): void {
  expect(gap.outcome).toBe('gap');
  expect(gap.fact).toBe(e.fact);
  expect(gap.expected).toEqual(e.expected);
  expect(gap.actual).toEqual(e.actual);
  expect(gap.missing).toEqual(e.missing);
  expect(gap.shortfall).toBe(e.shortfall);
  expect(gap.findings).toBeUndefined();
  expect(gap.unknownFacts).toBeUndefined();
  if (e.zhIs !== undefined) expect(gap.message.zh).toBe(e.zhIs);
  for (const phrase of e.zh ?? []) expect(gap.message.zh).toContain(phrase);
  for (const phrase of e.en) expect(gap.message.en).toContain(phrase);
}
